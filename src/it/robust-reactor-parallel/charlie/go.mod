module example.com/charlie

go 1.21
