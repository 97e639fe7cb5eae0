#!/usr/bin/env bash
# The native (kiosk) build in a real X window under Xvfb: start-up state, --exec, --screenshot,
# and a real mouse click (xdotool) that selects a city. Prints "N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
app="$root/build/native/atlas"
out="$root/tests/out"
mkdir -p "$out"
passed=0 failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
not_ok() { echo "not ok - $1"; failed=$((failed + 1)); }
check() { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }

# A display of our own; only the processes this script started are stopped.
source "$root/scripts/xvfb.sh"
start_xvfb 1280x800
app_pid=
cleanup() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null; kill "$xvfb_pid" 2>/dev/null; }
trap cleanup EXIT

expected=$(python3 - "$root/assets/data/cities.json" <<'PY'
import json, sys
cities = json.load(open(sys.argv[1]))["cities"]
print(sum(1 for c in cities if any(d.get("status") != "former" for d in c["designations"])))
PY
)
json_get() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval('d' + sys.argv[1]))" "$1"; }

# 1. --state after start-up
state=$("$app" --state 2>"$out/native-stderr.txt")
check "--state exits 0 and prints JSON" '[ -n "$state" ] && echo "$state" | json_get "[\"counts\"][\"visible\"]" >/dev/null'
check "--state counts equal the data ($expected visible)" '[ "$(echo "$state" | json_get "[\"counts\"][\"visible\"]")" = "$expected" ]'
check "start-up reports no data problems" '[ ! -s "$out/native-stderr.txt" ]'

# 2. --exec applies actions in order
state=$("$app" --exec '{"type":"filter","fields":["Design"],"networks":["uccn"]}' --exec '{"type":"select","id":"mx-puebla"}' --state)
check "--exec filter: 53 Cities of Design" '[ "$(echo "$state" | json_get "[\"counts\"][\"visible\"]")" = "53" ]'
check "--exec select" '[ "$(echo "$state" | json_get "[\"selected\"]")" = "mx-puebla" ]'
"$app" --exec '{"type":"explode"}' --state >/dev/null 2>"$out/native-bad-exec.txt"; rc=$?
check "a malformed --exec fails with a message" '[ $rc -ne 0 ] && grep -q "unknown action type" "$out/native-bad-exec.txt"'
"$app" --exec "$(python3 -c 'print("["*5000 + "]"*5000)')" --state >/dev/null 2>"$out/native-deep-exec.txt"; rc=$?
check "a deeply nested --exec is refused, not a crash" '[ $rc -eq 1 ] && grep -q "nesting deeper than 64" "$out/native-deep-exec.txt"'

# 2b. the timeline and the networks through --exec (the same actions as the web)
expected_2015=$(python3 - "$root/assets/data/cities.json" <<'PY'
import json, sys
cities = json.load(open(sys.argv[1]))["cities"]
print(sum(1 for c in cities if any(d.get("status") != "former" and d["year"] <= 2015 for d in c["designations"])))
PY
)
state=$("$app" --exec '{"type":"year","year":2015}' --state)
check "--exec year 2015: $expected_2015 cities, as the data says" '[ "$(echo "$state" | json_get "[\"counts\"][\"visible\"]")" = "$expected_2015" ]'
state=$("$app" --exec '{"type":"networkStyle","style":"hub"}' --exec '{"type":"network","id":"mx-creative-network"}' --state)
check "--exec network and hub style" '[ "$(echo "$state" | json_get "[\"network\"]")" = "mx-creative-network" ] && [ "$(echo "$state" | json_get "[\"networkStyle\"]")" = "hub" ]'
"$app" --exec '{"type":"year","year":2017}' --exec '{"type":"select","id":"mx-mexico-city"}' --screenshot "$out/native-timeline-2017.png"
check "--screenshot of the timeline at 2017" '[ -s "$out/native-timeline-2017.png" ]'

# 3. --screenshot writes a map that is not blank
rm -f "$out/native-start.png"
"$app" --exec '{"type":"select","id":"mx-queretaro"}' --screenshot "$out/native-start.png"
colours=$(convert "$out/native-start.png" -format %k info: 2>/dev/null || echo 0)
check "--screenshot writes a PNG with a real picture ($colours colours)" '[ "$colours" -gt 500 ]'
size=$(identify -format "%wx%h" "$out/native-start.png" 2>/dev/null)
check "the screenshot has the window's size ($size)" '[ "$size" = "1280x800" ]'

# 4. a real click selects a city
"$app" --log-actions --exec '{"type":"flyTo","id":"mx-puebla"}' >"$out/native-actions.txt" 2>&1 &
app_pid=$!
wid=$(timeout 20 xdotool search --sync --name "Atlas Sur" | head -n1)
focus=$("$app" --exec '{"type":"flyTo","id":"mx-puebla"}' --state | json_get '["camera"]["focus"]')
x=$(echo "$focus" | tr -d '[] ' | cut -d, -f1 | cut -d. -f1)
y=$(echo "$focus" | tr -d '[] ' | cut -d, -f2 | cut -d. -f1)
sleep 1.5   # the flight takes about half a second
xdotool mousemove --window "$wid" "$x" "$y" sleep 0.3 click 1
for _ in $(seq 50); do grep -q '"select"' "$out/native-actions.txt" && break; sleep 0.1; done
sleep 0.5
import -window root "$out/native-click.png" 2>/dev/null
check "a click at Puebla's position selects it" 'grep -q "{\"id\":\"mx-puebla\",\"type\":\"select\"}" "$out/native-actions.txt"'
kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null; app_pid=

# 5. --record: the timeline as a PNG sequence rendered frame by frame from the timeline clock
rec="$out/record"
rm -rf "$rec"
"$app" --size 960x540 --record "$rec" --frames 6 > "$out/native-record.txt" 2>&1
check "--record writes the asked number of frames (6)" '[ "$(ls "$rec"/frame-*.png 2>/dev/null | wc -l)" = 6 ]'
check "the frames have the window's size" 'identify -format "%wx%h\n" "$rec"/frame-00001.png "$rec"/frame-00006.png | sort -u | grep -qx 960x540'
check "the timeline moves: the first frame differs from the last" '! cmp -s "$rec/frame-00001.png" "$rec/frame-00006.png"'
check "--record says its progress" 'grep -q "recorded 6 of 6 frames" "$out/native-record.txt"'
check "--record into a folder that cannot be made fails with a message" \
  '! "$app" --record /proc/no/such --frames 2 2>"$out/native-record-bad.txt" && grep -q "cannot make the folder" "$out/native-record-bad.txt"'

# 6. tours: --tour starts one, its first step is on the screenshot, a clicker's keys drive it
state=$("$app" --tour mexican-creative-network --state)
check "--tour starts the tour at its first step" '[ "$(echo "$state" | json_get "[\"tour\"][\"step\"]")" = "1" ]'
"$app" --tour mexican-creative-network --screenshot "$out/native-tour.png"
# (the share of near-white pixels where the caption bar goes: the bar is white, the map there is not)
white() { convert "$1" -crop 500x40+600+700 -colorspace Gray -threshold 97% -format "%[fx:mean]" info: 2>/dev/null || echo 0; }
tour_bar=$(white "$out/native-tour.png"); no_bar=$(white "$out/native-start.png")
check "--tour with --screenshot shows the first step's caption bar ($tour_bar white, without a tour $no_bar)" \
  'python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) > 0.6 and float(sys.argv[2]) < 0.4 else 1)" "$tour_bar" "$no_bar"'
"$app" --tour atlantis --state >/dev/null 2>"$out/native-bad-tour.txt"; rc=$?
check "--tour with an unknown id fails with a message" '[ $rc -ne 0 ] && grep -q "no tour with id" "$out/native-bad-tour.txt"'
"$app" --log-actions --tour creative-cities-growth >"$out/native-tour-actions.txt" 2>&1 &
app_pid=$!
wid=$(timeout 20 xdotool search --sync --name "Atlas Sur" | head -n1)
sleep 1
for key in Next Next Prior p b b Escape; do xdotool key --window "$wid" "$key"; sleep 0.4; done
for _ in $(seq 30); do grep -q 'tourExit' "$out/native-tour-actions.txt" && break; sleep 0.1; done
import -window root "$out/native-tour-keys.png" 2>/dev/null
actions=$(grep -o '"type":"[a-zA-Z]*"' "$out/native-tour-actions.txt" | cut -d'"' -f4 | tr '\n' ' ')
check "PageDown, PageDown, PageUp, P, B, B, Esc drive the tour natively ($actions)" \
  '[ "$actions" = "tour tourNext tourNext tourPrev presenter blank blank tourExit " ]'
kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null; app_pid=

# 7. themes: the dark theme darkens the map and the panels; a theme that does not exist is an error
"$app" --exec '{"type":"theme","id":"dark"}' --screenshot "$out/native-theme-dark.png"
mean() { convert "$1" -colorspace Gray -format "%[fx:mean]" info: 2>/dev/null || echo 1; }
dark=$(mean "$out/native-theme-dark.png"); light=$(mean "$out/native-start.png")
check "the dark theme is dark (mean brightness $dark, light $light)" \
  'python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) < 0.35 < 0.6 < float(sys.argv[2]) else 1)" "$dark" "$light"'
"$app" --view 'th=sepia' --state >/dev/null 2>"$out/native-bad-theme.txt"
check "a link with an unknown theme says so" 'grep -q "no theme \"sepia\"" "$out/native-bad-theme.txt"'

# 8. kiosk: with a 2 s idle time the countdown, the reset and the attract loop come in that order; a
#    touch wakes it and does nothing else; Esc and Alt+F4 do not end it, the exit chord and SIGTERM do
cat > "$out/kiosk.json" <<'JSON'
{"format": "atlas-sur/config", "version": 1,
 "kiosk": {"idleSeconds": 2, "countdownSeconds": 20, "stepSeconds": 2, "languages": ["es", "en"]}}
JSON
"$app" --kiosk --config "$out/kiosk.json" --log-actions >"$out/native-kiosk-actions.txt" 2>"$out/native-kiosk-log.txt" &
app_pid=$!
wait_for() { for _ in $(seq "$2"); do grep -q "$1" "$out/native-kiosk-log.txt" && return 0; sleep 0.5; done; return 1; }
wait_for "attract loop" 70
sleep 1
import -window root "$out/native-kiosk-attract.png" 2>/dev/null
order=$(grep -o "countdown starts\|back to the start view\|attract loop" "$out/native-kiosk-log.txt" | head -3 | tr '\n' '/')
check "kiosk: countdown, reset, attract loop, in that order ($order)" '[ "$order" = "countdown starts/back to the start view/attract loop/" ]'
check "kiosk: the log lines carry the time" 'grep -qE "^20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z atlas: start: kiosk mode" "$out/native-kiosk-log.txt"'
wid=$(timeout 20 xdotool search --sync --name "Atlas Sur" | head -n1)
selects_before=$(grep -c '"select"' "$out/native-kiosk-actions.txt")
xdotool mousemove --window "$wid" 640 400 click 1
wait_for "a visitor touched" 10
sleep 0.5
check "kiosk: a touch stops the attract loop" 'grep -q "a visitor touched the screen" "$out/native-kiosk-log.txt" && tail -n1 "$out/native-kiosk-actions.txt" | grep -q tourExit'
check "kiosk: that touch does nothing else (no selection)" '[ "$(grep -c "\"select\"" "$out/native-kiosk-actions.txt")" = "$selects_before" ]'
xdotool key --window "$wid" Escape; xdotool key --window "$wid" alt+F4; sleep 1
check "kiosk: Esc and Alt+F4 do not end it" 'kill -0 "$app_pid" 2>/dev/null'
xdotool key --window "$wid" ctrl+alt+q
for _ in $(seq 20); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.25; done
kill -0 "$app_pid" 2>/dev/null && kill -KILL "$app_pid"  # not ended by the chord: the check below fails
wait "$app_pid"; rc=$?; app_pid=
check "kiosk: the exit chord ends it cleanly (exit $rc)" '[ $rc -eq 0 ] && grep -q "exit: the exit chord" "$out/native-kiosk-log.txt"'
"$app" --kiosk 2>"$out/native-kiosk-term.txt" &
app_pid=$!
sleep 3; kill -TERM "$app_pid"; wait "$app_pid"; rc=$?; app_pid=
check "kiosk: SIGTERM ends it cleanly (exit $rc)" '[ $rc -eq 0 ] && grep -q "exit: SIGTERM" "$out/native-kiosk-term.txt"'
printf '{"format":"atlas-sur/config","version":1,"kiosk":{"idleSeconds":"soon","countdownSeconds":3,"tours":["atlantis"],"colour":1}}' >"$out/kiosk-bad.json"
"$app" --kiosk --config "$out/kiosk-bad.json" --state >/dev/null 2>"$out/native-kiosk-bad.txt"
check "kiosk: a bad configuration names the file, the member and the problem, and the kiosk starts" \
  'grep -q "kiosk-bad.json: /kiosk/idleSeconds (kiosk): idleSeconds: expected a number" "$out/native-kiosk-bad.txt" &&
   grep -q "countdownSeconds: expected a number in 20..600, got 3" "$out/native-kiosk-bad.txt" &&
   grep -q "tours: no tour with id \"atlantis\"" "$out/native-kiosk-bad.txt" && grep -q "start: kiosk mode" "$out/native-kiosk-bad.txt"'
printf '{"kiosk": [' >"$out/kiosk-broken.json"
"$app" --kiosk --config "$out/kiosk-broken.json" --state >/dev/null 2>"$out/native-kiosk-broken.txt"
check "kiosk: a configuration that is not JSON is said, and the defaults apply" \
  'grep -q "configuration: .*kiosk-broken.json: .*the defaults apply" "$out/native-kiosk-broken.txt"'

"$app" --kiosk --config "$root/deploy/kiosk.json" --state >/dev/null 2>"$out/native-kiosk-example.txt"
check "kiosk: the example configuration (deploy/kiosk.json) is valid" \
  '! grep -q "configuration:" "$out/native-kiosk-example.txt" && grep -q "start: kiosk mode" "$out/native-kiosk-example.txt"'

# A copy of the app's assets in $1, for a test to break one of its files.
assets_copy() { rm -rf "$1" && cp -r "$root/build/native/assets" "$1"; }

# A shader the GL cannot compile: the app stops with the file and the GL's log, not a crash.
assets_copy "$out/broken-assets"
echo 'void main() { undeclared_name; }' >>"$out/broken-assets/shaders/marker.frag"
"$app" --assets "$out/broken-assets" --screenshot "$out/native-broken-shader.png" >/dev/null 2>"$out/native-broken-shader.txt"
rc=$?
check "a shader that does not compile is named with the GL's log (exit $rc, no crash)" \
  '[ "$rc" = 1 ] && grep -q "broken-assets/shaders/marker.frag: " "$out/native-broken-shader.txt" && grep -q undeclared_name "$out/native-broken-shader.txt"'
rm -rf "$out/broken-assets"

# A font file that is empty, not a font, or cut short: the app stops with the file and what is wrong
# (the panels' rasteriser trusts its input: before this check, a crash).
assets_copy "$out/broken-font"
font="$out/broken-font/fonts/DejaVuSans-latin.ttf"
for broken in empty text cut; do
  case $broken in
    empty) : >"$font"; expected="not a font: 0 bytes" ;;
    text) printf 'Atlas Sur %.0s' $(seq 40) >"$font"; expected="not a TrueType font" ;;
    cut) head -c 30000 "$root/build/native/assets/fonts/DejaVuSans-latin.ttf" >"$font"; expected="cut short: its table" ;;
  esac
  "$app" --assets "$out/broken-font" --screenshot "$out/native-broken-font.png" >/dev/null 2>"$out/native-broken-font-$broken.txt"
  rc=$?
  check "a font file that is $broken is named with what is wrong (exit $rc, no crash)" \
    '[ "$rc" = 1 ] && grep -q "broken-font/fonts/DejaVuSans-latin.ttf: $expected" "$out/native-broken-font-$broken.txt"'
done
rm -rf "$out/broken-font"

# 9. a lost GL context: the app lets go of its GL names, makes a new context and builds everything
#    again; the picture is the same as without the loss (the screenshot frame follows a loss)
"$app" --size 960x600 --view 's=mx-puebla&lang=es' --screenshot "$out/native-context-before.png" 2>/dev/null
"$app" --size 960x600 --view 's=mx-puebla&lang=es' --lose-context 2 --screenshot "$out/native-context-after.png" \
  2>"$out/native-context-log.txt"; rc=$?
differing=$(compare -metric AE "$out/native-context-before.png" "$out/native-context-after.png" null: 2>&1)
check "lost GL context: rebuilt ($(grep -c "context back" "$out/native-context-log.txt") times), exit $rc, $differing pixels differ" \
  '[ $rc -eq 0 ] && [ "$(grep -c "every GL resource rebuilt" "$out/native-context-log.txt")" -ge 1 ] && [ "$differing" = "0" ]'
"$app" --lose-context 1 --state >/dev/null 2>"$out/native-context-bad.txt"; rc=$?
check "--lose-context 1 is refused with a message" '[ $rc -eq 2 ] && grep -q "at least 2" "$out/native-context-bad.txt"'

"$app" --display 3 --state >/dev/null 2>"$out/native-display.txt"; rc=$?
check "--display names a screen; a missing one is said and the first is used (exit $rc)" \
  '[ $rc -eq 0 ] && grep -q "there is no screen 3" "$out/native-display.txt"'

echo "native: $passed passed, $failed failed"
python3 "$root/tests/data/test_bad_corpus.py" > "$out/bad-corpus.txt" 2>&1; corpus=$?
grep -E "^not ok|passed, " "$out/bad-corpus.txt"
[ "$failed" -eq 0 ] && [ "$corpus" -eq 0 ]
