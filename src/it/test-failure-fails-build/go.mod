module example.com/fails

go 1.21
