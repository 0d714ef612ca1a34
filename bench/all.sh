#!/usr/bin/env bash
# Every benchmark in one run, side by side (docs/benchmarks.md records the figures and the machine):
#   1. in-process inspection of the executables in GOROOT vs `go version -m` + `readelf -d -V -W` (bench/inspect.sh)
#   2. the plugin's verify goal on the example vs the go build of the same project, and a second `mvn verify`
#      with nothing changed vs Maven's own time for the same pom (bench/noop.sh)
#   3. the vendor goal vs plain `go mod vendor` (bench/vendor.sh)
#   4. peak heap while inspecting a 1 GiB file under -Xmx64m
#   5. the test goal (mvn test on the example) vs go test with the same environment plus Maven's empty build
#      (bench/test.sh)
# Usage: bench/all.sh [runs]   (runs for 2, 3 and 5; default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
echo "== 1. inspection vs reference tools"; bash bench/inspect.sh | tail -8
echo "== 2. verify and no-op mvn verify";   bash bench/noop.sh "$runs" | tail -6
echo "== 3. vendor vs go mod vendor";       bash bench/vendor.sh "$runs" | tail -7
echo "== 4. peak heap, 1 GiB file, -Xmx64m"
cp="target/test-classes:target/classes:$(cat target/bench/classpath.txt)"
java -Xmx64m -cp "$cp" io.gohygiene.bench.PeakHeap "$(go env GOROOT)/bin/go" $((1 << 30)) target/bench/one-gib
echo "== 5. test goal vs go test + empty mvn"; bash bench/test.sh "$runs" | tail -6
