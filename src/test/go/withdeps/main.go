// Command withdeps has real dependencies from the module proxy and two replace directives, so that
// its build info carries dep lines, sums and "=>" replacements for the build-info parser's tests.
package main

import (
	"fmt"

	"example.com/local"
	"rsc.io/quote"
)

// v is set by some test builds with -ldflags=-X, so that -ldflags shows up in the build settings.
var v = "0"

func main() {
	fmt.Println(quote.Hello(), local.Name(), v)
}
