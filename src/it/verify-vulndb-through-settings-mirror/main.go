package main

import "fmt"

func main() { fmt.Println("checked against a database fetched through the mirror") }
