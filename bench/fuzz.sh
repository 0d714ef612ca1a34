#!/usr/bin/env bash
# A fuzzing campaign over the binary parsers: each @FuzzTest (ELF, Mach-O thin, Mach-O universal, PE, Go build
# info, the whole inspection) fuzzed for the given time, one after another, through the same `fuzz` Surefire
# execution as `mvn verify` (-Xmx256m, 1 s per input), and a table of what libFuzzer reports for each:
# executions, coverage (edges of io.gohygiene.binary), features, corpus, findings.
#
# Usage: bench/fuzz.sh [duration-per-target]        default 5m; Jazzer's syntax: 90s, 5m, 1h
#        FUZZ_TARGETS="ElfFuzzTest PeFuzzTest" bench/fuzz.sh 10m
#        FUZZ_CPU=1 bench/fuzz.sh 5m                  pins the campaign to that one CPU (taskset)
#
# The corpus each target grows is kept in target/fuzz/.cifuzz-corpus/ and resumed by the next run; findings
# (crash-*, timeout-*) are written to target/fuzz/; the full logs to target/fuzz-campaign/.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-5m}
targets=${FUZZ_TARGETS:-"ElfFuzzTest MachoFuzzTest UniversalMachoFuzzTest PeFuzzTest BuildInfoFuzzTest InspectorFuzzTest"}
out=target/fuzz-campaign
mkdir -p "$out"
pin=()
if [ -n "${FUZZ_CPU:-}" ]; then pin=(taskset -c "$FUZZ_CPU"); fi

"${pin[@]}" mvn -B -q test-compile

rows=()
for target in $targets; do
  log="$out/$target.log"
  echo "fuzzing $target for $duration (log: $log)"
  # keep_going: a campaign goes on after a finding and collects up to 20 distinct ones.
  if "${pin[@]}" mvn -B surefire:test@fuzz -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false \
      -Dfuzz.duration="$duration" -Djazzer.keep_going=20 >"$log" 2>&1; then verdict=passed; else verdict=FAILED; fi
  # libFuzzer's last status line: "#8809 DONE cov: 252 ft: 696 corp: 96/179Kb ... exec/s: 800 ..."
  status=$(grep -aE '^#[0-9]+[[:space:]]' "$log" | tail -1 || true)
  runs=$(sed -nE 's/^#([0-9]+).*/\1/p' <<<"$status")
  cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$status")
  ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$status")
  corp=$(sed -nE 's/.* corp: ([0-9]+)\/.*/\1/p' <<<"$status")
  execs=$(sed -nE 's/.* exec\/s: ([0-9]+).*/\1/p' <<<"$status")
  findings=$(( $(grep -ac 'Test unit written to' "$log" || true) ))
  # With keep_going, Jazzer logs findings and the test still passes: a finding fails the row all the same.
  if [ "$findings" -gt 0 ]; then verdict=FAILED; fi
  rows+=("$(printf '%-24s %-8s %10s %8s %6s %6s %6s %8s' "$target" "$verdict" "${runs:-?}" "${execs:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$findings")")
done

echo
echo "fuzzing campaign, $duration per target, $(date -u +%Y-%m-%d), $(nproc) cores"
printf '%-24s %-8s %10s %8s %6s %6s %6s %8s\n' target result executions exec/s cov ft corpus findings
printf '%s\n' "${rows[@]}"
echo
echo "cov: edges covered in io.gohygiene.binary; ft: libFuzzer features; findings: inputs written to target/fuzz/"
