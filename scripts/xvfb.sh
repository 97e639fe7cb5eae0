# Sourced by the scripts that need an X server of their own (tests/native/, bench/kiosk/).
# start_xvfb WxH: starts Xvfb on the first free display, exports DISPLAY and sets xvfb_pid (the
# caller's EXIT trap stops it: only the processes a script started are stopped), and returns once
# the server takes connections.
start_xvfb() {
  local display=99
  while [ -e "/tmp/.X${display}-lock" ]; do display=$((display + 1)); done
  Xvfb ":$display" -screen 0 "${1}x24" -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  export DISPLAY=":$display"
  for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done
  sleep 0.5
}
