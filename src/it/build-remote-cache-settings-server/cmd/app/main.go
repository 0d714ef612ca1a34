package main

import "os"

func main() { os.Stdout.WriteString("built through the remote cache\n") }
