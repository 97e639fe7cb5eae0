// Pictures of the map that the browser's compositor moves while the map is dragged or zoomed
// (src/platform/platform.h): the page then draws no frame until the gesture ends. Over the canvas,
// and letting every pointer event through to it: a backdrop in the map's background colour (what
// the moved picture uncovers), the map's picture (moved with a CSS transform), and the panels'
// pictures where the panels are.
//
// Their pixels are read from the frame being drawn into a GL pixel buffer, and collected once the
// GPU has come to them (a fence): the page never waits for the GPU. Reading the canvas directly
// (drawImage, createImageBitmap) waits for the whole frame to be drawn: 90 ms with a software GL.
// GL's rows run bottom up; the pictures are turned upright by their CSS transform.
(function () {
  var backdrop = null, map = null, panels = [], shown = false, colour = '';
  var reads = [];          // pixel reads on their way: {buffer, fence, target, w, h, asked}
  var transform = null;    // the map picture's, as last asked for
  var kGiveUpMs = 500;     // a read that has not come by then (a lost context) is forgotten

  function gl() { return Module.ctx; }
  function layer(tag) {
    var e = document.createElement(tag);
    e.setAttribute('aria-hidden', 'true');
    e.className = 'map-picture';
    e.style.cssText = 'position:fixed;left:0;top:0;pointer-events:none;display:none';
    return e;
  }
  function show(on) {
    if (on === shown) return;  // (asked at every frame of a gesture)
    shown = on;
    backdrop.style.display = map.style.display = on ? 'block' : 'none';
    panels.forEach(function (p) { p.style.display = on && p.inUse ? 'block' : 'none'; });
  }
  function forget(r) {  // (false: out of the list of reads)
    gl().deleteBuffer(r.buffer);
    if (r.fence) gl().deleteSync(r.fence);
    return false;
  }
  function place() {
    var t = transform, h = parseFloat(map.style.height), ratio = map.height / Math.max(1, h);
    // Moved by whole pixels while not scaled: the picture stays sharp.
    if (t.scale === 1) t = { scale: 1, x: Math.round(t.x * ratio) / ratio, y: Math.round(t.y * ratio) / ratio };
    // Upright (y flipped about the picture's height), scaled, its corner at (x, y).
    map.style.transform = 'matrix(' + t.scale + ',0,0,' + -t.scale + ',' + t.x + ',' + (t.y + t.scale * h) + ')';
  }
  // Starts reading a rectangle of the frame being drawn (GL pixels, bottom-up) for `target`.
  function read(target, x, y, w, h) {
    var c = gl();
    reads = reads.filter(function (r) { return r.target !== target || forget(r); });  // (a newer read replaces it)
    var buffer = c.createBuffer();
    c.bindBuffer(c.PIXEL_PACK_BUFFER, buffer);
    c.bufferData(c.PIXEL_PACK_BUFFER, w * h * 4, c.STREAM_READ);
    c.readPixels(x, y, w, h, c.RGBA, c.UNSIGNED_BYTE, 0);
    c.bindBuffer(c.PIXEL_PACK_BUFFER, null);
    reads.push({ buffer: buffer, fence: c.fenceSync(c.SYNC_GPU_COMMANDS_COMPLETE, 0), target: target, w: w, h: h,
                 asked: performance.now() });
    c.flush();
    setTimeout(collect, 0);
  }
  // Puts the reads that have come into their pictures; true when none is left on its way.
  function collect() {
    var c = gl();
    reads = reads.filter(function (r) {
      var late = !r.fence || c.isContextLost() || performance.now() - r.asked > kGiveUpMs;
      if (!late && c.getSyncParameter(r.fence, c.SYNC_STATUS) !== c.SIGNALED) return true;
      if (!late) {
        var pixels = new Uint8ClampedArray(r.w * r.h * 4);
        c.bindBuffer(c.PIXEL_PACK_BUFFER, r.buffer);
        c.getBufferSubData(c.PIXEL_PACK_BUFFER, 0, pixels);
        c.bindBuffer(c.PIXEL_PACK_BUFFER, null);
        r.target.getContext('2d').putImageData(new ImageData(pixels, r.w, r.h), 0, 0);
        r.target.ready = true;
      }
      return forget(r);
    });
    if (reads.length) setTimeout(collect, 4);
    else if (transform && !shown && map.ready) place(), show(true);
    return !reads.length;
  }

  Module.mapPictures = {
    // The frame holds the map alone: read it.
    keepMap: function () {
      var canvas = Module.canvas;
      if (!gl() || !gl().fenceSync) return 0;
      if (!map) {
        backdrop = layer('div');
        backdrop.style.width = backdrop.style.height = '100%';
        map = layer('canvas');
        map.style.transformOrigin = '0 0';
        canvas.after(backdrop, map);
      }
      show(false);  // the frame shows what the pictures showed, until the new one has come
      transform = null;
      map.ready = false;
      if (map.width !== canvas.width || map.height !== canvas.height) map.width = canvas.width, map.height = canvas.height;
      map.style.width = canvas.clientWidth + 'px';
      map.style.height = canvas.clientHeight + 'px';
      read(map, 0, 0, canvas.width, canvas.height);
      return 1;
    },
    // The panels are drawn over the map now: read their rectangles (x, y, w, h in CSS pixels).
    keepPanels: function (rects, rounding) {
      var canvas = Module.canvas, ratio = canvas.width / Math.max(1, canvas.clientWidth);
      var count = rects.length / 4;
      while (panels.length < count) {
        var p = layer('canvas');
        p.style.transform = 'scaleY(-1)';
        (panels.length ? panels[panels.length - 1] : map).after(p);
        panels.push(p);
      }
      panels.forEach(function (p, i) {
        p.inUse = false;
        if (i < count) {
          var x0 = Math.max(0, Math.round(rects[4 * i] * ratio)), y0 = Math.max(0, Math.round(rects[4 * i + 1] * ratio));
          var x1 = Math.min(canvas.width, Math.round((rects[4 * i] + rects[4 * i + 2]) * ratio));
          var y1 = Math.min(canvas.height, Math.round((rects[4 * i + 1] + rects[4 * i + 3]) * ratio));
          if (x1 > x0 && y1 > y0) {
            p.inUse = true;
            if (p.width !== x1 - x0 || p.height !== y1 - y0) p.width = x1 - x0, p.height = y1 - y0;
            p.style.left = x0 / ratio + 'px';
            p.style.top = y0 / ratio + 'px';
            p.style.width = (x1 - x0) / ratio + 'px';
            p.style.height = (y1 - y0) / ratio + 'px';
            p.style.borderRadius = rounding + 'px';
            read(p, x0, canvas.height - y1, x1 - x0, y1 - y0);
          }
        }
        p.style.display = shown && p.inUse ? 'block' : 'none';
      });
    },
    // The map's picture scaled by `scale`, its corner at (x, y) in CSS pixels, over the map's
    // background colour. True when the pictures show it now or will as soon as they have come.
    move: function (scale, x, y, r, g, b) {
      if (!map) return 0;
      var waiting = !collect();
      if (!waiting && !map.ready) return 0;  // its pixels never came (a lost context): draw frames
      var rgb = 'rgb(' + [r, g, b].map(function (c) { return Math.round(c * 255); }).join(',') + ')';
      if (rgb !== colour) backdrop.style.background = colour = rgb;
      transform = { scale: scale, x: x, y: y };
      if (!waiting) place(), show(true);
      return 1;
    },
    drop: function () {
      transform = null;
      if (map) show(false);
    },
  };
})();
