package main

func main() { println("pure Go") }
