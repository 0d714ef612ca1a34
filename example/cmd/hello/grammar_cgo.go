//go:build cgo

package main

// With cgo, hello links the tree-sitter Python grammar: C sources that go mod vendor leaves out of vendor/
// (they sit in the module's src/, a directory without Go files), which the plugin's vendor goal restores.

import python "github.com/tree-sitter/tree-sitter-python/bindings/go"

func grammar() string {
	if python.Language() == nil {
		return "tree-sitter Python grammar missing"
	}
	return "tree-sitter Python grammar linked (cgo)"
}
