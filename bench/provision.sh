#!/usr/bin/env bash
# Provisioning a Go release, against go's own download of the same release, in the same run:
#   plugin core: golang.org/toolchain zip from the proxy, h1 checked against sum.golang.org (signed note + tlog
#                inclusion proof), unpacked into an empty module cache                         (ProvisionTiming)
#   go itself:   GOTOOLCHAIN=go<release> go version with an empty module cache (download, sumdb check, unpack, run)
# and the cached path (the toolchain already complete in the module cache) in one JVM, after the first call.
# Usage: bench/provision.sh [release] [runs]   (default 1.21.13, 3 runs each; needs the network to the proxy)
set -euo pipefail
cd "$(dirname "$0")/.."
release=${1:-1.21.13}
runs=${2:-3}
out=target/bench
mkdir -p "$out"
mvn -B -q test-compile -Dinvoker.skip=true -Dfuzz.skip=true
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=test >/dev/null
cp="target/test-classes:target/classes:$(cat "$out/classpath.txt")"
ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Each side starts on a settled disk: the trees of the run before (9,000 files, 250 MB) deleted and flushed first,
# or their writeback lands in whichever side is timed next (seen: the same unpack 2.8 s or 8.3 s).
fresh() { if [ -d "$1" ]; then chmod -R u+w "$1"; rm -rf "$1"; fi; mkdir -p "$1"; sync; }
export GOPROXY=${GOPROXY:-https://proxy.golang.org} GOSUMDB=${GOSUMDB:-sum.golang.org}

plugin=(); go_own=(); cached=""
for i in $(seq "$runs"); do
  fresh "$out/provision-go"
  s=$(ms); GOTOOLCHAIN=go$release GOMODCACHE="$PWD/$out/provision-go" GOFLAGS=-modcacherw go version >/dev/null; go_own+=($(( $(ms) - s )))
  fresh "$out/provision-plugin"
  s=$(ms); java -cp "$cp" io.gohygiene.bench.ProvisionTiming "$release" "$PWD/$out/provision-plugin" 20 > "$out/provision.txt"; wall=$(( $(ms) - s ))
  plugin+=($(sed -n 's/^first_ms //p' "$out/provision.txt"))
  cached=$(sed -n 's/^cached_ms_median //p' "$out/provision.txt")
  echo "run $i: go's own ${go_own[-1]} ms, plugin ${plugin[-1]} ms in-process (${wall} ms with the JVM start), cached ${cached} ms"
done
fresh "$out/provision-go"; fresh "$out/provision-plugin"
gm=$(median "${go_own[@]}"); pm=$(median "${plugin[@]}")
echo "go$release, $runs runs, medians: go's own download $gm ms; plugin $pm ms ($(awk -v p="$pm" -v g="$gm" 'BEGIN{printf "%.2f", p/g}')x); cached $cached ms"
