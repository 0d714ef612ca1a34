// Command cgo is the smallest cgo program: it calls the C library, so the linked executable needs
// libc.so.6 with symbol versions, an interpreter and a dynamic section, for the ELF parser's tests.
package main

/*
#include <stdio.h>
#include <stdlib.h>

static int greet(void) {
	return puts(getenv("HOME") != NULL ? "cgo" : "cgo, no HOME");
}
*/
import "C"

func main() {
	C.greet()
}
