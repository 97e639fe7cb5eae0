#!/usr/bin/env bash
# The kiosk's memory beside its floor: `atlas --kiosk` full screen with the bundled data, and a bare
# window with the same kind of GL context that draws one triangle (bare_window.cpp), each at rest on
# the same screen, RUNS times interleaved; prints the medians side by side (MB) and what the app adds.
# Under Xvfb the GL is Mesa's software one (llvmpipe): its compiler (LLVM) and its copies of the
# framebuffers and textures are in the process; with a GPU driver most of that is not.
#   bash bench/kiosk/memory.sh [WxH] [RUNS]     (default 1920x1080, 3)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
size=${1:-1920x1080}
runs=${2:-3}
[ -x "$root/build/native/atlas" ] && [ -x "$root/build/native/atlas_bare_window" ] || {
  "$root/scripts/build.sh" native
  cmake --build "$root/build/native" -j2 --target atlas atlas_bare_window
}

log=$(mktemp)  # a measured program's messages, shown if it ends before it is measured
source "$root/scripts/xvfb.sh"
start_xvfb "$size"
trap 'kill "$xvfb_pid" 2>/dev/null; rm -f "$log"' EXIT

# kB of VmRSS RssAnon RssFile RssShmem VmHWM of a program once it has rested `wait` seconds.
measure() {
  local wait=$1; shift
  "$@" >/dev/null 2>"$log" &
  local pid=$!
  sleep "$wait"
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "memory.sh: $* ended before it was measured:" >&2
    tail -5 "$log" >&2
    exit 1
  fi
  awk '/^(VmRSS|RssAnon|RssFile|RssShmem|VmHWM):/ {v[$1] = $2}
       END {print v["VmRSS:"], v["RssAnon:"], v["RssFile:"], v["RssShmem:"], v["VmHWM:"]}' "/proc/$pid/status"
  kill -TERM "$pid"
  wait "$pid" 2>/dev/null || true
}

app=() bare=()
for ((r = 1; r <= runs; r++)); do
  app+=("$(measure 12 "$root/build/native/atlas" --kiosk)")
  bare+=("$(measure 5 "$root/build/native/atlas_bare_window" --fullscreen)")
done

# Medians per column, then the table.
median() { printf '%s\n' "$@" | awk -v c="$column" '{print $c}' | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
printf '\nKiosk memory at rest, %s, %d runs (medians, MB)\n\n' "$size" "$runs"
printf '| %-42s | %14s | %11s | %11s |\n' "" "atlas --kiosk" "bare window" "app adds"
printf '|%s|%s|%s|%s|\n' "--------------------------------------------" "---------------:" "------------:" "------------:"
names=("resident (RSS)" "  anonymous (heap, GL buffers, JIT code)" "  files (libraries, LLVM)" "  shared (the X server's image)" "peak resident (VmHWM)")
for column in 1 2 3 4 5; do
  a=$(median "${app[@]}") b=$(median "${bare[@]}")
  awk -v n="${names[$((column - 1))]}" -v a="$a" -v b="$b" \
    'BEGIN {printf "| %-42s | %14.1f | %11.1f | %11.1f |\n", n, a / 1024, b / 1024, (a - b) / 1024}'
done
