package boom

import "testing"

func TestPanics(t *testing.T) {
	panic("boom")
}
