module example.com/emulated

go 1.21
