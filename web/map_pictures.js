// Pictures of the map that the browser's compositor moves while the map is dragged or zoomed
// (src/platform/platform.h): the page then draws no frame until the gesture ends. Over the canvas,
// and letting every pointer event through to it: a backdrop in the map's background colour (what
// the moved picture uncovers), the map's picture (moved with a CSS transform), and the panels'
// pictures where the panels are.
//
// Their pixels are read from the frame being drawn into a GL pixel buffer, and collected once the
// GPU has come to them (a fence): the page never waits for the GPU. Reading the canvas directly
// (drawImage, createImageBitmap) waits for the whole frame to be drawn: 90 ms with a software GL.
// The map has two pictures: while a new one is on its way (its frame drawn off the screen, in the
// middle of a gesture), the one before it stays shown, moved to where the app says it goes.
// GL's rows run bottom up: the pictures are turned upright as their bitmaps are made (a copy of the
// whole frame by the GL, to turn it, cost a software GL's process 13 ms; flipped by their CSS
// transform instead, the map's picture cost the compositor 3-7 ms at each frame of a drag). A zoom's
// draft is drawn at half the width and height (it is seen only scaled: a quarter of the GL's work,
// and of the bytes to read and to make a bitmap of, each 15-90 ms for a whole map with a software GL
// on a slow machine).
(function () {
  var backdrop = null, panels = [], shown = false, colour = '';
  var maps = [];           // the map's two pictures: canvases with .ready (its pixels have come) and .place
  var newest = -1;         // the slot kept last
  var reads = [];          // pixel reads on their way: {buffer, fence, target, w, h, flip, asked, seq, pixels, fetched}
  var moving = false;      // the app asked for the pictures since they were last dropped
  var converting = 0;      // pixels that have come, on their way to becoming a picture's bitmap
  var kGiveUpMs = 500;     // a read the GPU has not come to by then (a lost context) is forgotten
  // Pixels fetched in one task, and each bitmap made in a task of its own: a whole map's 4 MB made
  // tasks of 60-120 ms with a software GL on a slow machine (fetching into new memory costs more
  // than the copy: its pages are touched for the first time).
  var kTaskBytes = 1 << 20;

  function gl() { return Module.ctx; }
  function layer(tag) {
    var e = document.createElement(tag);
    e.setAttribute('aria-hidden', 'true');
    e.className = 'map-picture';
    e.style.cssText = 'position:fixed;left:0;top:0;pointer-events:none;display:none';
    e.shownNow = false;
    return e;
  }
  // Asked at every frame of a gesture: what each element shows is kept here, for reading an
  // element's style back costs more than the rest of the frame's work on the page (profiled).
  function display(e, on) {
    if (e.shownNow === on) return;
    e.shownNow = on;
    e.style.display = on ? 'block' : 'none';
  }
  // The picture to show: the newest once it has come, else the one before it; none until the
  // panels' pictures have come too (the canvas shows the frame before until then).
  function showing() {
    if (newest < 0 || panels.some(function (p) { return p.inUse && !p.ready; })) return null;
    var m = maps[newest], before = maps[1 - newest];
    return m.ready ? m : before && before.ready && before.place ? before : null;
  }
  function show(on) {
    var m = on ? showing() : null;
    shown = !!m;
    display(backdrop, shown);
    maps.forEach(function (p) { display(p, p === m); });
    panels.forEach(function (p) { display(p, shown && p.inUse && p.ready); });
    if (m) place(m);
  }
  function forget(r) {  // (false: out of the list of reads)
    gl().deleteBuffer(r.buffer);
    if (r.fence) gl().deleteSync(r.fence);
    return false;
  }
  function place(m) {
    var t = m.place, ratio = m.ratio;
    // Moved by whole pixels while not scaled: the picture stays sharp.
    if (t.scale === 1) t = { scale: 1, x: Math.round(t.x * ratio) / ratio, y: Math.round(t.y * ratio) / ratio };
    // Scaled, its corner at (x, y).
    var transform = 'matrix(' + t.scale + ',0,0,' + t.scale + ',' + t.x + ',' + t.y + ')';
    if (m.transformNow !== transform) m.style.transform = m.transformNow = transform;
  }
  // Starts reading a rectangle of the framebuffer bound now (GL pixels) for `target`; `flip`: its
  // rows run bottom up.
  function read(target, x, y, w, h, flip) {
    var c = gl();
    reads = reads.filter(function (r) { return r.target !== target || forget(r); });  // (a newer read replaces it)
    var buffer = c.createBuffer();
    c.bindBuffer(c.PIXEL_PACK_BUFFER, buffer);
    c.bufferData(c.PIXEL_PACK_BUFFER, w * h * 4, c.STREAM_READ);
    c.readPixels(x, y, w, h, c.RGBA, c.UNSIGNED_BYTE, 0);
    c.bindBuffer(c.PIXEL_PACK_BUFFER, null);
    // (seq: the target's newest read; a bitmap of an older one, or of a dropped picture, is not shown)
    target.seq = (target.seq || 0) + 1;
    reads.push({ buffer: buffer, fence: c.fenceSync(c.SYNC_GPU_COMMANDS_COMPLETE, 0), target: target, w: w, h: h,
                 flip: flip, asked: performance.now(), seq: target.seq, pixels: null, fetched: 0 });
    c.flush();
    poll(0);
  }
  // One look for the reads that have come at a time (each read asking for its own would multiply them).
  var polling = false;
  function poll(ms) {
    if (polling) return;
    polling = true;
    setTimeout(function () { polling = false; collect(); }, ms);
  }
  // Fetches the pixels of the reads that have come, kTaskBytes a task at most, and makes their
  // pictures' bitmaps in tasks of their own.
  function collect() {
    var c = gl(), budget = kTaskBytes;
    while (reads.length && budget > 0) {
      var r = reads[0], bytes = r.w * r.h * 4;
      // (late: the GPU has not come to it in time; a read being fetched is not waiting for it)
      var late = !r.fence || c.isContextLost() || (!r.pixels && performance.now() - r.asked > kGiveUpMs);
      // (the GPU reaches fences in the order they were set: past one it has not reached, none is asked)
      if (!late && !r.pixels && c.getSyncParameter(r.fence, c.SYNC_STATUS) !== c.SIGNALED) break;
      if (!late) {
        var n = Math.min(budget, bytes - r.fetched);
        r.pixels = r.pixels || new Uint8ClampedArray(bytes);
        c.bindBuffer(c.PIXEL_PACK_BUFFER, r.buffer);
        c.getBufferSubData(c.PIXEL_PACK_BUFFER, r.fetched, r.pixels, r.fetched, n);
        c.bindBuffer(c.PIXEL_PACK_BUFFER, null);
        r.fetched += n, budget -= n;
        if (r.fetched < bytes) break;  // the rest in the next task
        ++converting;
        setTimeout(convert.bind(null, r.target, r.seq, new ImageData(r.pixels, r.w, r.h), r.flip), 0);
      }
      forget(r);
      reads.shift();
    }
    if (reads.length) poll(budget < kTaskBytes ? 0 : 4);
    if (moving) show(true);
  }
  // Shown through a bitmap renderer: a 2D canvas made the page produce its resource for the
  // compositor again at every frame of a gesture (about a millisecond each for the map's). The
  // pixels are opaque: nothing to premultiply.
  function convert(target, seq, image, flip) {
    if (target.seq !== seq) return --converting;  // read again since, or dropped
    var options = { premultiplyAlpha: 'none' };
    if (flip) options.imageOrientation = 'flipY';
    createImageBitmap(image, options).then(function (bitmap) {
      --converting;
      if (target.seq !== seq) return bitmap.close();
      target.getContext('bitmaprenderer').transferFromImageBitmap(bitmap);
      target.ready = true;
      if (moving) show(true);
    }, function () { --converting; });
  }
  // The frame drawn off the screen and bound now, which the map's picture is read from (null: the
  // canvas's own is bound).
  function offScreenFrame() { return gl().getParameter(gl().DRAW_FRAMEBUFFER_BINDING); }

  Module.mapPictures = {
    // The platform can keep pictures (a WebGL 2 context, with fences).
    available: function () { return gl() && gl().fenceSync ? 1 : 0; },
    // The framebuffer bound now holds the map alone (a `draft` in its lower left corner, at half the
    // width and height): read it into a slot (0 or 1; -1: none). The picture shown now stays until
    // this one has come; a slot still on its way is read again.
    keepMap: function (draft) {
      var canvas = Module.canvas;
      if (!Module.mapPictures.available() || !offScreenFrame()) return -1;
      if (!backdrop) {
        backdrop = layer('div');
        backdrop.style.width = backdrop.style.height = '100%';
        canvas.after(backdrop);
      }
      var m = showing();
      var slot = newest >= 0 && maps[newest] !== m ? newest : newest < 0 ? 0 : 1 - newest;
      if (!maps[slot]) {
        maps[slot] = layer('canvas');
        maps[slot].getContext('bitmaprenderer', { alpha: false });  // opaque: the compositor need not draw what it covers
        maps[slot].style.transformOrigin = '0 0';
        maps[slot].style.willChange = 'transform';  // its own layer, moved by the compositor, never painted again
        (maps[1 - slot] || backdrop).after(maps[slot]);
      }
      m = maps[slot];
      m.place = null;
      m.ready = false;
      newest = slot;
      // (as MapRenderer::draft_size)
      var w = draft ? Math.ceil(canvas.width / 2) : canvas.width, h = draft ? Math.ceil(canvas.height / 2) : canvas.height;
      if (m.width !== w || m.height !== h) m.width = w, m.height = h;
      m.ratio = canvas.height / Math.max(1, canvas.clientHeight);  // the canvas's pixels to a CSS pixel
      m.style.width = canvas.clientWidth + 'px';
      m.style.height = canvas.clientHeight + 'px';
      read(m, 0, 0, w, h, true);
      return slot;
    },
    // Once, before the first gesture (the frame bound now drawn off the screen as a gesture's
    // would be): a pixel read, so that the software GL makes its pipeline then.
    warm: function () {
      var c = gl();
      if (!Module.mapPictures.available() || !offScreenFrame()) return;
      var buffer = c.createBuffer();
      c.bindBuffer(c.PIXEL_PACK_BUFFER, buffer);
      c.bufferData(c.PIXEL_PACK_BUFFER, 4, c.STREAM_READ);
      c.readPixels(0, 0, 1, 1, c.RGBA, c.UNSIGNED_BYTE, 0);
      c.bindBuffer(c.PIXEL_PACK_BUFFER, null);
      c.deleteBuffer(buffer);
    },
    // The panels are drawn over the map now: read their rectangles (x, y, w, h in CSS pixels).
    keepPanels: function (rects, rounding) {
      var canvas = Module.canvas, ratio = canvas.width / Math.max(1, canvas.clientWidth);
      var count = rects.length / 4;
      while (panels.length < count) {
        var p = layer('canvas');
        (panels.length ? panels[panels.length - 1] : maps[maps.length - 1]).after(p);
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
            // A panel shown now keeps its pixels until the new ones come; one that moved is hidden
            // until then. (Where it is placed is kept here, as what the pictures show.)
            var at = [x0, y0, x1, y1, ratio].join();
            if (p.placedAt !== at) {
              p.placedAt = at;
              p.ready = false;
              if (p.width !== x1 - x0 || p.height !== y1 - y0) p.width = x1 - x0, p.height = y1 - y0;
              p.style.left = x0 / ratio + 'px';
              p.style.top = y0 / ratio + 'px';
              p.style.width = (x1 - x0) / ratio + 'px';
              p.style.height = (y1 - y0) / ratio + 'px';
            }
            if (p.rounding !== rounding) p.style.borderRadius = (p.rounding = rounding) + 'px';
            read(p, x0, canvas.height - y1, x1 - x0, y1 - y0, true);
          }
        }
        display(p, shown && p.inUse && p.ready);
      });
    },
    // Where each slot's picture goes: scaled by scales[i], its corner at (xs[i], ys[i]) in CSS
    // pixels (scale 0: not kept), over the map's background colour. True when a picture shows the
    // map now or will as soon as it has come.
    move: function (scales, xs, ys, r, g, b) {
      if (newest < 0) return 0;
      var waiting = reads.length > 0 || converting > 0;
      if (reads.length) poll(0);  // (collected in a task of its own, not in this frame's)
      maps.forEach(function (m, i) { m.place = scales[i] > 0 ? { scale: scales[i], x: xs[i], y: ys[i] } : null; });
      if (!waiting && !showing()) return 0;  // its pixels never came (a lost context): draw frames
      var rgb = 'rgb(' + [r, g, b].map(function (c) { return Math.round(c * 255); }).join(',') + ')';
      if (rgb !== colour) backdrop.style.background = colour = rgb;
      moving = true;
      show(true);
      return 1;
    },
    // The drawn frame is shown again; the pictures are forgotten.
    drop: function () {
      moving = false;
      newest = -1;
      // (a bitmap still on its way is of a picture forgotten)
      maps.forEach(function (m) { m.ready = false; m.place = null; m.seq = (m.seq || 0) + 1; });
      panels.forEach(function (p) { p.ready = false; p.seq = (p.seq || 0) + 1; });
      if (backdrop) show(false);
    },
  };
})();
