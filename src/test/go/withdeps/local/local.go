// Package local is a module in a local directory, used through a replace directive.
package local

// Name says where it comes from.
func Name() string { return "local" }
