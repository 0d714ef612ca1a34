//go:build !cgo

package main

import "testing"

func TestGrammarWithoutCgo(t *testing.T) {
	if got, want := grammar(), "no C grammar (built without cgo)"; got != want {
		t.Fatalf("grammar() = %q, want %q", got, want)
	}
}
