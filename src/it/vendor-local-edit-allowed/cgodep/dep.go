// Package cgodep keeps its C where go mod vendor does not look: in include/ and csrc/, directories without Go
// files, as many cgo bindings of C libraries do (golang/go#26366).
package cgodep

/*
#cgo CFLAGS: -I${SRCDIR}/include
#include "add.h"
#include "csrc/impl.c"
*/
import "C"

// Add adds in C.
func Add(a, b int) int { return int(C.add(C.int(a), C.int(b))) }

// Version is the C library's version string.
func Version() string { return C.GoString(C.cgodep_version()) }
