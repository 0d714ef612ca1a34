#!/usr/bin/env bash
# The main job: builds and installs the plugin (tests skipped; `mvn verify` runs them), then runs
# `mvn verify` on the example Go project here: the toolchain report, the vendor step (a cgo dependency whose C
# sources go mod vendor drops, restored), the build matrix (four targets, one with cgo, in parallel, each with
# its own computed environment) and the verify table of every binary.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mvn -B -q -ntp -Dstyle.color=never -f "$here/../pom.xml" install -DskipTests -Dinvoker.skip=true
mvn -B -ntp -f "$here/pom.xml" verify "$@"
