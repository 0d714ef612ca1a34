// Package greeting gives the build a second package to compile, inside the module.
package greeting

func Text() string { return "hello" }
