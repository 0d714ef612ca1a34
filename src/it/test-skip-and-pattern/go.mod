module example.com/pattern

go 1.21
