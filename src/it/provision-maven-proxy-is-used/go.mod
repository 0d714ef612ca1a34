module example.com/it

go 1.21
