module example.com/hello

go 1.22

toolchain go1.26.8

require github.com/tree-sitter/tree-sitter-python v0.23.6

require golang.org/x/text v0.3.7
