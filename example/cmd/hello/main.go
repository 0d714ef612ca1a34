// Command hello prints where it runs: the smallest program whose binaries the plugin checks.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Printf("hello from %s/%s, built with %s\n", runtime.GOOS, runtime.GOARCH, runtime.Version())
}
