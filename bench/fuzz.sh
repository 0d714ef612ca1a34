#!/usr/bin/env bash
# The long fuzzing campaign over the binary parsers (not CI): each @FuzzTest (ELF, Mach-O thin, Mach-O universal,
# PE, Go build info, the whole inspection) fuzzed for the given time, one after another, through the same `fuzz`
# Surefire execution as `mvn verify` (-Xmx256m, 1 s per input), seeded from real Go binaries of every format that
# the tests build (FuzzSeeds), and a table of what libFuzzer reports for each: executions, coverage (edges of
# io.gohygiene.binary), features, corpus, findings.
#
# Usage: bench/fuzz.sh [duration-per-target]        default 30m; Jazzer's syntax: 90s, 5m, 1h
#        FUZZ_TARGETS="ElfFuzzTest PeFuzzTest" bench/fuzz.sh 10m
#        FUZZ_CPU=1 bench/fuzz.sh                     pins the campaign to that one CPU (taskset)
#        FUZZ_MVN_FLAGS=-o bench/fuzz.sh 2m           extra Maven flags (here: offline)
#        FUZZ_INPUT_TIMEOUT=10s bench/fuzz.sh         libFuzzer's per-input limit (default 1s, as in mvn verify). The
#                                                     limit is wall-clock time: on a machine where other work starves
#                                                     the campaign (nice, autogroups), raise it, or every stall of a
#                                                     second is reported as a timeout; replay each one to be sure.
#
# The corpus each target grows is kept in target/fuzz/.cifuzz-corpus/ and resumed by the next run. Every finding
# (crash-*, timeout-*) is copied into src/test/resources/fuzz-regressions/<target>/, where the normal test run
# replays it (committedFindingsReadOrReject): it fails there until the parser is fixed; commit it with the fix.
# The full logs go to target/fuzz-campaign/, and the table is appended to its summary.txt (campaigns at once keep both).
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-30m}
targets=${FUZZ_TARGETS:-"ElfFuzzTest MachoFuzzTest UniversalMachoFuzzTest PeFuzzTest BuildInfoFuzzTest InspectorFuzzTest"}
out=target/fuzz-campaign
mkdir -p "$out"
pin=()
if [ -n "${FUZZ_CPU:-}" ]; then pin=(taskset -c "$FUZZ_CPU"); fi
read -r -a mvn_flags <<<"${FUZZ_MVN_FLAGS:-}"

# Each target's committed regression directory (its FuzzSeeds.of / replayRegressions name).
regressions_of() {
  case "$1" in
    ElfFuzzTest) echo elf ;; MachoFuzzTest) echo macho ;; UniversalMachoFuzzTest) echo macho-universal ;;
    PeFuzzTest) echo pe ;; BuildInfoFuzzTest) echo buildinfo ;; InspectorFuzzTest) echo inspect ;;
    *) echo "unknown fuzz target $1" >&2; exit 2 ;;
  esac
}

"${pin[@]}" mvn -B -q "${mvn_flags[@]}" test-compile -Dfuzz.skip=true

rows=()
for target in $targets; do
  log="$out/$target.log"
  echo "fuzzing $target for $duration (log: $log)"
  # keep_going: a campaign goes on after a finding and collects up to 20 distinct ones.
  if "${pin[@]}" mvn -B "${mvn_flags[@]}" surefire:test@fuzz -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false \
      -Dfuzz.duration="$duration" -Dfuzz.inputTimeout="${FUZZ_INPUT_TIMEOUT:-1s}" -Djazzer.keep_going=20 >"$log" 2>&1; then verdict=passed; else verdict=FAILED; fi
  # libFuzzer's last status line: "#8809 DONE cov: 252 ft: 696 corp: 96/179Kb ... exec/s: 800 ..."
  status=$(grep -aE '^#[0-9]+[[:space:]]' "$log" | tail -1 || true)
  runs=$(sed -nE 's/^#([0-9]+).*/\1/p' <<<"$status")
  cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$status")
  ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$status")
  corp=$(sed -nE 's/.* corp: ([0-9]+)\/.*/\1/p' <<<"$status")
  execs=$(sed -nE 's/.* exec\/s: ([0-9]+).*/\1/p' <<<"$status")
  findings=$(( $(grep -ac 'Test unit written to' "$log" || true) ))
  regressions=src/test/resources/fuzz-regressions/$(regressions_of "$target")
  grep -aoE 'Test unit written to [^ ]+' "$log" | sed 's/^Test unit written to //' | while read -r unit; do
    mkdir -p "$regressions" && cp "$unit" "$regressions/" && echo "  finding kept: $regressions/$(basename "$unit")"
  done || true
  # With keep_going, Jazzer logs findings and the test still passes: a finding fails the row all the same.
  if [ "$findings" -gt 0 ]; then verdict=FAILED; fi
  rows+=("$(printf '%-24s %-8s %10s %8s %6s %6s %6s %8s' "$target" "$verdict" "${runs:-?}" "${execs:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$findings")")
done

{
  echo
  echo "fuzzing campaign, $duration per target, $(date -u +%Y-%m-%d), $(nproc) cores"
  printf '%-24s %-8s %10s %8s %6s %6s %6s %8s\n' target result executions exec/s cov ft corpus findings
  printf '%s\n' "${rows[@]}"
  echo
  echo "cov: edges covered in io.gohygiene.binary; ft: libFuzzer features;"
  echo "findings: inputs copied to src/test/resources/fuzz-regressions/<target>/"
} | tee -a "$out/summary.txt"
