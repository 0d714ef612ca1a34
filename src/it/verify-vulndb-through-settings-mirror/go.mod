module example.com/mirrored

go 1.24
