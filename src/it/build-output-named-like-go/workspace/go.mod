module example.com/netcli/v2

go 1.21
