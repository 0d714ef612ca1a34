#!/usr/bin/env bash
# The main job: builds and installs the plugin (tests skipped; `mvn verify` runs them), cross-compiles the
# example Go program for its four targets into target/go/<goos>_<goarch>/ (the layout the plugin's build goal
# will produce; until that goal lands, plain `go build` stands in for it), then runs `mvn verify` on the
# example project: the toolchain report, then the verify table of every binary.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mvn -B -q -Dstyle.color=never -f "$here/../pom.xml" install -DskipTests -Dinvoker.skip=true

cd "$here"
for target in linux/amd64 linux/arm64 darwin/arm64 windows/amd64; do
  goos=${target%/*} goarch=${target#*/}
  exe=hello; [ "$goos" = windows ] && exe=hello.exe
  echo "go build $target -> target/go/${goos}_${goarch}/$exe"
  GOOS=$goos GOARCH=$goarch CGO_ENABLED=0 GOFLAGS=-buildvcs=false \
    go build -trimpath -o "target/go/${goos}_${goarch}/$exe" ./cmd/hello
done
mvn -B -f "$here/pom.xml" verify "$@"
