module example.com/vulnxcrypto

go 1.21

require golang.org/x/crypto v0.16.0

require golang.org/x/sys v0.15.0 // indirect
