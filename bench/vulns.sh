#!/usr/bin/env bash
# The vulnerabilities rule against govulncheck -mode=binary, on the example's binaries and the same database (the
# pinned golang.org/x/vulndb's OSV files; for govulncheck in the v1 layout src/test/go/vulndbv1 writes):
#   plugin:      the rule (inspect + evaluate) in one JVM: its first call on each binary (the first one of the JVM
#                pays the rule's class loading), then after 200 warm-up calls the median of N   (VulnsTiming)
#                and the index build from the OSV files, cold (empty index directory)
#   govulncheck: v1.9.0 (~/.cache/go-hygiene/bin, as the differential test installs it), one process per run
# Usage: bench/vulns.sh [dir of <goos>_<goarch>/hello*] [runs]   (default example/target/go from bash example/run.sh;
#        when it is missing the example's cmd/hello is built with go directly (-trimpath, cgo off); 10 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
bins=${1:-example/target/go}
runs=${2:-10}
out=target/bench
mkdir -p "$out"
ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
if ! ls "$bins"/*/hello* >/dev/null 2>&1; then
  bins=$out/example-go
  for p in linux_amd64 linux_arm64 darwin_arm64 windows_amd64; do
    exe=hello; [ "${p%_*}" = windows ] && exe=hello.exe
    (cd example && CGO_ENABLED=0 GOOS=${p%_*} GOARCH=${p#*_} go build -trimpath -o "../$bins/$p/$exe" ./cmd/hello)
  done
fi
mvn -B -q -o test-compile -Dinvoker.skip=true -Dfuzz.skip=true
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=test >/dev/null
cp="target/test-classes:target/classes:$(cat "$out/classpath.txt")"
govulncheck=$HOME/.cache/go-hygiene/bin/govulncheck
[ -x "$govulncheck" ] || GOBIN=$HOME/.cache/go-hygiene/bin GOFLAGS= go install golang.org/x/vuln/cmd/govulncheck@v1.9.0

java -cp "$cp" io.gohygiene.bench.VulnsTiming "$PWD/$out/vulns-index" "$runs" "$bins"/*/hello* > "$out/vulns.txt"
osv=$(ls -d "$HOME"/.cache/go-hygiene/vulndb-modcache/golang.org/x/vulndb@*/data/osv)
rm -rf "$out/vulns-v1"
(cd src/test/go/vulndbv1 && GOTOOLCHAIN=local go run . "$osv" "$PWD/../../../../$out/vulns-v1")
echo "index build, cold: $(sed -n 's/^cold_index_ms //p' "$out/vulns.txt") ms; warm open: $(sed -n 's/^warm_open_ms //p' "$out/vulns.txt") ms"
echo "| binary | govulncheck median ms | rule median ms (warm) | ratio | rule, first call ms | ids (warn) |"
for b in "$bins"/*/hello*; do
  g=()
  for i in $(seq "$runs"); do s=$(ms); "$govulncheck" -mode=binary -db "file://$PWD/$out/vulns-v1" -format json "$b" >/dev/null; g+=($(( $(ms) - s ))); done
  gm=$(median "${g[@]}")
  line=$(grep "^binary $b " "$out/vulns.txt")
  rm_=$(echo "$line" | awk '{print $4}')
  first=$(grep "^first $b " "$out/vulns.txt" | awk '{print $4}')
  echo "| $b | $gm | $rm_ | $(awk -v g="$gm" -v r="$rm_" 'BEGIN{printf "%.0fx", g/r}') | $first | $(echo "$line" | awk '{print $6" ("$8")"}') |"
done
