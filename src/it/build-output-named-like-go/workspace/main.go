// Command netcli is published as example.com/netcli/v2; CI checks it out into a directory named workspace.
package main

func main() { println("netcli") }
