package main

import (
	"fmt"

	"example.com/cgodep"
)

func main() { fmt.Println(cgodep.Version(), cgodep.Add(2, 3)) }
