module example.com/gotestcoverage

go 1.21
