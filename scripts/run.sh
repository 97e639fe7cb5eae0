#!/usr/bin/env bash
# Builds and runs Atlas Sur on a fresh Debian machine (installs what it needs, reuses builds).
#   scripts/run.sh [--port N]          the web app, served compressed (brotli, else gzip) on 127.0.0.1
#   scripts/run.sh --native [ARGS...]  the native window (ARGS go to the app: --fullscreen, --help)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
port=8080
native=0
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --native) native=1 ;;
    --port) port="$2"; shift ;;
    --port=*) port="${1#--port=}" ;;
    *) args+=("$1") ;;
  esac
  shift
done
if [ $native -eq 1 ]; then
  "$root/scripts/setup.sh" native
  "$root/scripts/build.sh" native
  exec "$root/build/native/atlas" "${args[@]}"
fi
"$root/scripts/setup.sh" web
"$root/scripts/build.sh" web
echo "Atlas Sur: http://127.0.0.1:$port/   (Ctrl+C stops the server)"
exec node "$root/node_modules/http-server/bin/http-server" "$root/build/web" -a 127.0.0.1 -p "$port" -b -g -c-1 -s
