#!/usr/bin/env bash
# The build goal's 4-target matrix against 4 sequential `go build` commands, on the example project, in the
# same run: (1) each side from an empty Go build cache; (2) the everyday case, one source file of the main package
# changed with a warm cache, so every target recompiles that package and relinks (medians of [runs]).
# Usage: bench/build-matrix.sh [runs]   (builds and installs the plugin first; default 5 runs for (2))
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
mvn -B -q -Dstyle.color=never install -DskipTests -Dinvoker.skip=true
# The example vendors a cgo dependency: make vendor/ first, so both sides build from it.
version0=$(sed -n "s:^  <version>\(.*\)</version>:\1:p" pom.xml | head -1)
mvn -B -q -Dstyle.color=never -f example/pom.xml "io.gohygiene:go-hygiene-maven-plugin:$version0:vendor"
targets="linux/amd64 linux/arm64 darwin/arm64 windows/amd64"
version=$(sed -n "s:^  <version>\(.*\)</version>:\1:p" pom.xml | head -1)
ms() { echo $(( $(date +%s%N) / 1000000 )); }

cache=$(mktemp -d); out=$(mktemp -d)
start=$(ms)
for t in $targets; do
  cgo=0; [ "$t" = linux/amd64 ] && cgo=1   # the example's linux/amd64 target builds with cgo (gcc)
  ( cd example && GOCACHE=$cache GOOS=${t%/*} GOARCH=${t#*/} CGO_ENABLED=$cgo CC=gcc GOFLAGS="-buildvcs=false -mod=vendor" \
      go build -trimpath -o "$out/${t/\//_}" ./cmd/hello )
done
sequential=$(( $(ms) - start ))
rm -rf "$cache" "$out"

cache=$(mktemp -d)
start=$(ms)
GOCACHE=$cache mvn -B -q -Dstyle.color=never -f example/pom.xml \
  "io.gohygiene:go-hygiene-maven-plugin:$version:build" -Dgo-hygiene.attach=false
plugin=$(( $(ms) - start ))
rm -rf "$cache"

# (2) A changed main package, warm cache: a new package-level value each time, so the package's object changes
# and every target relinks (a comment alone would not: go would find the link's inputs unchanged).
runs=${1:-5}
stamp=example/cmd/hello/zz_bench_stamp.go
trap 'rm -f "$stamp"' EXIT
change() { printf 'package main\n\nvar benchStamp = "%s"\n' "$(date +%s%N)" > "$stamp"; }
out=$(mktemp -d)
seq_runs=(); plugin_runs=()
for t in $targets; do   # warm the cache for both sides
  cgo=0; [ "$t" = linux/amd64 ] && cgo=1
  ( cd example && GOOS=${t%/*} GOARCH=${t#*/} CGO_ENABLED=$cgo CC=gcc GOFLAGS="-buildvcs=false -mod=vendor" \
      go build -trimpath -o "$out/${t/\//_}" ./cmd/hello )
done
for i in $(seq "$runs"); do
  change; start=$(ms)
  for t in $targets; do
    cgo=0; [ "$t" = linux/amd64 ] && cgo=1
    ( cd example && GOOS=${t%/*} GOARCH=${t#*/} CGO_ENABLED=$cgo CC=gcc GOFLAGS="-buildvcs=false -mod=vendor" \
        go build -trimpath -o "$out/${t/\//_}" ./cmd/hello )
  done
  seq_runs+=($(( $(ms) - start )))
  change; start=$(ms)
  mvn -B -q -Dstyle.color=never -f example/pom.xml "io.gohygiene:go-hygiene-maven-plugin:$version:build" -Dgo-hygiene.attach=false
  plugin_runs+=($(( $(ms) - start )))
done
rm -rf "$out"
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
changed_seq=$(median "${seq_runs[@]}"); changed_plugin=$(median "${plugin_runs[@]}")

printf '%-66s %8s\n' "4 targets (example/cmd/hello), $(nproc) cores" "ms"
printf '%-66s %8d\n' "empty GOCACHE: 4 sequential go build" "$sequential"
printf '%-66s %8d\n' "empty GOCACHE: mvn go-hygiene:build (parallel matrix, incl. Maven start)" "$plugin"
python3 -c "print('%-66s %8.2f' % ('empty GOCACHE: plugin / sequential', $plugin / $sequential))"
printf '%-66s %8d\n' "main package changed, warm cache: 4 sequential go build (median of $runs)" "$changed_seq"
printf '%-66s %8d\n' "main package changed, warm cache: mvn go-hygiene:build (incl. Maven start)" "$changed_plugin"
python3 -c "print('%-66s %8.2f' % ('main package changed: plugin / sequential', $changed_plugin / $changed_seq))"
