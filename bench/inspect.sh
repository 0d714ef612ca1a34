#!/usr/bin/env bash
# Inspection speed against the reference tools, on the same files in the same run:
#   in-process BinaryInspector (JMH, per binary)  vs  `go version -m` + `readelf -d -V -W` (per binary).
# Usage: bench/inspect.sh [files...]   (default: every executable under GOROOT/bin and GOROOT/pkg/tool)
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/bench
mkdir -p "$out"

if [ $# -gt 0 ]; then printf '%s\n' "$@" > "$out/files.txt"; else
  goroot=$(go env GOROOT)
  find "$goroot/bin" "$goroot/pkg/tool" -type f -perm -u+x | sort > "$out/files.txt"
fi
n=$(wc -l < "$out/files.txt")
bytes=$(xargs -a "$out/files.txt" stat -c %s | awk '{s+=$1} END {print s}')
echo "files: $n executables, $((bytes / 1048576)) MiB in all"

mvn -B -q test-compile -Dinvoker.skip=true
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=test >/dev/null
cp="target/test-classes:target/classes:$(cat "$out/classpath.txt")"

# Reference tools: three passes over all files, the fastest pass counts (warm page cache, like JMH's warm-up).
best=""
for pass in 1 2 3; do
  start=$(date +%s%N)
  while read -r f; do go version -m "$f" >/dev/null 2>&1 || true; readelf -d -V -W "$f" >/dev/null 2>&1 || true; done < "$out/files.txt"
  ns=$(( $(date +%s%N) - start ))
  if [ -z "$best" ] || [ "$ns" -lt "$best" ]; then best=$ns; fi
done
ref_us=$(( best / n / 1000 ))

java -cp "$cp" org.openjdk.jmh.Main InspectBenchmark -p fileList="$PWD/$out/files.txt" -rf json -rff "$out/jmh.json" | tee "$out/jmh.txt" | grep -E 'InspectBenchmark|p0.50|p0.90|p0.99' || true
read -r median mean < <(python3 - "$out/jmh.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))[0]["primaryMetric"]
print(r["scorePercentiles"]["50.0"], r["score"])
PY
)
echo
printf '%-52s %12s\n' "per binary, over the same $n files" "microseconds"
printf '%-52s %12.1f\n' "in-process BinaryInspector, median (JMH)" "$median"
printf '%-52s %12.1f\n' "in-process BinaryInspector, mean (JMH)" "$mean"
printf '%-52s %12d\n' "go version -m + readelf -d -V -W (best of 3 passes)" "$ref_us"
python3 -c "print('%-52s %11.0fx' % ('reference tools / in-process mean', $ref_us / $mean))"
