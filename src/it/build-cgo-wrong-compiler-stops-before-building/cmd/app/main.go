package main

/*
#include <stdio.h>
static void hello(void) { puts("cgo"); }
*/
import "C"

func main() { C.hello() }
