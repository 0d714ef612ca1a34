module example.com/debugoracle

go 1.21
