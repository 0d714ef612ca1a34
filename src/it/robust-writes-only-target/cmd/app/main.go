package main

import "example.com/writes/internal/greeting"

func main() { println(greeting.Text()) }
