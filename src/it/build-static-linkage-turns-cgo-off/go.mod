module example.com/netcli

go 1.21
