package main

import (
	"io"
	"os"
	"runtime"
	"strings"
	"testing"
)

// The line for each target the example's pom builds, with and without the C grammar.
func TestGreeting(t *testing.T) {
	tests := []struct {
		name, goos, goarch, grammar, want string
	}{
		{"linux-amd64 with cgo", "linux", "amd64", "tree-sitter Python grammar linked (cgo)",
			"hello from linux/amd64, built with go1.26.8; tree-sitter Python grammar linked (cgo)"},
		{"linux-arm64", "linux", "arm64", "no C grammar (built without cgo)",
			"hello from linux/arm64, built with go1.26.8; no C grammar (built without cgo)"},
		{"darwin-arm64", "darwin", "arm64", "no C grammar (built without cgo)",
			"hello from darwin/arm64, built with go1.26.8; no C grammar (built without cgo)"},
		{"windows-amd64", "windows", "amd64", "no C grammar (built without cgo)",
			"hello from windows/amd64, built with go1.26.8; no C grammar (built without cgo)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := greeting(tc.goos, tc.goarch, "go1.26.8", tc.grammar); got != tc.want {
				t.Errorf("greeting(%q, %q, go1.26.8, %q)\n got  %q\n want %q", tc.goos, tc.goarch, tc.grammar, got, tc.want)
			}
		})
	}
}

// main prints exactly one line: where this test binary runs, the Go that built it, and the grammar it linked.
func TestMainPrintsOneLine(t *testing.T) {
	out := captureStdout(t, main)
	want := greeting(runtime.GOOS, runtime.GOARCH, runtime.Version(), grammar()) + "\n"
	if out != want {
		t.Fatalf("main printed %q, want %q", out, want)
	}
	if strings.Count(out, "\n") != 1 {
		t.Errorf("main printed %d lines, want 1", strings.Count(out, "\n"))
	}
}

// captureStdout runs f with os.Stdout a pipe and returns what it wrote.
func captureStdout(t *testing.T, f func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	saved := os.Stdout
	os.Stdout = w
	defer func() { os.Stdout = saved }()
	read := make(chan string)
	go func() {
		b, _ := io.ReadAll(r)
		read <- string(b)
	}()
	f()
	w.Close()
	return <-read
}

func TestPreferredLanguage(t *testing.T) {
	for in, want := range map[string]string{"": "", "fr-CH, fr;q=0.9, en;q=0.8": "fr-CH", "de": "de", "not a language!": ""} {
		if got := preferredLanguage(in); got != want {
			t.Errorf("preferredLanguage(%q) = %q, want %q", in, got, want)
		}
	}
}
