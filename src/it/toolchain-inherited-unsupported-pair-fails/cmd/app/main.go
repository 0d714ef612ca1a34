package main

func main() { println("it") }
