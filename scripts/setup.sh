#!/usr/bin/env bash
# Installs what the build and the tests need on a fresh Debian machine, and nothing twice.
# Usage: scripts/setup.sh [native] [web] [test]   (no argument = everything)
# Third-party sources (Dear ImGui, SDL2) come from Debian source packages into .deps/ (git-ignored);
# SDL2 for wasm is built once into .deps/sdl2-wasm and reused.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
deps="$root/.deps"
mkdir -p "$deps"
want=("$@"); [ ${#want[@]} -eq 0 ] && want=(native web test)
has() { local w; for w in "${want[@]}"; do [ "$w" = "$1" ] && return 0; done; return 1; }

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "setup: installing ${missing[*]}"
  if [ $apt_updated -eq 0 ]; then sudo_if_needed apt-get update -qq; apt_updated=1; fi
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Dear ImGui 1.86 and SDL 2.26 sources from Debian's source packages (never committed).
fetch_sources() {
  if ls -d "$deps"/imgui-*/ "$deps"/libsdl2-*/ "$deps"/python-mapbox-earcut-*/ >/dev/null 2>&1; then return 0; fi
  local src=/etc/apt/sources.list.d/debian-src.sources
  if [ ! -f "$src" ] && [ -f /etc/apt/sources.list.d/debian.sources ]; then
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources | sudo_if_needed tee "$src" >/dev/null
    apt_updated=0
  fi
  if [ $apt_updated -eq 0 ]; then sudo_if_needed apt-get update -qq; apt_updated=1; fi
  (cd "$deps" && apt-get source -qq imgui libsdl2 python-mapbox-earcut >/dev/null 2>&1 || apt-get source imgui libsdl2 python-mapbox-earcut)
}

base=(build-essential cmake ninja-build pkg-config dpkg-dev libglm-dev nlohmann-json3-dev
      fonts-dejavu-core python3)
apt_install "${base[@]}"
fetch_sources

if has native || has test; then
  apt_install libsdl2-dev libgl-dev libstb-dev libgtest-dev libbenchmark-dev
fi
if has web || has test; then
  apt_install emscripten fonttools zopfli
  command -v npm >/dev/null || apt_install nodejs npm   # a preinstalled Node brings its own npm
  export NODE_PATH=/usr/share/nodejs
  sdl_src=$(ls -d "$deps"/libsdl2-*/ | head -n1)
  # Only what the page uses: one video driver (the browser's), no audio, joysticks, renderer,
  # software blitters or YUV (SDL_LEAN_AND_MEAN: 200 KB of wasm). The options are the cache key:
  # changing them builds SDL again.
  sdl_options="-DCMAKE_BUILD_TYPE=MinSizeRel -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF
    -DSDL_AUDIO=OFF -DSDL_JOYSTICK=OFF -DSDL_HAPTIC=OFF -DSDL_HIDAPI=OFF -DSDL_SENSOR=OFF
    -DSDL_POWER=OFF -DSDL_RENDER=OFF -DSDL_FILESYSTEM=OFF -DSDL_LOCALE=OFF -DSDL_MISC=OFF
    -DSDL_THREADS=OFF -DSDL_DUMMYVIDEO=OFF -DSDL_OFFSCREEN=OFF -DCMAKE_C_FLAGS=-DSDL_LEAN_AND_MEAN=1"
  if [ ! -f "$deps/sdl2-wasm/lib/libSDL2.a" ] || [ "$(cat "$deps/sdl2-wasm/options" 2>/dev/null)" != "$sdl_options" ]; then
    echo "setup: building SDL2 for wasm once (about 3 minutes)"
    rm -rf "$deps/sdl2-wasm-build" "$deps/sdl2-wasm"
    # shellcheck disable=SC2086 # the options are words
    emcmake cmake -S "$sdl_src" -B "$deps/sdl2-wasm-build" -G Ninja -DCMAKE_INSTALL_PREFIX="$deps/sdl2-wasm" \
      $sdl_options >/dev/null
    cmake --build "$deps/sdl2-wasm-build" -j2 >/dev/null
    cmake --install "$deps/sdl2-wasm-build" >/dev/null
    echo "$sdl_options" > "$deps/sdl2-wasm/options"
    rm -rf "$deps/sdl2-wasm-build"
  fi
fi
if has test; then
  apt_install chromium xvfb xauth imagemagick xdotool libclang-rt-14-dev clang-14 python3
fi
# npm packages (world-atlas and d3 for the basemap converter, which every build runs; playwright-core
# for tests), from the lockfile.
command -v npm >/dev/null || apt_install nodejs npm
if true; then
  if [ ! -d "$root/node_modules/playwright-core" ] || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
echo "setup: ok (${want[*]})"
