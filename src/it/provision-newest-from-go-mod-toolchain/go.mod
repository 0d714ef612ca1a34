module example.com/it

go 1.22

toolchain go1.27.4
