#!/usr/bin/env bash
# The speed benchmark in one command: installs the peers (bench/package-lock.json), builds the web
# app if needed, generates the data sets and prints the table (bench/README.md).
#   bash bench/run.sh                      # N = 400 and 10,000, 5 interleaved runs (minutes)
#   bash bench/run.sh --n 400 --runs 1     # the smoke run CI makes
#   bash bench/run.sh --n 100000 --runs 1  # the big one
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
[ -d "$here/node_modules/leaflet" ] && [ -d "$here/node_modules/maplibre-gl" ] && [ -d "$here/node_modules/deck.gl" ] ||
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
[ -f "$root/build/web/atlas.wasm" ] || "$root/scripts/build.sh" web
args=("$@")
n=400,10000
for ((i = 0; i < ${#args[@]}; i++)); do [ "${args[$i]}" = --n ] && n=${args[$((i + 1))]}; done
[[ " ${args[*]} " == *" --n "* ]] || args+=(--n "$n")
for size in ${n//,/ }; do
  [ -f "$here/out/$size/files.json" ] || node "$here/generate.mjs" "$size"
done
node "$here/run.mjs" "${args[@]}"
