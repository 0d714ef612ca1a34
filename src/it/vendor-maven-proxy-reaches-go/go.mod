module example.com/proxyit

go 1.21

require github.com/karalabe/hid v1.0.1-0.20240306101548-573246063e52
