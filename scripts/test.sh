#!/usr/bin/env bash
# Runs every test on a fresh Debian machine: installs what it needs, builds (reusing earlier
# builds), then unit tests (CTest, also under ASan/UBSan), fuzzing, the data round trip and the
# bad-input corpus, the web page in headless Chromium and the native window under Xvfb. Screenshots and measurements go to tests/out/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
step() { echo; echo "== [$SECONDS s] $1"; }   # the time so far: CI must stay under 30 minutes
step "set-up: packages and tools"
"$root/scripts/setup.sh" native web test
step "build: native, web, sanitizers"
"$root/scripts/build.sh" native web sanitize
mkdir -p tests/out
status=0

step "unit tests (GoogleTest via CTest)"
ctest --test-dir build/native --output-on-failure -j2 || status=1

step "unit tests again under AddressSanitizer + UndefinedBehaviorSanitizer (clang-14)"
ctest --test-dir build/sanitize --output-on-failure -j2 || status=1

step "fuzzing: libFuzzer targets, bounded time (ATLAS_FUZZ_SECONDS, default 15 s each)"
bash tests/fuzz/run_fuzzers.sh "${ATLAS_FUZZ_SECONDS:-15}" || status=1

step "data: the converter reproduces assets/data from the reference CSVs"
python3 tests/data/test_convert.py || status=1
/usr/bin/python3 tests/data/test_i18n.py || status=1   # catalogues complete; the font covers them (Debian's fontTools)
node --test --test-reporter=spec tests/data/ || status=1   # the JSON Schema agrees with the data

step "web: headless Chromium"
node --test --test-concurrency=1 --test-reporter=spec tests/web/ || status=1   # one browser at a time: 2 cores

step "native: a real window under Xvfb; the bad-input corpus through --check-data and --load"
bash tests/native/run_native_tests.sh || status=1

step "kiosk soak: simulated days at a fast clock (ATLAS_SOAK_DAYS, default 1; 7 for a week), then under LeakSanitizer"
bash tests/native/run_soak.sh "${ATLAS_SOAK_DAYS:-1}" || status=1

step "render tests: each case of tests/render/cases drawn natively and compared with its expected picture"
node tests/render/run_render_tests.mjs || status=1   # update after a wanted change: node tests/render/run_render_tests.mjs --update

step "measurements (printed, not asserted): benchmark and download sizes"
build/native/tests/atlas_bench --benchmark_min_time=0.2 2>/dev/null | tee tests/out/benchmark.txt || status=1
for f in atlas.wasm atlas.js atlas.data; do
  printf '%-11s %8d bytes, %8d gzip, %8d brotli\n' "$f" "$(stat -c %s "build/web/$f")" "$(stat -c %s "build/web/$f.gz")" \
         "$(stat -c %s "build/web/$f.br")"
done | tee tests/out/sizes.txt
[ -f tests/out/web-metrics.json ] && { echo "browser:"; cat tests/out/web-metrics.json; echo; }

step "speed against Leaflet, MapLibre GL and deck.gl: one smoke run at N = 400 (the full benchmark: bash bench/run.sh)"
bash bench/run.sh --n 400 --runs 1 2>&1 | tee tests/out/bench.txt || status=1

step "the kiosk's memory beside a bare GL window's on the same screen: one run at 1920x1080 (bash bench/kiosk/memory.sh)"
bash bench/kiosk/memory.sh 1920x1080 1 2>&1 | tee tests/out/kiosk-memory.txt || status=1

echo
echo "== [$SECONDS s] done"
[ $status -eq 0 ] && echo "all test suites passed" || echo "SOME TESTS FAILED"
exit $status
