package arch

import (
	"runtime"
	"testing"
)

// Compiled only for arm64 (the file name says so): it runs only in the emulated run.
func TestRunsAsArm64(t *testing.T) {
	if runtime.GOARCH != "arm64" {
		t.Fatalf("runtime.GOARCH = %q, want arm64", runtime.GOARCH)
	}
	if m := Machine(); m != "aarch64" {
		t.Fatalf("uname machine = %q, want aarch64 (the C library of the emulated target)", m)
	}
}
