//go:build cgo

// A cgo file for the darwin zig target only: go's compiler identity probe (`CC -### -x c -c -`) runs in this
// package's directory, where zig used to leave "-.o" (issue 16.3).
package greeting

/*
static int answer(void) { return 42; }
*/
import "C"

// Answer comes from C.
func Answer() int { return int(C.answer()) }
