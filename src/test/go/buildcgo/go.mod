module example.com/buildcgo

go 1.21
