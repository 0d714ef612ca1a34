#!/usr/bin/env bash
# A second `mvn verify` of the example with nothing changed (vendor/ up to date, every binary unchanged, every
# binary inspected again) against Maven's own time for the same pom with the plugin skipped
# (-Dgo-hygiene.skip), in the same run; and the plugin's verify goal alone against the go build of the same
# project with a warm cache.
# Usage: bench/noop.sh [runs]   (builds and installs the plugin first; default 5 runs, medians)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
. bench/common.sh
mvnq() { mvn -B -q -Dstyle.color=never -f example/pom.xml "$@"; }

mvnq verify   # the first run: vendor/, binaries, reports
noop=(); empty=(); verify=(); gobuild=()
for i in $(seq "$runs"); do
  start=$(ms); mvnq verify; noop+=($(( $(ms) - start )))
  start=$(ms); mvnq verify -Dgo-hygiene.skip; empty+=($(( $(ms) - start )))
  start=$(ms); mvnq "io.gohygiene:go-hygiene-maven-plugin:$version:verify"; verify+=($(( $(ms) - start )))
  start=$(ms)
  for t in linux/amd64 linux/arm64 darwin/arm64 windows/amd64; do
    cgo=0; [ "$t" = linux/amd64 ] && cgo=1
    (cd example && GOOS=${t%/*} GOARCH=${t#*/} CGO_ENABLED=$cgo CC=gcc GOFLAGS="-buildvcs=false -mod=vendor" \
       go build -trimpath -o "target/bench-noop/${t/\//_}" ./cmd/hello)
  done
  gobuild+=($(( $(ms) - start )))
done
printf '%-62s %8s\n' "example (4 targets, one cgo), median of $runs, $(nproc) cores" "ms"
printf '%-62s %8d\n' "mvn verify, nothing changed (toolchain, vendor, build, verify)" "$(median "${noop[@]}")"
printf '%-62s %8d\n' "mvn verify -Dgo-hygiene.skip (Maven's own time, same pom)" "$(median "${empty[@]}")"
python3 -c "print('%-62s %8.2f' % ('no-op / empty build', $(median "${noop[@]}") / $(median "${empty[@]}")))"
printf '%-62s %8d\n' "mvn go-hygiene:verify alone (4 binaries, incl. Maven start)" "$(median "${verify[@]}")"
printf '%-62s %8d\n' "4 go build of the same, warm cache (nothing to compile)" "$(median "${gobuild[@]}")"
