#!/usr/bin/env bash
# The test goal's cost over what it wraps, in one run: (a) `mvn -o -q test` on the example with the build skipped
# (toolchain, vendor, test goal; plugin installed, vendor/ up to date, go's test cache warm), against (b) `go test
# ./...` in example/ with the environment the plugin gives go test for the host target (the one
# target/go-hygiene/build-linux_amd64.sh records: env -i, GOENV=off, GOFLAGS=-buildvcs=false -mod=vendor,
# CGO_ENABLED=1, CC=gcc, -trimpath), plus (c) Maven's own time for an empty build (a throwaway pom, packaging pom, no
# plugins, `mvn -o -q test`). With qemu-user installed, (a) also runs the linux/arm64 target's tests under
# qemu-aarch64 (<test>true</test> in the example), and so does (b), one after the other as a script would. The plugin
# runs the two at once (<parallelism>), so (b2) runs them at once too and the second ratio, a / (b2 + c), says what
# that concurrency is worth beside go's own. ratio = a / (b + c); the goal is at most 1.3.
# Usage: bench/test.sh [runs]   (builds and installs the plugin first; default 5 runs, medians)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
. bench/common.sh
empty=target/bench/empty-pom
mkdir -p "$empty"
cat > "$empty/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>empty</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
</project>
POM
mvn_test() { mvn -B -o -q -Dstyle.color=never -f example/pom.xml test -Dgo-hygiene.build.skip; }
go_test_host() {
  (cd example && env -i PATH="$PATH" HOME="$HOME" GOENV=off GOTOOLCHAIN=local GOOS=linux GOARCH=amd64 CGO_ENABLED=1 \
     CC=gcc GOFLAGS="-buildvcs=false -mod=vendor" go test -trimpath ./... >/dev/null)
}
# The example's linux/arm64 target has <test>true</test>: the plugin also runs its tests under qemu, so go does too.
go_test_arm64() {
  if command -v qemu-aarch64 >/dev/null; then
    (cd example && env -i PATH="$PATH" HOME="$HOME" GOENV=off GOTOOLCHAIN=local GOOS=linux GOARCH=arm64 CGO_ENABLED=0 \
       GOFLAGS="-buildvcs=false -mod=vendor" go test -trimpath -exec "qemu-aarch64 -L /usr/aarch64-linux-gnu" ./... >/dev/null)
  fi
}
go_test() { go_test_host; go_test_arm64; }
go_test_at_once() {
  go_test_host & local host=$!
  go_test_arm64 & local arm64=$!
  wait "$host"; wait "$arm64"
}
mvn_empty() { mvn -B -o -q -Dstyle.color=never -f "$empty/pom.xml" test; }

mvn_test; go_test; mvn_empty   # warm: vendor/, go's build and test caches, Maven's own classes in the page cache
a=(); b=(); b2=(); c=()
for i in $(seq "$runs"); do
  start=$(ms); mvn_test; a+=($(( $(ms) - start )))
  start=$(ms); go_test; b+=($(( $(ms) - start )))
  start=$(ms); go_test_at_once; b2+=($(( $(ms) - start )))
  start=$(ms); mvn_empty; c+=($(( $(ms) - start )))
done
am=$(median "${a[@]}"); bm=$(median "${b[@]}"); b2m=$(median "${b2[@]}"); cm=$(median "${c[@]}")
printf '%-66s %8s\n' "example test goal (1 package, 14 tests cached + 8 under qemu), median of $runs, $(nproc) cores" "ms"
printf '%-66s %8d\n' "(a) mvn -o -q test, build skipped (toolchain, vendor, test goal)" "$am"
printf '%-66s %8d\n' "(b) go test ./... as the plugin runs it: host, then arm64 (qemu)" "$bm"
printf '%-66s %8d\n' "(b2) the same two go test runs at once" "$b2m"
printf '%-66s %8d\n' "(c) mvn -o -q test on an empty pom (Maven's own time)" "$cm"
python3 -c "r = $am / ($bm + $cm); print('%-66s %8.2f  %s' % ('ratio a / (b + c), goal <= 1.30', r, 'met' if r <= 1.3 else 'NOT met'))"
python3 -c "print('%-66s %8.2f' % ('ratio a / (b2 + c), go\\'s two runs at once', $am / ($b2m + $cm)))"
echo "runs (a b b2 c): ${a[*]} | ${b[*]} | ${b2[*]} | ${c[*]}"
