//go:build foo
// +build foo

package main

// Built only with -tags=foo, so that the -tags build setting changes what is compiled.
func init() { v += "+foo" }
