// karalabe/hid compiles hidapi and libusb from hidapi/ and libusb/, sub-directories whose packages nothing
// imports, so go mod vendor leaves them out; one header is reached only through #include MACRO.
package main

import (
	"fmt"

	"github.com/karalabe/hid"
)

func main() {
	devs, err := hid.Enumerate(0, 0)
	fmt.Printf("hid ok: supported=%v devices=%d err=%v\n", hid.Supported(), len(devs), err)
}
