package other

import "testing"

func TestTwice(t *testing.T) {
	if Twice("a") != "aa" {
		t.Fatal("not twice")
	}
}
