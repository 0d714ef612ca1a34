#!/usr/bin/env bash
# The build goal's 4-target matrix against 4 sequential `go build` commands, on the example project, in the
# same run, each from an empty Go build cache (a warm cache would time nothing but cache look-ups).
# Usage: bench/build-matrix.sh   (builds and installs the plugin first)
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

printf '%-58s %8s\n' "4 targets (example/cmd/hello), empty GOCACHE, $(nproc) cores" "ms"
printf '%-58s %8d\n' "4 sequential go build" "$sequential"
printf '%-58s %8d\n' "mvn go-hygiene:build (parallel matrix, incl. Maven start)" "$plugin"
python3 -c "print('%-58s %8.2f' % ('plugin / sequential', $plugin / $sequential))"
