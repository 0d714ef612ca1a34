// Package arch asks the C library it is linked with what machine it runs on, so a test can tell an emulated run
// from a native one.
package arch

/*
#include <string.h>
#include <sys/utsname.h>

static int add(int a, int b) { return a + b; }

static void machine(char *out, int size) {
	struct utsname u;
	if (uname(&u) != 0) {
		out[0] = 0;
		return;
	}
	strncpy(out, u.machine, size - 1);
	out[size - 1] = 0;
}
*/
import "C"

// Add adds in C.
func Add(a, b int) int {
	return int(C.add(C.int(a), C.int(b)))
}

// Machine is uname's machine field as the C library reports it ("x86_64", "aarch64").
func Machine() string {
	var buf [65]C.char
	C.machine(&buf[0], C.int(len(buf)))
	return C.GoString(&buf[0])
}
