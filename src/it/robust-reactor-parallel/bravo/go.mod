module example.com/bravo

go 1.21
