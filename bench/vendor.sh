#!/usr/bin/env bash
# The vendor goal against plain `go mod vendor`, on the same module set, in the same run: the three public cgo
# modules of src/it/vendor-real-cgo-modules (tree-sitter-python, blst, karalabe/hid), with a warm module cache
# (both sides read it; downloads are not what is measured). Also: the plugin's second run (nothing changed,
# a no-op), and Maven's own time for an empty build of the same pom, which every mvn command pays.
# Usage: bench/vendor.sh [runs]   (builds and installs the plugin first; default 5 runs, the median is shown)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
. bench/common.sh

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
src=src/it/vendor-real-cgo-modules
cp -r "$src/go.mod" "$src/go.sum" "$src/cmd" "$work/"
cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>vendor</artifactId><version>1</version><packaging>pom</packaging>
  <build><plugins><plugin>
    <groupId>io.gohygiene</groupId><artifactId>go-hygiene-maven-plugin</artifactId><version>$version</version>
    <configuration><vendor>true</vendor></configuration>
  </plugin></plugins></build>
</project>
POM
(cd "$work" && go mod download)   # warm the module cache for both sides

plain=(); goal=(); step=(); noop=(); empty=()
for i in $(seq "$runs"); do
  rm -rf "$work/vendor" "$work/target"
  start=$(ms); (cd "$work" && go mod vendor); plain+=($(( $(ms) - start )))

  rm -rf "$work/vendor" "$work/target"
  start=$(ms)
  log=$(mvn -B -Dstyle.color=never -f "$work/pom.xml" "io.gohygiene:go-hygiene-maven-plugin:$version:vendor")
  goal+=($(( $(ms) - start )))
  # The step's own time, as the goal logs it: "vendor/ replaced (1.2 s)".
  step+=($(echo "$log" | sed -n 's/.*vendor\/ replaced (\([0-9.]*\) \(m\?s\)).*/\1 \2/p' | awk '{print ($2=="s") ? int($1*1000) : int($1)}'))

  start=$(ms)
  mvn -B -q -Dstyle.color=never -f "$work/pom.xml" "io.gohygiene:go-hygiene-maven-plugin:$version:vendor"
  noop+=($(( $(ms) - start )))

  start=$(ms); mvn -B -q -Dstyle.color=never -f "$work/pom.xml" validate; empty+=($(( $(ms) - start )))
done
restored=$(python3 -c "import json,sys; print(len(json.load(open('$work/target/go-hygiene/vendor-manifest.json'))['restored']))")

printf '%-66s %8s\n' "3 cgo modules, warm module cache, median of $runs, $(nproc) cores" "ms"
printf '%-66s %8d\n' "go mod vendor (vendor/ broken: C files missing)" "$(median "${plain[@]}")"
printf '%-66s %8d\n' "plugin vendor step, as logged (go mod vendor -o, $restored files restored, swap)" "$(median "${step[@]}")"
printf '%-66s %8d\n' "mvn go-hygiene:vendor, whole command (incl. Maven start, go probe)" "$(median "${goal[@]}")"
printf '%-66s %8d\n' "mvn go-hygiene:vendor again, nothing changed (no-op)" "$(median "${noop[@]}")"
printf '%-66s %8d\n' "mvn validate on the same pom (Maven's own cost)" "$(median "${empty[@]}")"
python3 -c "print('%-66s %8.2f' % ('plugin vendor step / go mod vendor', $(median "${step[@]}") / $(median "${plain[@]}")))"
