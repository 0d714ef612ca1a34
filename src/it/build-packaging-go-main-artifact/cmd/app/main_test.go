package main

import "testing"

// The go lifecycle runs the test goal at test: this is the test it runs.
func TestLifecycleRunsMe(t *testing.T) {}
