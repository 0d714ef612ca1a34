# Sourced by the bench scripts: installs the plugin (tests skipped) and gives the timing helpers.
mvn -B -q -ntp -Dstyle.color=never install -DskipTests -Dinvoker.skip=true
version=$(sed -n "s:^  <version>\(.*\)</version>:\1:p" pom.xml | head -1)
ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
