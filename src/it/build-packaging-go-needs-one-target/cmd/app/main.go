package main

func main() { println("one binary") }
