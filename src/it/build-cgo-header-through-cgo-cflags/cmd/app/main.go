package main

/*
#include <stdio.h>
#include "greeting.h"
static void greet(void) { puts(GREETING); fflush(stdout); }
*/
import "C"

func main() { C.greet() }
