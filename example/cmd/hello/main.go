// Command hello prints where it runs and, when built with cgo, that it links a C library vendored with the
// plugin: the smallest program that goes through the whole chain (toolchain, vendor, build, verify).
package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Printf("hello from %s/%s, built with %s; %s\n", runtime.GOOS, runtime.GOARCH, runtime.Version(), grammar())
}
