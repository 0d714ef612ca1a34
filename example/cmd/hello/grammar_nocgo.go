//go:build !cgo

package main

func grammar() string { return "no C grammar (built without cgo)" }
