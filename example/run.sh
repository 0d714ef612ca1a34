#!/usr/bin/env bash
# The main job: builds and installs the plugin (tests skipped; `mvn verify` runs them), then runs
# `mvn verify` on the example Go project in this directory with the plugin's goals.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mvn -B -q -f "$here/../pom.xml" install -DskipTests -Dinvoker.skip=true
mvn -B -f "$here/pom.xml" verify "$@"
