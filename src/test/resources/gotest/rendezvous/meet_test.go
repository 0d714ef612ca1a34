package rendezvous

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// TestBothRunsAtOnce passes only while the amd64 and the arm64 run of this test are alive at the same time: each
// leaves a file named after its GOARCH in the directory RENDEZVOUS names (go test passes the environment on) and
// waits up to RENDEZVOUS_WAIT for the other's. Run one after the other, the first waits in vain and fails.
func TestBothRunsAtOnce(t *testing.T) {
	dir := os.Getenv("RENDEZVOUS")
	if dir == "" {
		t.Skip("RENDEZVOUS is not set")
	}
	other := map[string]string{"amd64": "arm64", "arm64": "amd64"}[runtime.GOARCH]
	if err := os.WriteFile(filepath.Join(dir, runtime.GOARCH), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	wait, err := time.ParseDuration(os.Getenv("RENDEZVOUS_WAIT"))
	if err != nil {
		t.Fatalf("RENDEZVOUS_WAIT: %v", err)
	}
	deadline := time.Now().Add(wait)
	for {
		if _, err := os.Stat(filepath.Join(dir, other)); err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the %s run did not run while this %s one did", other, runtime.GOARCH)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
