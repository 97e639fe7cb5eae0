#!/usr/bin/env bash
# Runs each libFuzzer target for a bounded time (default 30 s each) from seed inputs, and prints
# how many inputs each executed. A crash, leak or sanitizer report fails the run; the input that
# caused it is left in tests/out/fuzz/ (re-run it: build/sanitize/tests/fuzz_X FILE).
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-30}
bin="$root/build/sanitize/tests"
work="$root/tests/out/fuzz"
status=0 passed=0 failed=0
seed() {  # target, seed files...
  local dir="$work/$1/corpus"; shift
  mkdir -p "$dir"
  for f in "$@"; do [ -f "$f" ] && cp "$f" "$dir/"; done
}
seed fuzz_data_file "$root"/tests/data/bad/*.json "$root/assets/data/fields.json" "$root/assets/data/networks.json"
seed fuzz_action "$root"/tests/fuzz/actions/*.json
seed fuzz_view_url "$root"/tests/fuzz/links/*.txt
seed fuzz_basemap "$root"/tests/fuzz/basemap/*.bin  # small maps: the whole world per input is slow
for target in fuzz_data_file fuzz_action fuzz_view_url fuzz_basemap; do
  log="$work/$target/log.txt"
  max_len=262144; [ "$target" = fuzz_basemap ] && max_len=8192; [ "$target" = fuzz_view_url ] && max_len=8192
  (cd "$work/$target" && "$bin/$target" corpus -max_total_time="$seconds" -max_len="$max_len" -timeout=10 \
      -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1)
  rc=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
  if [ $rc -eq 0 ]; then
    echo "ok - $target: ${runs:-?} inputs in ${seconds} s, no finding"; passed=$((passed + 1))
  else
    echo "not ok - $target: exit $rc after ${runs:-?} inputs; see $log"; tail -n 30 "$log"; failed=$((failed + 1)); status=1
  fi
done
echo "fuzzing: $passed passed, $failed failed"
exit $status
