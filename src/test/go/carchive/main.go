// Package main is built as a C library (c-archive, c-shared): go writes a header for the exported function.
package main

import "C"

//export Twice
func Twice(x C.int) C.int { return 2 * x }

func main() {}
