// window.atlas: the page's interface to the map, for tests (and later tours and deep links).
// Every call is answered by the C++ side (src/platform/web/platform_web.cpp) as JSON.
(function () {
  // Arguments go through the heap, not ccall's stack copies: a dropped file may be 16 MB.
  // A string becomes a C string; bytes (Uint8Array) become a pointer and a length; a number stays.
  function call(name, args) {
    if (!Module.appStarted) return JSON.stringify({ error: 'the map is not ready yet' });
    Module.wake();  // whatever the call changes is drawn at the next frame
    return invoke(name, args);
  }
  // (Without those two: the data staged during start-up, below.)
  function invoke(name, args) {
    var pointers = [], params = [];
    args.forEach(function (a) {
      var p;
      if (typeof a === 'number') {
        params.push(a);
        return;
      } else if (a instanceof Uint8Array) {
        p = Module._malloc(a.length + 1);
        Module.HEAPU8.set(a, p);
        Module.HEAPU8[p + a.length] = 0;
        params.push(p, a.length);
      } else {
        var size = Module.lengthBytesUTF8(a) + 1;
        p = Module._malloc(size);
        Module.stringToUTF8(a, p, size);
        params.push(p);
      }
      pointers.push(p);
    });
    try {
      return Module.UTF8ToString(Module['_' + name].apply(null, params));
    } finally {
      pointers.forEach(function (p) { Module._free(p); });
    }
  }
  // An idle map sleeps (no animation frames; platform_web.cpp); anything that can change what it
  // shows wakes it: input, a resize, the address, the GL context coming and going, and API calls.
  // (Not before the app has started: the engine may still be compiling then, and the first frame
  // comes anyway.)
  Module.wake = function () { if (Module.appStarted) Module._atlas_wake(); };
  ['pointerdown', 'pointermove', 'pointerup', 'wheel', 'keydown', 'keyup', 'touchstart', 'touchmove', 'touchend',
   'resize', 'hashchange', 'popstate', 'focus', 'dragover', 'drop', 'visibilitychange'].forEach(function (type) {
    window.addEventListener(type, Module.wake, { capture: true, passive: true });
  });
  // Keys typed in the page's own controls (the accessible mirror, the export dialog) are theirs: the
  // map's keyboard handler listens on the window and would take them (letters for its search box,
  // space and arrows for the map). Keys on the map or on nothing in particular still go to it.
  ['keydown', 'keypress', 'keyup'].forEach(function (type) {
    document.addEventListener(type, function (e) {
      if (e.target !== document.body && e.target !== Module.canvas) e.stopPropagation();
    });
  });
  var canvas = document.getElementById('canvas');
  canvas.addEventListener('webglcontextlost', Module.wake);
  canvas.addEventListener('webglcontextrestored', Module.wake);
  // The canvas's size as the page last laid it out, for the app's frames (sync_window_size in
  // platform_web.cpp). Asking the element at every frame made the browser lay the page out there and
  // then, in the middle of the frame: 60 ms of the load's main thread, while the page and the
  // accessible mirror were still being laid out. An observer is told after the browser's own layout.
  Module.canvasSize = null;  // (until it is first told: the app asks the element)
  if (window.ResizeObserver) new ResizeObserver(function () {
    var r = canvas.getBoundingClientRect();  // (laid out already: costs nothing here)
    Module.canvasSize = [r.width, r.height];
    Module.wake();
  }).observe(canvas);
  function bytesOf(data) {
    if (data instanceof Uint8Array) return data;
    if (data instanceof ArrayBuffer) return new Uint8Array(data);
    return new TextEncoder().encode(String(data == null ? '' : data));
  }
  function parse(text) { return JSON.parse(text); }
  // The user's data files' bytes, in the order they were staged (Module.stageData): the app reads
  // them from here a piece at a time as it parses them (Module.textPiece; copied into its memory,
  // whose highest level stays for good, they set that level), and parses them all again with the
  // next files. Those it keeps (Module.keepTexts: all of them, none after a reset) wait here
  // gzip-compressed, about a ninth of their size, and are unpacked again before the next merge.
  var texts = [];  // {raw: Uint8Array while it may be read, gz: ArrayBuffer once compressed}
  function viaStream(bytes, transform) {  // (written straight in: a Blob's bytes go through the browser process)
    var writer = transform.writable.getWriter();
    writer.write(bytes).catch(function () {});
    writer.close().catch(function () {});
    return new Response(transform.readable).arrayBuffer();
  }
  var later = window.requestIdleCallback || function (f) { return setTimeout(f, 200); };
  Module.textPiece = function (index, at, to, count) {
    var t = texts[index];
    if (!t || !t.raw) return 0;  // (not there: the parse ends, and says the file is cut short)
    var piece = t.raw.subarray(at, at + count);
    Module.HEAPU8.set(piece, to);
    return piece.length;
  };
  Module.keepTexts = function (count) {
    texts.length = Math.min(texts.length, count);
    texts.forEach(function (t) {
      if (t.gz) { t.raw = null; return; }  // (compressed before: unchanged)
      if (typeof CompressionStream === 'undefined' || t.packing) return;  // (kept as they are)
      t.packing = true;
      later(function () {  // once the map is drawn: not in the way of the data's first frame
        // (A merge on its way reads the bytes: they go at its end, with the next keepTexts.)
        viaStream(t.raw, new CompressionStream('gzip')).then(function (gz) { t.gz = gz; if (!merging) t.raw = null; },
                                                              function () { /* kept as they are */ })
          .then(function () { t.packing = false; });
      }, { timeout: 2000 });
    });
  };
  Module.keptBytes = function () {
    return texts.reduce(function (sum, t) { return sum + (t.raw ? t.raw.length : t.gz.byteLength); }, 0);
  };
  function unpackTexts() {
    return Promise.all(texts.map(function (t) {
      if (t.raw) return null;
      return viaStream(t.gz, new DecompressionStream('gzip')).then(function (b) { t.raw = new Uint8Array(b); });
    }));
  }
  var queue = Promise.resolve(), generation = 0;  // (loads one after another; a reset drops those waiting)
  var merging = 0;  // loads waiting or under way
  // Files ({name, data, error}) handed to the app; their bytes stay here.
  Module.stageData = function (files) {
    files.forEach(function (f) {
      var bytes = f.error ? new Uint8Array(0) : bytesOf(f.data);
      var answer = parse(invoke('atlas_api_stage_data', [String(f.name), bytes.length, String(f.error || ''), texts.length]));
      if (answer.staged) texts.push({ raw: bytes, gz: null });  // (at the index the app was given)
    });
  };
  Module.callApi = function (name, args) { return parse(call(name, args || [])); };  // for the parts below
  window.atlas = {
    state: function () { return parse(call('atlas_api_state', [])); },
    visibleCities: function () { return parse(call('atlas_api_visible_cities', [])); },
    frameStats: function () { return parse(call('atlas_api_frame_stats', [])); },
    panels: function () { return parse(call('atlas_api_panels', [])); },
    links: function () { return parse(call('atlas_api_links', [])); },
    labels: function () { return parse(call('atlas_api_labels', [])); },
    clusters: function () { return parse(call('atlas_api_clusters', [])); },
    // The catalogue of the current language ({language, name, strings}), to compare with what is drawn.
    strings: function () { return parse(call('atlas_api_strings', [])); },
    tours: function () { return parse(call('atlas_api_tours', [])); },
    fonts: function () { return parse(call('atlas_api_fonts', [])); },
    act: function (action) {
      var text;
      try { text = JSON.stringify(action); } catch (e) { return { error: 'the action cannot be written as JSON: ' + e.message }; }
      if (typeof text !== 'string') return { error: 'the action must be an object' };
      return parse(call('atlas_api_act', [text]));
    },
    // Loads a data file (text, ArrayBuffer or Uint8Array) over the bundled data, merging by id (any
    // name: the file's "format" says what it holds); `error` reports a file that could not be
    // fetched. Resolves to the new state; state.data lists the problems.
    loadData: function (name, data, error) {
      return window.atlas.loadDataFiles([{ name: name, data: data, error: error }]);
    },
    // Several files ([{name, data, error}]) loaded together: merged and drawn once, not once per
    // file. Resolves to the new state (the earlier files are given back first, which may wait for
    // their decompression).
    loadDataFiles: function (files) {
      if (!Module.appStarted) return Promise.resolve({ error: 'the map is not ready yet' });
      // The page keeps the files' bytes for later merges: a copy of its own, taken now, so that a
      // caller reusing or handing away its buffer (to a worker) changes nothing of what was loaded.
      files = Array.prototype.map.call(files, function (f) {
        var data = f.error ? null : (f.data instanceof Uint8Array || f.data instanceof ArrayBuffer) ? bytesOf(f.data).slice() : bytesOf(f.data);
        return { name: f.name, data: data, error: f.error };
      });
      var asked = generation;
      ++merging;
      var done = queue.then(unpackTexts).then(function () {
        if (asked !== generation) return window.atlas.state();  // data reset since: not loaded
        Module.stageData(files);
        return parse(call('atlas_api_load_staged', []));
      }).finally(function () { --merging; });
      queue = done.catch(function () {});
      return done;
    },
    resetData: function () {
      ++generation;
      return parse(call('atlas_api_reset_data', []));
    },
    // The cities that pass the filters as a file: {format: 'csv' | 'geojson'} resolves to
    // {name, mime, bytes} (bytes: a Uint8Array), what the Download buttons save.
    exportTable: function (options) {
      var r = parse(call('atlas_api_export_table', [String((options && options.format) || 'csv')]));
      if (r.error) return Promise.reject(new Error(r.error));
      return Promise.resolve({ name: r.name, mime: r.mime, bytes: new TextEncoder().encode(r.text) });
    },
    // The view as a PNG with the title, legend, attribution and date, without the panels:
    // {scale: 2} (or {width: 2560}) resolves to {name, mime, bytes}.
    exportImage: function (options) {
      options = options || {};
      var scale = options.width ? Number(options.width) / Module.canvas.clientWidth : Number(options.scale || 1);
      return new Promise(function (resolve, reject) {
        var r = parse(call('atlas_api_export_image', [String(scale)]));
        if (r.error) { reject(new Error(r.error)); return; }
        (Module.imageWaiters = Module.imageWaiters || []).push(resolve);
      });
    },
    // The timeline (or a tour) playing, as a WebM video rendered frame by frame from the
    // recording's clock: {what: 'timeline' | 'tour', tour, fps, seconds, scale, hold, signal
    // (an AbortSignal), onProgress({frame, frames, step, steps})} resolves to {name, mime, bytes,
    // width, height, fps, frames}. The view comes back as it was, also when cancelled.
    exportVideo: function (options) { return Module.recordVideo(options || {}); },
    // A link to the view shown now (what "Copy link" copies).
    viewUrl: function () { return location.href.split('#')[0] + '#' + window.atlas.state().viewUrl; },
    // Page coordinates in CSS pixels (the canvas may not sit at the page's origin).
    screenPosition: function (id) {
      var p = parse(call('atlas_api_screen_position', [String(id)]));
      if (p.error) return p;
      var r = Module.canvas.getBoundingClientRect();
      return Object.assign({}, p, { x: p.x + r.left, y: p.y + r.top });
    },
  };
})();

// User data: ?data=URL (same origin only, repeatable; fetched by the page from its start,
// index.html) and JSON files dropped on the page.
(function () {
  var kMaxBytes = Module.maxDataBytes;
  // The asked-for files ({promise, file}: file once fetched) go in together (merged once, whatever
  // their number): in the app's first load if they have all come by then (Module.stageEarlyData,
  // which the app calls as it starts), or as soon as they come after it (onAppStarted).
  var loads = Module.linkedData || [];
  // Honest readiness: with ?data= the map is ready when the asked-for data is drawn, not the
  // bundled data before it; 'map-ready' is marked then (platform_web.cpp holds it back).
  Module.holdReadyMark = loads.length > 0;
  var dataWait = 0;  // the first frame's wait for the asked-for data, given up after a second
  var readyNow, mapReady = new Promise(function (resolve) { readyNow = resolve; });
  function loadUrls() {
    // A link may name cities of the data it loads: its view applies again once the data is in.
    var linked = location.hash.slice(1);
    if (!loads.length) return mapReady;
    var loaded = Promise.all(loads.map(function (l) { return l.promise; })).then(function (files) {
      return window.atlas.loadDataFiles(files);
    }).then(function () {
      Module.dataComing = false;
      clearTimeout(dataWait);
      loads = [];  // the fetched bytes are the app's now (100,000 cities: 28 MB)
    });
    if (linked) loaded.then(function () { window.atlas.act({ type: 'viewFromUrl', hash: linked }); });
    return loaded.then(function () {
      performance.mark('data-loaded');
      Module.wake();  // the frame that draws it, then the mark
      // Ready once the data is drawn: two frames after it is in, and not before the map's first complete frame.
      var drawn = new Promise(function (done) { requestAnimationFrame(function () { requestAnimationFrame(done); }); });
      return Promise.all([drawn, mapReady]).then(function () { performance.mark('map-ready'); });
    });
  }
  function acceptDrops() {
    var hint = document.createElement('div');
    hint.textContent = 'Drop data files (JSON) to load them';
    hint.style.cssText = 'position:fixed;inset:0;display:none;align-items:center;justify-content:center;' +
      'background:rgba(42,51,71,.55);color:#fff;font:600 28px system-ui,sans-serif;pointer-events:none';
    document.body.appendChild(hint);
    window.addEventListener('dragover', function (e) { e.preventDefault(); hint.style.display = 'flex'; });
    window.addEventListener('dragleave', function (e) { if (!e.relatedTarget) hint.style.display = 'none'; });
    window.addEventListener('drop', function (e) {
      e.preventDefault();
      hint.style.display = 'none';
      var reads = Array.prototype.map.call(e.dataTransfer.files, function (file) {
        if (file.size > kMaxBytes)
          return { name: file.name, error: 'file is ' + file.size + ' bytes, more than the limit of ' + kMaxBytes };
        return file.arrayBuffer().then(function (bytes) { return { name: file.name, data: bytes }; },
                                       function () { return { name: file.name, error: 'the file could not be read' }; });
      });
      Promise.all(reads).then(function (files) { window.atlas.loadDataFiles(files); });
    });
  }
  var previous = Module.onMapReady;
  // The detailed basemap (past 2.5x zoom, and the inset's Mexico) comes once the map is usable: the
  // first frame needs only the coarse one.
  // The app is told in either case: its load is over then (App::fine_basemap_arrived).
  // Its mesh is made once the map rests (the app asleep: no gesture, no flight), or after 5 s at the
  // most (a kiosk never sleeps): a long task (about 60 ms on a slow machine) in the middle of a drag
  // is a jolt, and on a phone's slow network the file comes just as the visitor starts to move the map.
  // (A finger or button held still is no rest: the app may sleep then, with nothing to draw.)
  var pressed = {};
  function released(e) { delete pressed[e.pointerId]; }
  window.addEventListener('pointerdown', function (e) { pressed[e.pointerId] = true; }, { capture: true, passive: true });
  window.addEventListener('pointerup', released, { capture: true, passive: true });
  window.addEventListener('pointercancel', released, { capture: true, passive: true });
  function rested() {
    var since = performance.now();
    return new Promise(function (done) {
      (function check() {
        if ((Module._atlas_sleeping() && !Object.keys(pressed).length) || performance.now() - since > 5000) done();
        else setTimeout(check, 50);
      })();
    });
  }
  function fetchFineBasemap() {
    fetch('assets/basemap-50m.bin').then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.arrayBuffer();
    }).then(function (bytes) {
      // Into the virtual file system (a lost context rebuilds from it too), where the app reads it:
      // handed over as an argument, its copy in the app's memory stayed while the meshes were made.
      try { Module.FS_unlink('/assets/basemap-50m.bin'); } catch (e) { /* not there yet */ }
      Module.FS_createDataFile('/assets', 'basemap-50m.bin', new Uint8Array(bytes), true, true, true);
    }).then(function () { return ''; }, function (e) { return e.message; }).then(function (fetchError) {
      return rested().then(function () { return fetchError; });
    }).then(function (fetchError) {
      var answer = Module.callApi('atlas_api_fine_basemap', []);
      if (fetchError || answer.error) {
        console.warn('the detailed basemap did not load (' + (fetchError || answer.error) + '); the coarse one stays');
        return;
      }
      window.fineBasemap = true;
    });
  }
  // The app has started and its first frame is still to come: the asked-for data goes in as soon as
  // it is fetched (before that frame when it came first: the bundled data is never drawn for nothing).
  var loading = null;
  Module.dataComing = loads.length > 0;  // the app's first frame waits for it (platform_web.cpp)
  Module.stageEarlyData = function () {
    if (!loads.length || !loads.every(function (l) { return l.file; })) return 0;
    Module.stageData(loads.map(function (l) { return l.file; }));
    loads = [];  // (the bytes are the app's now)
    Module.dataComing = Module.holdReadyMark = false;  // drawn in the first frame, which is map-ready
    performance.mark('data-loaded');
    return 1;
  };
  Module.onAppStarted = function () {
    if (Module.dataComing) dataWait = setTimeout(function () { Module.dataComing = false; }, 1000);  // a slow network: the bundled data meanwhile
    loading = loadUrls();
  };
  Module.onMapReady = function () {
    if (previous) previous();
    readyNow();
    acceptDrops();
    (loading || mapReady).then(fetchFineBasemap);  // after the first complete frame, the asked-for data's too
  };
})();

// The view in the address: the app publishes its view (Module.publishView) after every change; a
// step a person took (a filter, a selection, a year) is a history entry of its own, camera moves
// replace the current entry once the view has rested 300 ms (browsers limit how often the address
// may change, and each replaceState took 2 ms of a drag's frames).
// Back, Forward and a link edited in the address bar apply the view they hold.
(function () {
  var pending = null, timer = 0;
  function current() { return location.hash.slice(1); }
  function flush() {
    if (timer) { clearTimeout(timer); timer = 0; }
    if (pending !== null && pending !== current()) history.replaceState(history.state, '', '#' + pending);
    pending = null;
  }
  Module.publishView = function (hash, step) {
    if (step) {
      flush();
      if (hash !== current()) history.pushState(null, '', '#' + hash);
      return;
    }
    pending = hash;
    clearTimeout(timer);
    timer = setTimeout(flush, 300);
  };
  window.addEventListener('popstate', function () {
    pending = null;
    if (window.mapReady) window.atlas.act({ type: 'viewFromUrl', hash: current() });
  });
})();

// Exported pictures arrive as RGBA pixels; the browser writes the PNG. A picture someone waits for
// (atlas.exportImage) resolves their promise; one asked for by the PNG button downloads.
Module.onImage = function (width, height, pixels) {
  if (Module.onRecordedFrame) { Module.onRecordedFrame(width, height, pixels); return; }  // a video's frame
  var canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d').putImageData(new ImageData(new Uint8ClampedArray(pixels.buffer), width, height), 0, 0);
  canvas.toBlob(function (blob) {
    blob.arrayBuffer().then(function (buffer) {
      var file = { name: 'atlas-sur.png', mime: 'image/png', bytes: new Uint8Array(buffer) };
      var waiter = (Module.imageWaiters || []).shift();
      if (waiter) { waiter(file); return; }
      var a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = file.name;
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    });
  }, 'image/png');
};

// The presenter console (web/console.html), a second window: it gets what runs now (the tour and
// its outline, presenter mode, blanking, the words of the language) and sends back the actions of a
// presenter, and only those. Each page has its own channel, so two open maps are never driven at once.
(function () {
  if (typeof BroadcastChannel === 'undefined') return;
  var session = Math.random().toString(36).slice(2, 10);
  var channel = new BroadcastChannel('atlas-sur-presenter:' + session), last = {};
  var allowed = ['tour', 'tourNext', 'tourPrev', 'tourExit', 'presenter', 'blank'];
  function post() {
    if (!window.mapReady) return;
    channel.postMessage(Object.assign({ type: 'status', tours: window.atlas.tours(), strings: window.atlas.strings().strings }, last));
  }
  Module.presenterStatus = function (status) { last = status; post(); };
  channel.onmessage = function (e) {
    var m = e.data || {};
    if (m.type === 'hello') post();
    else if (m.type === 'act' && m.action && allowed.indexOf(m.action.type) >= 0 && window.mapReady) window.atlas.act(m.action);
  };
  Module.consoleUrl = function () { return new URL('console.html?session=' + session, location.href).href; };
  Module.openConsole = function () { window.open(Module.consoleUrl(), 'atlas-sur-console-' + session, 'width=1000,height=680'); };
})();

// Video export (atlas.exportVideo): the app renders each frame at the recording's clock and hands
// over its pixels; WebCodecs encodes them as VP8 and webm-muxer (npm, loaded only now) writes the
// WebM. Timestamps come from the frame number, so the video is smooth whatever the machine's speed.
(function () {
  var muxerLoading = null;
  function loadMuxer() {
    if (window.WebMMuxer) return Promise.resolve();
    return muxerLoading = muxerLoading || new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = 'webm-muxer.js';
      script.onload = resolve;
      script.onerror = function () { muxerLoading = null; reject(new Error('the video writer (webm-muxer.js) could not be loaded')); };
      document.head.appendChild(script);
    });
  }
  function call(name, args) { return Module.callApi(name, args); }
  function aborted() { var e = new Error('the export was cancelled'); e.name = 'AbortError'; return e; }

  Module.recordVideo = async function (options) {
    if (typeof VideoEncoder === 'undefined') throw new Error('this browser cannot encode video (no WebCodecs)');
    var signal = options.signal;
    if (signal && signal.aborted) throw aborted();
    await loadMuxer();
    var request = {};
    ['what', 'tour', 'fps', 'seconds', 'frames', 'scale', 'hold'].forEach(function (k) { if (options[k] !== undefined) request[k] = options[k]; });
    if (options.width) request.scale = Number(options.width) / Module.canvas.clientWidth;
    var begun = call('atlas_api_record_begin', [JSON.stringify(request)]);
    if (begun.error) throw new Error(begun.error);
    // VP8 wants even sizes: the encoder gets the picture cut to the even size below it.
    var width = begun.width & ~1, height = begun.height & ~1, fps = begun.fps;
    var target = new WebMMuxer.ArrayBufferTarget();
    var muxer = new WebMMuxer.Muxer({ target: target, video: { codec: 'V_VP8', width: width, height: height, frameRate: fps },
                                      firstTimestampBehavior: 'offset' });
    var failure = null;
    var encoder = new VideoEncoder({ output: function (chunk, meta) { muxer.addVideoChunk(chunk, meta); },
                                     error: function (e) { failure = e; } });
    encoder.configure({ codec: 'vp8', width: width, height: height, framerate: fps,
                        bitrate: Math.round(width * height * fps * 0.12), latencyMode: 'quality' });
    var frame = 0, pixels = null;
    Module.onRecordedFrame = function (w, h, rgba) { pixels = { w: w, h: h, rgba: rgba }; };
    try {
      for (;;) {
        if (signal && signal.aborted) throw aborted();
        if (failure) throw failure;
        pixels = null;
        var progress = call('atlas_api_record_frame', []);
        if (progress.error) throw new Error(progress.error);
        if (!pixels) throw new Error('the frame was not drawn');
        var data = pixels.rgba;
        if (pixels.w !== width || pixels.h !== height) {  // cut to the even size
          var cut = new Uint8Array(width * height * 4);
          for (var y = 0; y < height; ++y) cut.set(data.subarray(y * pixels.w * 4, y * pixels.w * 4 + width * 4), y * width * 4);
          data = cut;
        }
        var picture = new VideoFrame(data, { format: 'RGBA', codedWidth: width, codedHeight: height,
                                             timestamp: Math.round(frame * 1e6 / fps), duration: Math.round(1e6 / fps) });
        encoder.encode(picture, { keyFrame: frame % (fps * 2) === 0 });
        picture.close();
        ++frame;
        if (options.onProgress) options.onProgress(progress);
        // Let the page breathe (progress, Cancel) and the encoder catch up.
        while (encoder.encodeQueueSize > 2) await new Promise(function (r) { setTimeout(r, 0); });
        await new Promise(function (r) { setTimeout(r, 0); });
        if (progress.done) break;
      }
      await encoder.flush();
      if (failure) throw failure;
      muxer.finalize();
      return { name: 'atlas-sur.webm', mime: 'video/webm', bytes: new Uint8Array(target.buffer),
               width: width, height: height, fps: fps, frames: frame };
    } finally {
      Module.onRecordedFrame = null;
      if (encoder.state !== 'closed') encoder.close();
      Module._atlas_api_record_end();
    }
  };

  // The page's export dialog: what is being made, how far it is, and Cancel. The words are the
  // map's (its catalogue), so the dialog speaks the map's language.
  function words() { try { return window.atlas.strings().strings; } catch (e) { return {}; } }
  function t(english) { var w = words()[english]; return typeof w === 'string' ? w : english; }
  Module.startExport = function (kind) {
    var box = document.getElementById('export');
    if (!box || !box.hidden) return;
    var $ = function (id) { return document.getElementById(id); };
    var fill = $('export-fill'), status = $('export-status'), cancel = $('export-cancel'), form = $('export-form');
    var controller = new AbortController();
    cancel.textContent = t('Cancel');
    status.textContent = '';
    fill.style.width = '0%';
    cancel.onclick = function () { controller.abort(); finish(); };
    function finish() { box.hidden = true; Module.canvas.focus(); }
    function save(file) {
      var a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([file.bytes], { type: file.mime }));
      a.download = file.name;
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    }
    function run(job) {
      form.hidden = true;
      $('export-progress').hidden = false;
      job.then(function (file) { if (!controller.signal.aborted) save(file); },
               function (e) { if (e.name !== 'AbortError') window.alert(e.message); })
         .then(finish);
    }
    box.hidden = false;
    if (kind !== 'video') {  // the picture: one frame, after the dialog has shown
      $('export-title').textContent = t('Preparing the picture');
      form.hidden = true;
      cancel.focus();
      run(new Promise(function (r) { requestAnimationFrame(function () { requestAnimationFrame(r); }); })
        .then(function () { if (controller.signal.aborted) throw aborted(); return window.atlas.exportImage({ scale: 2 }); }));
      return;
    }
    // The video: what to record, its width and frame rate, then Record.
    $('export-title').textContent = t('Record a video');
    $('export-progress').hidden = true;
    form.hidden = false;
    var what = $('export-what'), tour = window.atlas.state().tour;
    what.textContent = '';
    [['timeline', t('The timeline, year by year')]].concat(window.atlas.tours().map(function (x) { return ['tour:' + x.id, x.title]; }))
      .forEach(function (o) { var e = document.createElement('option'); e.value = o[0]; e.textContent = o[1]; what.appendChild(e); });
    if (tour) what.value = 'tour:' + tour.id;
    [['export-what-label', 'What'], ['export-width-label', 'Width'], ['export-fps-label', 'Frames per second'],
     ['export-seconds-label', 'Length'], ['export-record', 'Record']].forEach(function (p) { $(p[0]).textContent = t(p[1]); });
    $('export-width').options[0].textContent = t('As the window') + ' (' + Module.canvas.clientWidth + ' px)';
    $('export-seconds').disabled = false;
    what.onchange = function () { $('export-seconds').disabled = what.value !== 'timeline'; };
    what.onchange();
    what.focus();
    form.onsubmit = function (e) {
      e.preventDefault();
      var options = { fps: Number($('export-fps').value), signal: controller.signal };
      if ($('export-width').value) options.width = Number($('export-width').value);
      if (what.value === 'timeline') { options.what = 'timeline'; options.seconds = Number($('export-seconds').value); }
      else { options.what = 'tour'; options.tour = what.value.slice(5); }
      $('export-title').textContent = t('Recording the video');
      options.onProgress = function (p) {
        var done = p.frames ? p.frame / p.frames : (p.step - 1) / p.steps;
        fill.style.width = (100 * done).toFixed(1) + '%';
        status.textContent = p.frames ? t('Frame {n} of {m}').replace('{n}', p.frame).replace('{m}', p.frames)
                                      : t('Step {n} of {m}').replace('{n}', p.step).replace('{m}', p.steps);
      };
      cancel.focus();
      run(window.atlas.exportVideo(options));
    };
  };
})();
