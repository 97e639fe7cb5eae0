// window.atlas: the page's interface to the map, for tests (and later tours and deep links).
// Every call is answered by the C++ side (src/platform/web/platform_web.cpp) as JSON.
(function () {
  function call(name, args) {
    if (!window.mapReady) return JSON.stringify({ error: 'the map is not ready yet' });
    return Module.ccall(name, 'string', args.map(function () { return 'string'; }), args);
  }
  function parse(text) { return JSON.parse(text); }
  window.atlas = {
    state: function () { return parse(call('atlas_api_state', [])); },
    visibleCities: function () { return parse(call('atlas_api_visible_cities', [])); },
    frameStats: function () { return parse(call('atlas_api_frame_stats', [])); },
    panels: function () { return parse(call('atlas_api_panels', [])); },
    act: function (action) {
      var text;
      try { text = JSON.stringify(action); } catch (e) { return { error: 'the action cannot be written as JSON: ' + e.message }; }
      if (typeof text !== 'string') return { error: 'the action must be an object' };
      return parse(call('atlas_api_act', [text]));
    },
    // Page coordinates in CSS pixels (the canvas may not sit at the page's origin).
    screenPosition: function (id) {
      var p = parse(call('atlas_api_screen_position', [String(id)]));
      if (p.error) return p;
      var r = Module.canvas.getBoundingClientRect();
      return { x: p.x + r.left, y: p.y + r.top, onScreen: p.onScreen };
    },
  };
})();
