// Each module prints its own name, so a report that shows another module's binary stands out.
package main

func main() { println("bravo") }
