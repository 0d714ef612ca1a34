#!/usr/bin/env bash
# The main job: builds and installs the plugin (tests skipped; `mvn verify` runs them) when its sources changed
# since the last install, then runs `mvn verify` on the example Go project here: the toolchain gate, the vendor step
# (a cgo dependency whose C sources go mod vendor drops, restored), the build matrix (four targets, one with cgo, in
# parallel, each with its own computed environment), the example's Go tests (go test -json, Surefire reports in
# example/target/surefire-reports) and the verify gate on every binary. Arguments go to that last
# mvn (e.g. -Dgo-hygiene.details=true for every table row).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
version="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$root/pom.xml" | head -1)"
jar="${HOME}/.m2/repository/io/gohygiene/go-hygiene-maven-plugin/$version/go-hygiene-maven-plugin-$version.jar"
stamp="$root/target/example-run.installed"
# What the installed plugin was built from: the pom and every main source and resource.
sources="$(cd "$root" && { sha256sum pom.xml; find src/main -type f -print0 | sort -z | xargs -0 sha256sum; } | sha256sum | cut -d' ' -f1)"
if [ -f "$jar" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sources" ]; then
  echo "go-hygiene-maven-plugin $version: installed, sources unchanged since (delete $stamp to reinstall)"
else
  echo "go-hygiene-maven-plugin $version: building and installing it (tests skipped)"
  mkdir -p "$root/target"
  # Maven 3.8's -q still prints terminal colour resets: its output is shown only when the install fails.
  if ! mvn -B -q -ntp -Dstyle.color=never -f "$root/pom.xml" install -DskipTests -Dinvoker.skip=true > "$root/target/example-run.install.log" 2>&1; then
    cat "$root/target/example-run.install.log" >&2
    exit 1
  fi
  echo "$sources" > "$stamp"
fi
mvn -B -ntp -f "$here/pom.xml" verify "$@"
