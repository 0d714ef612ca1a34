//go:build cgo

package main

import (
	"testing"

	python "github.com/tree-sitter/tree-sitter-python/bindings/go"
)

func TestGrammarLinkedWithCgo(t *testing.T) {
	if got, want := grammar(), "tree-sitter Python grammar linked (cgo)"; got != want {
		t.Fatalf("grammar() = %q, want %q", got, want)
	}
}

// The TSLanguage that python.Language() returns is the one compiled from the vendored src/parser.c and src/scanner.c
// (the C files the vendor goal restores): its header starts with the uint32 counts tree-sitter-python v0.23.6's
// parser.c defines (LANGUAGE_VERSION, SYMBOL_COUNT, ALIAS_COUNT, TOKEN_COUNT, EXTERNAL_TOKEN_COUNT; the 12 external
// tokens are the ones scanner.c scans). A different or truncated grammar, or one from another release, shows here.
func TestGrammarHeader(t *testing.T) {
	lang := python.Language()
	if lang == nil {
		t.Fatal("python.Language() is nil")
	}
	header := (*[5]uint32)(lang)
	tests := []struct {
		field string
		index int
		want  uint32
	}{
		{"ABI version", 0, 14},
		{"symbol count", 1, 273},
		{"alias count", 2, 2},
		{"token count", 3, 108},
		{"external token count", 4, 12},
	}
	for _, tc := range tests {
		t.Run(tc.field, func(t *testing.T) {
			if got := header[tc.index]; got != tc.want {
				t.Errorf("TSLanguage field %d (%s) = %d, want %d", tc.index, tc.field, got, tc.want)
			}
		})
	}
}
