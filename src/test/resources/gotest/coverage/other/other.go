// Package other is fully covered.
package other

func Twice(s string) string {
	return s + s
}
