#!/usr/bin/env bash
# Builds the native and/or web app (and the unit tests), reusing earlier builds.
# Usage: scripts/build.sh [native] [web] [sanitize]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export NODE_PATH=/usr/share/nodejs   # Debian's emscripten needs it to find acorn
for preset in "$@"; do
  [ -f "build/$preset/CMakeCache.txt" ] || cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
done
