package main

import "testing"

func TestGreeting(t *testing.T) {
	if got := "built through the remote cache\n"; len(got) == 0 {
		t.Fatal("empty greeting")
	}
}
