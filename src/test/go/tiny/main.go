// Command tiny is the smallest Go program: the tests cross-compile it for many platforms
// to get real executables of every format and architecture.
package main

func main() {
	println("tiny")
}
