// The same vulnerable module version as vulnlinked, but only a package the entry does not name: the module is
// present, the vulnerable symbols are not linked.
package main

import (
	"fmt"

	"golang.org/x/text/width"
)

func main() {
	fmt.Println(width.Narrow.String("ｇｏ"))
}
