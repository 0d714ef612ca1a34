module example.com/realcgo

go 1.23

require (
	github.com/karalabe/hid v1.0.1-0.20240306101548-573246063e52
	github.com/supranational/blst v0.3.17
	github.com/tree-sitter/tree-sitter-python v0.23.6
)
