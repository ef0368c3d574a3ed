#!/usr/bin/env bash
# Sums the <Counters> of every .trx file in a folder and prints "N passed, N failed, N skipped".
# A second argument adds that many failures (test projects that produced no TRX at all).
set -euo pipefail
folder="$1"
extra_failed="${2:-0}"
passed=0 failed=0 skipped=0
shopt -s nullglob
for trx in "$folder"/*.trx; do
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  value() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done
echo "$passed passed, $((failed + extra_failed)) failed, $skipped skipped"
