package calc

import "testing"

func TestFine(t *testing.T) {}

func TestBroken(t *testing.T) {
	t.Errorf("1 + 1 = %d, want 3", 1+1)
}
