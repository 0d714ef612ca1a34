package cases

import "testing"

func TestPass(t *testing.T) {}

func TestFail(t *testing.T) {
	t.Error("want 3, got 4")
}

func TestSkip(t *testing.T) {
	t.Skip("not on CI")
}

func TestSub(t *testing.T) {
	t.Run("one", func(t *testing.T) {})
	t.Run("two", func(t *testing.T) { t.Fatal("two is wrong") })
}
