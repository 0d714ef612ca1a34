// A small CLI of the kind people release for four platforms: it resolves names (package net) and looks up the
// current user (os/user), both of which use cgo's resolver when cgo is on, so go's default for a native build with
// gcc on PATH is a dynamically linked binary.
package main

import (
	"fmt"
	"net"
	"os"
	"os/user"
)

var version = "dev"

func main() {
	if len(os.Args) > 1 && os.Args[1] == "version" {
		fmt.Println("netcli", version)
		return
	}
	addrs, err := net.LookupHost("localhost")
	u, _ := user.Current()
	fmt.Println(addrs, err, u != nil)
}
