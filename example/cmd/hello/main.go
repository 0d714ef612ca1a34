// Command hello prints where it runs and, when built with cgo, that it links a C library vendored with the
// plugin: the smallest program that goes through the whole chain (toolchain, vendor, build, test, verify).
package main

import (
	"fmt"
	"os"
	"runtime"
)

func main() {
	line := greeting(runtime.GOOS, runtime.GOARCH, runtime.Version(), grammar())
	if lang := preferredLanguage(os.Getenv("HELLO_LANGUAGE")); lang != "" {
		line += " (language " + lang + ")"
	}
	fmt.Println(line)
}

// greeting is the line hello prints, apart from the runtime it reads, so the tests can check it for every target the
// example builds, not only the one they run on.
func greeting(goos, goarch, goVersion, grammar string) string {
	return fmt.Sprintf("hello from %s/%s, built with %s; %s", goos, goarch, goVersion, grammar)
}
