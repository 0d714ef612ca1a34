// Command buildcgo is the build goal's cgo program: one libc call, so the linked executable needs the C library.
package main

/*
#include <stdlib.h>

static int twice(int n) {
	return abs(n) * 2;
}
*/
import "C"

import "fmt"

func main() {
	fmt.Println(int(C.twice(-21)))
}
