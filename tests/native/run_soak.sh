#!/usr/bin/env bash
# The kiosk soak test: `atlas --soak DAYS` lives DAYS of a public touch screen at a fast clock
# (visitors' taps, drags and zooms, language changes, idle countdowns and resets, attract loops,
# data reloads, lost GL contexts) and fails when memory, GL objects, open files or the font atlas
# grow after the warm-up. Then a shorter run under LeakSanitizer.
# Usage: tests/native/run_soak.sh [DAYS]   (default 1; 7 for a week, about 15 minutes)
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/tests/out"
mkdir -p "$out"
days=${1:-1}

source "$root/scripts/xvfb.sh"
start_xvfb 1280x800
trap 'kill "$xvfb_pid" 2>/dev/null' EXIT

status=0
"$root/build/native/atlas" --size 1280x720 --soak "$days" 2>"$out/soak-log.txt" | tee "$out/soak.txt"
[ "${PIPESTATUS[0]}" -eq 0 ] && grep -q "^soak: PASS" "$out/soak.txt" || status=1
sort "$out/soak-log.txt" | cut -d' ' -f2- | sed 's/[0-9]\+ ms/N ms/g' | sort | uniq -c | sort -rn | head -12

# LeakSanitizer on the same build, preloaded (GCC's standalone liblsan): no second build of the app.
lsan=$(ldconfig -p | awk '/liblsan.so.0 /{print $NF; exit}')
if [ -n "$lsan" ]; then
  echo "-- 0.3 days under LeakSanitizer, checking before exit (system libraries' own leaks suppressed: lsan.supp)"
  LD_PRELOAD="$lsan" LSAN_OPTIONS="suppressions=$root/tests/native/lsan.supp:leak_check_at_exit=0" \
    "$root/build/native/atlas" --size 640x400 --soak 0.3 >"$out/soak-lsan.txt" 2>"$out/soak-lsan-log.txt"
  rc=$?
  grep -E "^soak: (LeakSanitizer|PASS|FAIL|after)" "$out/soak-lsan.txt"
  grep -B2 -A12 "ERROR: \|leak of" "$out/soak-lsan-log.txt" | head -60
  [ $rc -eq 0 ] && grep -q "^soak: LeakSanitizer: no leaks" "$out/soak-lsan.txt" || status=1
else
  echo "not ok - no liblsan.so.0 (GCC's LeakSanitizer, package liblsan0)"; status=1
fi
[ $status -eq 0 ] && echo "soak: all passed" || echo "soak: FAILED"
exit $status
