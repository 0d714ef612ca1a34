package main

// note is set with -ldflags -X to text that a shell would run; it must arrive as text.
var note = "unset"

func main() { println(note) }
