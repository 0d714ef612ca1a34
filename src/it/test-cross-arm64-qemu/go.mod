module example.com/crossqemu

go 1.21
