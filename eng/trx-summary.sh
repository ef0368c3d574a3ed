#!/usr/bin/env bash
# Sums the <Counters> of every .trx file in a folder and prints "N passed, N failed, N skipped".
# xunit's skipped tests show up only as total - executed (VSTest leaves notExecuted at 0), so skipped is the
# larger of the two.
# A second argument adds that many failures (test projects that produced no TRX at all).
set -euo pipefail
folder="$1"
extra_failed="${2:-0}"
passed=0 failed=0 skipped=0
shopt -s nullglob
for trx in "$folder"/*.trx; do
  counters="$(tr '\n' ' ' <"$trx" | grep -o '<Counters [^>]*>' | head -n 1 || true)"
  [[ -n "$counters" ]] || continue
  value() { local v; v="$(sed -n "s/.*[[:space:]]$1=\"\([0-9]*\)\".*/\1/p" <<<"$counters")"; echo "${v:-0}"; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  not_run=$(($(value total) - $(value executed)))
  not_executed=$(value notExecuted)
  skipped=$((skipped + (not_run > not_executed ? not_run : not_executed)))
done
echo "$passed passed, $((failed + extra_failed)) failed, $skipped skipped"
