module example.com/carchive

go 1.21
