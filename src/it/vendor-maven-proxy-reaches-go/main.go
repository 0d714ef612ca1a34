package main

import "github.com/karalabe/hid"

func main() { println(hid.Supported()) }
