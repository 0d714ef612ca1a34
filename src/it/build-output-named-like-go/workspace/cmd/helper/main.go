package main

func main() { println("netcli-helper") }
