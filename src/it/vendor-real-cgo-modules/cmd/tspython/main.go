// tree-sitter-python's Go binding includes ../../src/parser.c: a directory go mod vendor prunes.
package main

import (
	"fmt"

	python "github.com/tree-sitter/tree-sitter-python/bindings/go"
)

func main() {
	fmt.Println("tree-sitter-python ok:", python.Language() != nil)
}
