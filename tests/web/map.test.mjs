// The web build in headless Chromium, driven as a visitor would and through window.atlas.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { openMap, outDir, settle, startServer, webDir } from './harness.mjs';
import { cities, expectedFieldCounts, expectedVisible, fields } from './expected.mjs';

let server, browser, page;
const metrics = {};

before(async () => {
  server = await startServer();
  ({ browser, page } = await openMap(server.url));
});
after(async () => {
  writeFileSync(join(outDir, 'web-metrics.json'), JSON.stringify(metrics, null, 2));
  await browser?.close();
  server?.stop();
});

const act = (action) => page.evaluate((a) => window.atlas.act(a), action);
const state = () => page.evaluate(() => window.atlas.state());
const visibleIds = () => page.evaluate(() => window.atlas.visibleCities().map((c) => c.id).sort());

async function screenshot(name) {
  const buffer = await page.screenshot({ path: join(outDir, name) });
  return PNG.sync.read(buffer);
}
function distinctColours(png, rect = { x: 0, y: 0, w: png.width, h: png.height }) {
  const seen = new Set();
  for (let y = rect.y; y < rect.y + rect.h; y += 3)
    for (let x = rect.x; x < rect.x + rect.w; x += 3) {
      const i = (y * png.width + x) * 4;
      seen.add((png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2]);
    }
  return seen.size;
}

test('the page becomes ready and marks map-ready', async () => {
  const t = await page.evaluate(() => performance.getEntriesByName('map-ready')[0]?.startTime);
  assert.ok(t > 0, 'performance mark map-ready exists');
  metrics.mapReadyMs = Math.round(t);
  console.log(`map-ready after ${metrics.mapReadyMs} ms`);
  const s = await state();
  assert.deepEqual(s.camera.viewport, [1280, 800]);
  // The detailed basemap is not part of the first download: it is fetched once the map is ready.
  await page.waitForFunction(() => window.fineBasemap === true);
  const fine = await page.evaluate(() => performance.getEntriesByType('resource').find((e) => e.name.endsWith('basemap-50m.bin')));
  assert.ok(fine && fine.startTime >= t, `fetched at ${fine?.startTime} ms, after map-ready at ${t} ms`);
});

// The files come compressed as the browser asks (Chromium asks for brotli over HTTPS and from
// localhost), and each twin the build wrote is its file, not an older one.
test("the page's files come brotli-compressed to a browser that takes it, else gzip, and each twin is its file", async () => {
  const files = ['index.html', 'atlas.js', 'atlas.wasm', 'atlas.data', 'assets/basemap-50m.bin'];
  const received = await page.evaluate(() => Object.fromEntries([...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
    .map((e) => [new URL(e.name).pathname.slice(1) || 'index.html', e.encodedBodySize])));
  const fetched = (file, encoding) => new Promise((resolve, reject) => {
    get(`${server.url}${file}`, { headers: { 'accept-encoding': encoding } }, (r) => {
      const parts = [];
      r.on('data', (d) => parts.push(d)).on('end', () => resolve({ encoding: r.headers['content-encoding'], body: Buffer.concat(parts) }));
    }).on('error', reject);
  });
  for (const file of files) {
    const raw = readFileSync(join(webDir, file));
    assert.equal(received[file], statSync(join(webDir, `${file}.br`)).size, `${file}: the page received its brotli twin`);
    for (const [encoding, decode] of [['br', brotliDecompressSync], ['gzip', gunzipSync], ['identity', (b) => b]]) {
      const r = await fetched(file, encoding);
      assert.equal(r.encoding ?? 'identity', encoding, `${file} asked for with ${encoding}`);
      assert.ok(decode(r.body).equals(raw), `${file}: the ${encoding} twin is the file as built`);
      if (encoding !== 'identity') assert.ok(r.body.length < raw.length, `${file}: ${encoding} is smaller`);
    }
  }
});

// The loading screen leaves the page as the map is ready, at once: an invisible full-page layer
// would still cost the compositor at every frame, and a fade's frames competed with the first
// frame's drawing (software GL). Looked at in the first animation frame that sees the map ready.
test('the loading screen leaves the page as the map is ready', async () => {
  const context = await page.context().browser().newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const p = await context.newPage();
    await p.goto(page.url());
    const box = await p.evaluate(() => new Promise((resolve) => {
      const look = () => {
        if (!window.mapReady) return requestAnimationFrame(look);
        const el = document.getElementById('loading');
        resolve({ hidden: el.hidden, display: getComputedStyle(el).display,
                  canvas: getComputedStyle(document.getElementById('canvas')).visibility });
      };
      look();
    }));
    assert.deepEqual(box, { hidden: true, display: 'none', canvas: 'visible' });
  } finally {
    await context.close();
  }
});

test('the loading bar counts the download to 100 %; an engine that cannot compile is said in words', async () => {
  const context = await page.context().browser().newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const p = await context.newPage();
    await p.addInitScript(() => {
      window.__bar = [];
      new MutationObserver(() => {
        const v = document.getElementById('loading')?.getAttribute('aria-valuenow');
        if (v !== null && v !== undefined && window.__bar.at(-1) !== Number(v)) window.__bar.push(Number(v));
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['aria-valuenow'] });
    });
    // A slow line (about 1 MB/s), so that the bar has steps to show.
    const cdp = await context.newCDPSession(p);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: 1e6, uploadThroughput: 1e6 });
    await p.goto(server.url);
    await p.waitForFunction(() => window.mapReady || window.mapError, null, { timeout: 90000 });
    const bar = await p.evaluate(() => window.__bar);
    console.log(`loading bar: ${bar.length} steps, ${bar[0]} to ${bar.at(-1)} %`);
    assert.equal(bar.at(-1), 100, `the bar ends full: ${bar}`);
    assert.ok(bar.filter((v) => v > 0 && v < 100).length >= 3, `the bar moves in steps: ${bar}`);
    assert.deepEqual(bar, [...bar].sort((a, b) => a - b), 'the bar never goes back');
    assert.equal(await p.evaluate(() => window.mapError), undefined);

    // The engine compiles while it downloads: bytes that are not WebAssembly stop the start with a message.
    const broken = await context.newPage();
    await broken.route('**/atlas.wasm', (r) => r.fulfill({ status: 200, contentType: 'application/wasm', body: 'not an engine' }));
    await broken.goto(server.url);
    await broken.waitForFunction(() => window.mapError, null, { timeout: 30000 });
    const shown = await broken.evaluate(() => document.getElementById('error').textContent);
    console.log(shown);
    assert.match(shown, /^The map could not start: .*(WebAssembly|wasm|magic)/i, shown);
  } finally { await context.close(); }
});

test("the detailed basemap's arrival leaves the page's memory near what the bundled data needs", async () => {
  // WebAssembly memory never shrinks: the peak of decoding and triangulating the 1:50m basemap
  // (110,000 points) is what the page keeps. It took 6.5 MB more than the data when the points were
  // decoded as doubles, the vertices copied before upload and the borders kept as index pairs; 4.4 MB
  // in all on 2 December 2026 (the file's bytes let go before the meshes are made, a 256 KB stack,
  // the bundled files' texts not kept, one copy of the font file); 3.6 MB since the mesh is made and
  // uploaded a country at a time and the memory starts at 1 MB (it started at 4); 2.06 MB on
  // 4 December 2026; 1.75 MB since the stack is 64 KB (not 256) and the panels' and names' vertices
  // are let go before the mesh is made (App::release_draw_lists), which then fits in their room;
  // 1.63 MB on 5 December 2026, since the names' vertices are counted and their room made at once
  // (not grown half again at a time, old and new held together), the links' vertices are sent in
  // smaller chunks, the fonts' pixels in smaller strips, and the 1:50m file is read in the room
  // the draw lists let go.
  await page.waitForFunction(() => window.fineBasemap === true);
  const mb = await page.evaluate(() => Module.HEAPU8.length / 1048576);
  metrics.wasmMemoryMB = mb;
  console.log(`wasm memory with the detailed basemap: ${mb.toFixed(2)} MB`);
  assert.ok(mb < 1.7, `${mb} MB`);
});

test('the basemap is painted once for the start view, not again when the detailed one comes, and once per change of the links', async () => {
  const { browser: b, page: p } = await openMap(server.url);  // (once the detailed basemap is in)
  try {
    const paints = async () => { await settle(p); await p.waitForTimeout(300); return p.evaluate(() => window.atlas.frameStats().basemapPaints); };
    assert.equal(await paints(), 1, 'the start view: one picture; the detailed basemap shows past 2.5x zoom (and in the inset)');
    await p.evaluate(() => window.atlas.act({ type: 'filter', fields: ['Design'] }));
    assert.equal(await paints(), 2, 'a filter: its links go into the picture at once, not drawn over it and painted again later');
  } finally {
    await b.close();
  }
});

test('counts equal the data', async () => {
  const s = await state();
  assert.equal(s.counts.total, cities.length);
  assert.equal(s.counts.visible, expectedVisible().length);
  assert.deepEqual(s.counts.byField, expectedFieldCounts());
  assert.deepEqual(await visibleIds(), expectedVisible());
  const one = await page.evaluate(() => window.atlas.visibleCities().find((c) => c.id === 'mx-queretaro'));
  assert.equal(one.localName, 'Querétaro');
  assert.equal(one.country, 'MX');
  assert.deepEqual(one.designations.map((d) => d.network).sort(), ['mx-heritage', 'uccn']);
});

test('filters change the visible cities exactly as the data says', async () => {
  let s = await act({ type: 'filter', fields: ['Design'] });
  assert.equal(s.error, undefined);
  assert.deepEqual(await visibleIds(), expectedVisible({ fieldNames: ['Design'] }));
  assert.equal(s.counts.visible, expectedVisible({ fieldNames: ['Design'] }).length);

  s = await act({ type: 'filter', fields: ['Music', 'film'], networks: ['uccn'] });
  assert.deepEqual(await visibleIds(), expectedVisible({ fieldNames: ['Music', 'Film'], networkIds: ['uccn'] }));

  await act({ type: 'reset' });
  s = await act({ type: 'years', from: 2004, to: 2015 });
  assert.deepEqual(await visibleIds(), expectedVisible({ from: 2004, to: 2015 }));

  await act({ type: 'reset' });
  s = await act({ type: 'filter', region: 'mexico' });
  const mexico = expectedVisible().filter((id) => id.startsWith('mx-'));
  assert.deepEqual(await visibleIds(), mexico);
  assert.equal(s.counts.visible, mexico.length);
  assert.equal(mexico.length, 20);  // 11 creative + 14 heritage cities, 5 of them both
  await act({ type: 'reset' });
  assert.equal((await state()).counts.visible, expectedVisible().length);
});

test('malformed actions return an error object and change nothing', async () => {
  await settle(page);
  const before = await state();
  const bad = [42, 'select', null, {}, { type: 'explode' }, { type: 'filter', fields: 'Design' },
               { type: 'filter', fields: ['Dance'] }, { type: 'years', from: 2020, to: 2004 },
               { type: 'select', id: 12 }, { type: 'select', id: 'xx-atlantis' }, { type: 'flyTo', id: '"><script>' }];
  for (const action of bad) {
    const r = await act(action);
    assert.equal(typeof r.error, 'string', `error for ${JSON.stringify(action)}`);
  }
  // A hostile, deeply nested action is refused while parsing, not by crashing the page.
  const deep = await page.evaluate(() => {
    let a = []; for (let i = 0; i < 5000; i++) a = [a];
    return window.atlas.act({ type: 'filter', fields: a });
  });
  assert.match(deep.error, /nesting deeper than 64/);
  assert.deepEqual(await state(), before);
});

test('a click at a city selects it and the Details panel shows it', async () => {
  await act({ type: 'flyTo', id: 'mx-puebla' });
  await settle(page);
  const p = await page.evaluate(() => window.atlas.screenPosition('mx-puebla'));
  assert.ok(p.onScreen);
  await page.mouse.move(p.x, p.y);
  await page.waitForFunction(() => window.atlas.state().hovered === 'mx-puebla');
  await page.mouse.click(p.x, p.y);
  await page.waitForFunction(() => window.atlas.state().selected === 'mx-puebla');
  await page.waitForTimeout(200);  // two frames for the panel to size itself
  const details = (await page.evaluate(() => window.atlas.panels())).find((w) => w.name === 'Details');
  assert.ok(details, 'Details panel is open');
  assert.ok(details.w > 200 && details.h > 150);
  const png = await screenshot('web-details.png');
  // The panel is drawn where the app says: a light panel with text, not the map.
  const rect = { x: Math.round(details.x) + 10, y: Math.round(details.y) + 40, w: Math.round(details.w) - 20, h: 80 };
  assert.ok(distinctColours(png, rect) > 4, 'text in the panel');
  // A click on empty ocean clears the selection.
  await page.mouse.click(640, 790);
  await page.waitForFunction(() => window.atlas.state().selected === null);
});

test('the map is drawn: countries, markers and panels', async () => {
  await act({ type: 'reset' });
  await settle(page);
  const png = await screenshot('web-start.png');
  assert.ok(distinctColours(png) > 200, 'a rich picture, not a blank canvas');
  const filters = (await page.evaluate(() => window.atlas.panels())).find((w) => w.name === 'Filters');
  assert.ok(filters && filters.h > 300, 'Filters panel is open');
  // Every field colour appears on the map (markers are drawn in data colours).
  const hex = (c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
  for (const f of fields) {
    const [r, g, b] = hex(f.color);
    let found = false;
    for (let i = 0; i < png.data.length && !found; i += 4)
      found = Math.abs(png.data[i] - r) < 4 && Math.abs(png.data[i + 1] - g) < 4 && Math.abs(png.data[i + 2] - b) < 4;
    assert.ok(found, `markers in the colour of ${f.name}`);
  }
});

test('keys and the wheel move the camera; the wheel zooms toward the pointer', async () => {
  await act({ type: 'reset' });
  await settle(page);
  await page.mouse.click(900, 790);  // focus the map, on an empty spot
  const z0 = (await state()).camera.zoom;
  await page.keyboard.press('Equal');
  await page.waitForFunction((z) => window.atlas.state().camera.zoom > z * 1.01, z0);  // the key's frame ran
  await settle(page);
  const z1 = (await state()).camera.zoom;
  assert.ok(z1 > z0 * 1.4, `+ zooms in (${z0} -> ${z1})`);
  const lon0 = (await state()).camera.lon;
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((lon) => window.atlas.state().camera.lon !== lon, lon0);
  await settle(page);
  assert.ok((await state()).camera.lon > lon0, 'the right arrow shows what is east');
  await page.keyboard.press('Home');
  await page.waitForFunction((z) => { const c = window.atlas.state().camera; return !c.moving && Math.abs(c.zoom - z) < 1e-9; }, z0);
  await settle(page);

  const p = await page.evaluate(() => window.atlas.screenPosition('br-salvador'));
  await page.mouse.move(p.x, p.y);
  await page.mouse.wheel(0, -300);
  await page.waitForFunction((z) => window.atlas.state().camera.zoom > z * 1.01, z0);
  await settle(page);
  const q = await page.evaluate(() => window.atlas.screenPosition('br-salvador'));
  assert.ok((await state()).camera.zoom > z0 * 1.5, 'the wheel zoomed in');
  assert.ok(Math.hypot(q.x - p.x, q.y - p.y) < 3, `the city under the pointer stays put (${p.x},${p.y} -> ${q.x},${q.y})`);
});

test('frame time while panning (measured, printed)', async () => {
  await act({ type: 'reset' });
  await settle(page);
  await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    window.__counting = true;  // (stopped after: a loop of the test's own would stay in the idle test's CPU)
    const tick = (t) => { window.__frames.push(t - last); last = t; if (window.__counting) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  const paints = (await page.evaluate(() => window.atlas.frameStats())).basemapPaints;
  await page.mouse.move(700, 400);
  await page.mouse.down();
  for (let i = 0; i < 120; i++) await page.mouse.move(700 + 200 * Math.sin(i / 10), 400 + 100 * Math.cos(i / 10));
  await page.mouse.up();
  const { deltas, stats } = await page.evaluate(() => { window.__counting = false; return { deltas: window.__frames.slice(2), stats: window.atlas.frameStats() }; });
  deltas.sort((a, b) => a - b);
  const med = deltas[Math.floor(deltas.length / 2)], p95 = deltas[Math.floor(deltas.length * 0.95)];
  metrics.panning = { frames: deltas.length, frameIntervalMedianMs: +med.toFixed(2), frameIntervalP95Ms: +p95.toFixed(2),
                      appCpuMeanMs: +stats.meanMs.toFixed(2), appCpuP95Ms: +stats.p95Ms.toFixed(2) };
  metrics.panning.basemapPaints = stats.basemapPaints - paints;
  console.log('panning:', JSON.stringify(metrics.panning));
  assert.ok(deltas.length > 10, 'frames were drawn while panning');
  // The basemap's picture is shifted while the map is dragged, painted again only when the view
  // leaves it (src/render/raster_cache.h), not at every frame.
  assert.ok(metrics.panning.basemapPaints < deltas.length / 4, `the basemap painted ${metrics.panning.basemapPaints} times in ${deltas.length} frames`);
});

// Mean difference of two same-sized pictures, per channel (0..255).
function meanDifference(a, b) {
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) if (i % 4 !== 3) sum += Math.abs(a.data[i] - b.data[i]);
  return sum / (a.data.length * 0.75);
}
const visiblePictures = () => page.evaluate(() => [...document.querySelectorAll('.map-picture')].filter((e) => e.style.display !== 'none').length);
// The start view, the pointer resting at (x, y) for `ms`: the frame statistics then.
async function restAt(x, y, ms) {
  await act({ type: 'reset' });
  await settle(page);
  await page.mouse.move(x, y);
  await page.waitForTimeout(ms);
  return page.evaluate(() => window.atlas.frameStats());
}
// The start view, the pointer on Salvador until it is hovered: where it is on the screen.
async function hoverSalvador() {
  await act({ type: 'reset' });
  await settle(page);
  const p = await page.evaluate(() => window.atlas.screenPosition('br-salvador'));
  await page.mouse.move(Math.round(p.x), Math.round(p.y));
  await page.waitForFunction(() => window.atlas.state().hovered === 'br-salvador', null, { timeout: 5000 });
  return p;
}

test('a drag moves pictures of the map and the panels, drawing no frame; the map is drawn again where it rests', async () => {
  await act({ type: 'reset' });
  await settle(page);
  const p = await page.evaluate(() => window.atlas.screenPosition('br-salvador'));
  const start = { x: Math.round(p.x) + 45, y: Math.round(p.y) + 25 }, d = { x: 160, y: -60 };
  await page.mouse.move(start.x, start.y);  // (no city hovered)
  await page.waitForTimeout(400);  // at rest: painted where the camera stands
  const box = { x: Math.round(p.x) - 30, y: Math.round(p.y) - 30, width: 60, height: 60 };
  const search = { x: 20, y: 16, width: 300, height: 36 };  // a panel: it stays where it is
  const city = PNG.sync.read(await page.screenshot({ clip: box }));
  const panel = PNG.sync.read(await page.screenshot({ clip: search }));
  const s0 = await page.evaluate(() => window.atlas.frameStats());
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(start.x + (d.x * i) / 10, start.y + (d.y * i) / 10);
  await page.waitForTimeout(100);  // the pictures' pixels come a frame or two after they are read
  await page.mouse.move(start.x + d.x, start.y + d.y);
  const s1 = await page.evaluate(() => window.atlas.frameStats());
  const moved = PNG.sync.read(await page.screenshot({ path: join(outDir, 'web-drag-pictures.png'), clip: { ...box, x: box.x + d.x, y: box.y + d.y } }));
  const still = PNG.sync.read(await page.screenshot({ clip: search }));
  const shown = await visiblePictures();
  await page.mouse.up();
  await settle(page);
  await page.waitForTimeout(400);  // the map rests, and is painted where it stands
  const s2 = await page.evaluate(() => window.atlas.frameStats());
  const q = await page.evaluate(() => window.atlas.screenPosition('br-salvador'));
  const drawn = s1.drawnFrames - s0.drawnFrames, pictures = s1.pictureFrames - s0.pictureFrames;
  console.log(`drag: ${pictures} frames shown by pictures, ${drawn} drawn; city moved by ${(q.x - p.x).toFixed(1)},${(q.y - p.y).toFixed(1)}`);
  assert.ok(shown >= 2, `the map's and the panels' pictures are shown during the drag (${shown})`);
  assert.ok(pictures >= 5, `frames shown by moving pictures: ${pictures}`);
  // Their frame was drawn off the screen: the page never waited for it (0 drawn, or the press).
  assert.ok(s1.picturesKeptOffScreen - s0.picturesKeptOffScreen >= 1, 'the pictures were kept from a frame drawn off the screen');
  assert.ok(drawn <= 1, `frames drawn on the screen during the drag: ${drawn} (at most the press)`);
  // The picture under the pointer is the map as it was, moved with the pointer; the panel stayed.
  const cityDiff = meanDifference(city, moved), panelDiff = meanDifference(panel, still);
  assert.ok(cityDiff < 4, `Salvador's surroundings, moved with the pointer, differ by ${cityDiff.toFixed(2)} per channel`);
  assert.ok(panelDiff < 1, `the search box did not move (difference ${panelDiff.toFixed(2)})`);
  // Once the map rests, it is drawn where the drag left it and the pictures are gone.
  assert.ok(Math.abs(q.x - p.x - d.x) < 1.5 && Math.abs(q.y - p.y - d.y) < 1.5, `the city followed the pointer: ${q.x - p.x},${q.y - p.y}`);
  assert.equal(await visiblePictures(), 0, 'the pictures are hidden once the map rests');
  assert.ok(s2.drawnFrames > s1.drawnFrames, 'the map was drawn again where it rests');
});

// Software compositing draws a picture moved by whole pixels as a copy; flipped (GL's rows run
// bottom up), it drew it pixel by pixel: 2.4-3.9 ms a frame for the map's, 0.4-0.6 ms upright.
test("a drag's pictures are upright and only moved, and the map's is opaque", async () => {
  await restAt(700, 420, 300);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) { await page.mouse.move(700 + 9 * i, 420 + 4 * i); await page.waitForTimeout(16); }
  const pictures = await page.evaluate(() => [...document.querySelectorAll('canvas.map-picture')]
    .filter((c) => getComputedStyle(c).display !== 'none')
    .map((c) => {
      // (its pixels, copied out: a picture shown through a bitmap renderer has no context to ask)
      const copy = document.createElement('canvas');
      copy.width = c.width, copy.height = c.height;
      const g = copy.getContext('2d');
      g.drawImage(c, 0, 0);
      const px = g.getImageData(0, 0, c.width, c.height).data;
      let alpha = 255;
      for (let i = 3; i < px.length; i += 4 * 97) alpha = Math.min(alpha, px[i]);
      return { transform: getComputedStyle(c).transform, opaque: alpha === 255,
               map: c.width === Module.canvas.width && c.height === Module.canvas.height };
    }));
  await page.mouse.up();
  await settle(page);
  const map = pictures.filter((p) => p.map), panels = pictures.filter((p) => !p.map);
  assert.equal(map.length, 1, JSON.stringify(pictures));
  assert.ok(panels.length >= 1, JSON.stringify(pictures));
  const [a, b, c, d, x, y] = map[0].transform.match(/-?[\d.]+/g).map(Number);
  assert.deepEqual([a, b, c, d], [1, 0, 0, 1], `the map's picture is moved, not flipped or scaled: ${map[0].transform}`);
  assert.ok(Number.isInteger(x) && Number.isInteger(y) && (x !== 0 || y !== 0), `by whole pixels: ${map[0].transform}`);
  assert.ok(map[0].opaque, "the map's picture is opaque everywhere");
  for (const p of panels) assert.equal(p.transform, 'none', `a panel's picture stays as it is: ${p.transform}`);
});

// The panels do not change while the map moves under them: most of a drag's frames are shown by
// moving the pictures as they are, without laying the panels out (ImGui's frame was a third of a
// drag's script), and one in four is laid out all the same, so that what changes them unforeseen
// shows within three frames.
test("most of a drag's frames do not lay the panels out, and one in four does", async () => {
  const s0 = await restAt(700, 420, 300);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) { await page.mouse.move(700 + 6 * i, 420 - 2 * i); await page.waitForTimeout(16); }
  const s1 = await page.evaluate(() => window.atlas.frameStats());
  await page.mouse.up();
  await settle(page);
  const shown = s1.pictureFrames - s0.pictureFrames, unlaid = s1.picturesUnlaid - s0.picturesUnlaid, laid = shown - unlaid;
  console.log(`drag: ${shown} frames shown by pictures, ${unlaid} of them without laying the panels out`);
  assert.ok(shown >= 10, `frames shown by pictures: ${shown}`);
  assert.ok(unlaid >= shown / 2, `frames shown without laying the panels out: ${unlaid} of ${shown}`);
  assert.ok(unlaid <= 3 * laid + 3, `no more than three in a row: ${unlaid} without, ${laid} laid out`);
});

// A pan that ends within the basemap picture's margin: the picture, moved by whole pixels, is the
// direct drawing, so the map at rest is drawn from it without painting the basemap again (2.3
// times the screen's pixels with a software GL at each pan's end).
test("a pan that ends within the basemap picture's margin does not paint it again, and shows what painting it shows", async () => {
  await act({ type: 'reset' });
  await settle(page);
  // Another theme and back paint the picture where the camera stands, with the links made again
  // for this zoom (a flight's last ones were made at another): done before and after the pan.
  const theme = (await page.evaluate(() => window.atlas.state())).theme;
  const paintAgain = async () => {
    await act({ type: 'theme', id: theme === 'dark' ? 'light' : 'dark' });
    await page.waitForTimeout(300);  // (drawn in it: two changes in one frame would be none)
    await act({ type: 'theme', id: theme });
    await page.waitForTimeout(400);
  };
  await paintAgain();
  await page.mouse.move(700, 420);
  await page.waitForTimeout(400);
  const s0 = await page.evaluate(() => window.atlas.frameStats());
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(700 + 9 * i, 420 + 4 * i);
  await page.mouse.up();
  await settle(page);
  await page.waitForTimeout(400);  // at rest
  const s1 = await page.evaluate(() => window.atlas.frameStats());
  const map = { x: 400, y: 120, width: 440, height: 400 };  // between the panels
  const moved = PNG.sync.read(await page.screenshot({ clip: map }));
  await paintAgain();
  const s2 = await page.evaluate(() => window.atlas.frameStats());
  const painted = PNG.sync.read(await page.screenshot({ clip: map }));
  assert.ok(s1.drawnFrames > s0.drawnFrames, 'the map was drawn where it rests');
  assert.equal(s1.basemapPaints - s0.basemapPaints, 0, 'the basemap painted again after the pan');
  assert.ok(s2.basemapPaints > s1.basemapPaints, 'the themes painted it again');
  const diff = meanDifference(moved, painted);
  console.log(`pan at rest: moved and painted pictures differ by ${diff.toFixed(4)} per channel`);
  assert.ok(diff < 0.05, `the moved picture and the painted one differ by ${diff.toFixed(3)} per channel`);
});

// A drag begun on a city, whose tooltip shows: the tooltip goes while the map moves (riding along
// with the pointer, it changed the panels' picture at every frame, which was then kept again from
// a frame drawn off the screen: a quarter of the frame rate lost).
test('a drag begun on a city hides its tooltip and still moves pictures', async () => {
  const p = await hoverSalvador();
  await page.waitForTimeout(300);
  const s0 = await page.evaluate(() => window.atlas.frameStats());
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(Math.round(p.x) + 12 * i, Math.round(p.y) + 4 * i);
  await page.waitForTimeout(100);
  const s1 = await page.evaluate(() => window.atlas.frameStats());
  await page.mouse.up();
  await settle(page);
  const kept = s1.picturesKeptOffScreen - s0.picturesKeptOffScreen, shown = s1.pictureFrames - s0.pictureFrames;
  assert.ok(shown >= 5, `frames shown by moving pictures: ${shown}`);
  assert.ok(kept <= 2, `pictures kept again during the drag: ${kept} (the tooltip rode along)`);
});

test('nothing is hovered while the map moves under a still pointer, and the city under it is again once it rests', async () => {
  const p = await hoverSalvador();
  await page.evaluate(() => {  // between the app's frames: is the map moving, and what is hovered?
    window.__seen = [];
    const tick = () => {
      if (!window.__seen) return;
      const s = window.atlas.state();
      window.__seen.push([s.camera.moving, s.hovered]);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.mouse.wheel(0, -240);  // a zoom about the pointer: the city stays under it
  await page.waitForFunction(() => window.atlas.state().camera.moving, null, { timeout: 5000 });
  await page.waitForFunction(() => !window.atlas.state().camera.moving, null, { timeout: 5000 });
  await page.waitForFunction(() => window.atlas.state().hovered === 'br-salvador', null, { timeout: 5000 });
  const seen = await page.evaluate(() => { const s = window.__seen; window.__seen = null; return s; });
  const moving = seen.filter(([m]) => m);
  assert.ok(moving.length >= 3, `frames with the map moving: ${moving.length}`);
  assert.deepEqual(moving.filter(([, h]) => h !== null), [], 'hovered while the map moved');
});

test('a fast wheel zoom: pictures kept in its middle are painted and read with half the pixels, and the map is painted in full where it rests', async () => {
  const s0 = await restAt(760, 420, 400);
  await page.evaluate(() => {  // at every frame: is one of the map's pictures shown, and its size?
    window.__shown = [];
    window.__sizes = new Set();
    const tick = () => {
      if (!window.__shown) return;
      const map = [...document.querySelectorAll('canvas.map-picture')].filter((e) => e.style.display === 'block' && e.style.transform);
      window.__shown.push(map.length > 0);
      for (const e of map) window.__sizes.add(`${e.width}x${e.height} as ${e.style.width}x${e.style.height}`);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  for (let i = 0; i < 4; i++) { await page.mouse.wheel(0, -240); await page.waitForTimeout(60); }
  const s1 = await page.evaluate(() => window.atlas.frameStats());
  const shown = await page.evaluate(() => { const s = window.__shown; window.__shown = null; return s; });
  const sizes = await page.evaluate(() => [...window.__sizes]);
  // The pictures kept in the middle of the zoom are read at half the canvas's width and height (a
  // quarter of the bytes to read back and to make a bitmap of), and shown at the canvas's size.
  const [cw, ch, cssW, cssH] = await page.evaluate(() => [Module.canvas.width, Module.canvas.height, Module.canvas.clientWidth, Module.canvas.clientHeight]);
  assert.ok(sizes.includes(`${Math.ceil(cw / 2)}x${Math.ceil(ch / 2)} as ${cssW}pxx${cssH}px`), `a draft at half the pixels: ${sizes.join(', ')}`);
  // Once the first pictures have come, a map picture is shown at every frame: the one kept in the
  // middle of the zoom (off the screen) replaces the one before it only once it has come.
  const first = shown.indexOf(true), gap = shown.indexOf(false, first);
  assert.ok(first >= 0, 'the zoom was shown by pictures');
  assert.ok(s1.picturesKeptOffScreen - s0.picturesKeptOffScreen >= 2, `a picture was kept again in the middle of the zoom (${s1.picturesKeptOffScreen - s0.picturesKeptOffScreen} kept)`);
  assert.equal(gap, -1, `no frame between the first pictures and the end of the zoom is left without one (${shown.map(Number).join('')})`);
  await settle(page);
  await page.waitForTimeout(400);
  const s2 = await page.evaluate(() => window.atlas.frameStats());
  const drafts = s1.basemapDrafts - s0.basemapDrafts, full = (s2.basemapPaints - s2.basemapDrafts) - (s1.basemapPaints - s1.basemapDrafts);
  console.log(`wheel zoom: ${s1.drawnFrames - s0.drawnFrames} frames drawn, ${s1.pictureFrames - s0.pictureFrames} shown by pictures, ${drafts} draft paints; ${full} full paints at rest`);
  assert.ok(drafts >= 1, `the picture kept past 4x was painted as a draft (${drafts})`);
  assert.ok(s1.pictureFrames - s0.pictureFrames >= 3, 'the zoom was shown by moving pictures');
  assert.ok(full >= 1, `painted in full once at rest (${full})`);
  // The zoom's last frame paints the map where the camera stops: the moment of rest draws nothing
  // again, nor do the frames ImGui settles in (a tooltip coming may draw one).
  assert.ok(s2.drawnFrames - s1.drawnFrames <= 2, `frames drawn as the zoom came to rest: ${s2.drawnFrames - s1.drawnFrames}`);
  await act({ type: 'reset' });
  await settle(page);
});

// A draft is the map alone drawn at half the width and height in a corner of the frame drawn off the
// screen, with its names (render::MapRenderer::draft_size), and read from there: it must show what
// a frame at its camera shows, upright and in place, scaled down.
test("a zoom's draft picture shows what a frame at its camera shows, at half the pixels", async () => {
  await restAt(760, 420, 400);
  await page.evaluate(() => {  // the camera of each draft kept, and its pixels once they have come
    const pictures = Module.mapPictures, keepMap = pictures.keepMap;
    window.__drafts = [];
    pictures.keepMap = function (draft) {
      const slot = keepMap.call(this, draft);
      if (!draft || slot < 0) return slot;
      // (the map's pictures are the moving layers; the one just kept waits for its pixels)
      const canvas = [...document.querySelectorAll('canvas.map-picture')].find((c) => c.style.willChange === 'transform' && c.ready === false);
      const entry = { camera: window.atlas.state().camera, size: [canvas.width, canvas.height] };
      window.__drafts.push(entry);
      const copy = () => {
        if (!canvas.ready) return requestAnimationFrame(copy);
        const g = Object.assign(document.createElement('canvas'), { width: canvas.width, height: canvas.height }).getContext('2d');
        g.drawImage(canvas, 0, 0);
        entry.pixels = Array.from(g.getImageData(0, 0, canvas.width, canvas.height).data);
      };
      copy();
      return slot;
    };
    window.__keepMap = keepMap;
  });
  for (let i = 0; i < 4; i++) { await page.mouse.wheel(0, -240); await page.waitForTimeout(60); }
  await page.waitForFunction(() => window.__drafts.length && window.__drafts[0].pixels, null, { timeout: 5000 });
  const draft = await page.evaluate(() => { Module.mapPictures.keepMap = window.__keepMap; return window.__drafts[0]; });
  await settle(page);
  // The frame at the draft's camera, at rest, the pointer away from the map.
  await page.mouse.move(1279, 799);
  await act({ type: 'view', view: { camera: draft.camera }, transition: 'cut' });
  await settle(page);
  await page.waitForTimeout(400);
  const frame = PNG.sync.read(await page.screenshot());
  const [cw, ch] = await page.evaluate(() => [Module.canvas.width, Module.canvas.height]);
  assert.deepEqual(draft.size, [Math.ceil(cw / 2), Math.ceil(ch / 2)], 'a draft has half the width and height');
  // Compared where no panel is (the middle of the map), the frame's 2x2 pixels averaged.
  const [w] = draft.size, x0 = 210, x1 = 440, y0 = 135, y1 = 360;
  const half = (x, y, c) => (frame.data[(2 * y * frame.width + 2 * x) * 4 + c] + frame.data[(2 * y * frame.width + 2 * x + 1) * 4 + c] +
    frame.data[((2 * y + 1) * frame.width + 2 * x) * 4 + c] + frame.data[((2 * y + 1) * frame.width + 2 * x + 1) * 4 + c]) / 4;
  let sum = 0, n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) for (let c = 0; c < 3; c++, n++) sum += Math.abs(draft.pixels[(y * w + x) * 4 + c] - half(x, y, c));
  const diff = sum / n;
  console.log(`zoom's draft against the frame at its camera: ${diff.toFixed(2)} per channel`);
  assert.ok(diff < 6, `the draft and the frame at its camera differ by ${diff.toFixed(2)} per channel`);
  await act({ type: 'reset' });
  await settle(page);
});

test("the page's copy of the GL state it answers for (web/gl_state_cache.js) is the GL's own", async () => {
  // Each value the page answers from its copy is what the GL itself says: after each way of setting
  // it, and after frames of every kind (panels, the inset's scissor, pictures kept off the screen).
  const compare = () => page.evaluate(() => {
    const gl = Module.ctx, real = WebGL2RenderingContext.prototype.getParameter;
    const flat = (v) => String(ArrayBuffer.isView(v) ? [...v] : v);
    return Object.keys(gl.stateCopy).map(Number).map((p) => [p.toString(16), flat(gl.getParameter(p)), flat(real.call(gl, p))]);
  });
  const check = (diff, when) => {
    assert.equal(diff.length, 7, 'the scissor box and the six blend values are kept');
    for (const [p, mine, its] of diff) assert.equal(mine, its, `${when}: GL state 0x${p}: the page says ${mine}, the GL ${its}`);
  };
  await act({ type: 'reset' });
  await settle(page);
  const set = await page.evaluate(() => {
    const gl = Module.ctx, said = [];
    const steps = [
      () => gl.scissor(3, 4, 50, 60), () => gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA),
      () => gl.blendFuncSeparate(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA, gl.ONE, gl.ZERO),
      () => gl.blendEquation(gl.FUNC_SUBTRACT), () => gl.blendEquationSeparate(gl.FUNC_ADD, gl.MAX),
      () => gl.scissor(0, 0, -1, 5),  // refused by the GL: the box stays
    ];
    const real = WebGL2RenderingContext.prototype.getParameter, flat = (v) => String(ArrayBuffer.isView(v) ? [...v] : v);
    for (const step of steps) {
      step();
      gl.getError();
      for (const p of Object.keys(gl.stateCopy).map(Number)) said.push([p.toString(16), flat(gl.getParameter(p)), flat(real.call(gl, p))]);
    }
    gl.blendEquation(gl.FUNC_ADD);
    return said;
  });
  for (const [p, mine, its] of set) assert.equal(mine, its, `set by the page: GL state 0x${p}: the page says ${mine}, the GL ${its}`);
  await page.mouse.move(760, 420);
  await page.mouse.down();
  for (let i = 1; i <= 6; i++) await page.mouse.move(760 + i * 20, 420);
  await page.mouse.up();
  await page.mouse.wheel(0, -240);
  await settle(page);
  check(await compare(), 'after a drag and a zoom');
  await act({ type: 'reset' });
  await settle(page);
});

test('a press on the map that changes nothing draws no frame', async () => {
  await act({ type: 'reset' });
  await settle(page);
  const empty = { x: 640, y: 130 };  // the Arctic above the map's cities
  await page.mouse.click(empty.x, empty.y);  // (it may take the keyboard focus from a panel: a change)
  await page.waitForTimeout(800);  // the next press is not a double click (that zooms in), and the map rests
  await settle(page);
  const s0 = await page.evaluate(() => window.atlas.frameStats());
  await page.mouse.move(empty.x + 3, empty.y);
  await page.mouse.down();
  await page.mouse.up();
  await page.waitForTimeout(400);
  const s1 = await page.evaluate(() => window.atlas.frameStats());
  assert.ok(s1.frames > s0.frames, 'the app looked at the input');
  assert.equal(s1.drawnFrames, s0.drawnFrames, 'and drew nothing: the frame would have been the same');
});

test('idle: nothing is drawn while nothing changes; the CPU it takes (printed)', async () => {
  await act({ type: 'reset' });
  await settle(page);
  await page.mouse.move(5, 795);  // a still pointer over the map's corner, no hover
  await page.waitForTimeout(1000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const task = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  const framesBefore = (await page.evaluate(() => window.atlas.frameStats())).frames;
  const t0 = await task(), wall0 = Date.now();
  await page.waitForTimeout(5000);
  const busy = (await task()) - t0, wall = (Date.now() - wall0) / 1000;
  const sleeping = await page.evaluate(() => Module._atlas_sleeping());  // not a window.atlas call: it would wake it
  const framesAfter = (await page.evaluate(() => window.atlas.frameStats())).frames;
  metrics.idle = { seconds: +wall.toFixed(1), mainThreadBusyMs: Math.round(busy * 1000), cpuPercent: +(100 * busy / wall).toFixed(2),
                   framesDrawn: framesAfter - framesBefore };
  console.log('idle:', JSON.stringify(metrics.idle));
  assert.equal(framesAfter - framesBefore, 0, 'no frame is drawn while nothing changes');
  assert.equal(sleeping, 1, 'the loop sleeps: no animation frames asked for');
  await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
  assert.equal(await page.evaluate(() => Module._atlas_sleeping()), 1, 'and stays asleep');
  await page.mouse.move(700, 400);  // input wakes it
  assert.equal(await page.evaluate(() => Module._atlas_sleeping()), 0, 'input wakes the loop');
});

test("the system's 'reduce motion' setting turns camera flights into cuts from the start", async () => {
  const opened = await openMap(server.url, { reducedMotion: 'reduce' });
  try {
    assert.equal((await opened.page.evaluate(() => window.atlas.state())).reducedMotion, true);
    await opened.page.evaluate(() => window.atlas.act({ type: 'select', id: 'mx-puebla' }));
    await opened.page.evaluate(() => window.atlas.act({ type: 'flyTo', id: 'mx-puebla' }));
    assert.equal((await opened.page.evaluate(() => window.atlas.state())).camera.moving, false, 'no flight: a cut');
  } finally { await opened.browser.close(); }
  assert.equal((await state()).reducedMotion, false, 'without the setting, motion stays on');
});

test('buttons on the map zoom, go home and list the keys: no action needs dragging (WCAG 2.5.7)', async () => {
  await act({ type: 'reset' });
  await settle(page);
  const item = async (id) => (await page.evaluate(() => window.atlas.panels()))
    .find((p) => p.name === 'Map controls').items.find((i) => i.id === id);
  const tap = async (id) => {  // the click is handled at the next frame, then the camera moves
    const b = await item(id);
    await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
    await page.waitForTimeout(200);
    await settle(page);
  };
  const zoom0 = (await state()).camera.zoom;
  for (const id of ['zoom-in', 'zoom-out', 'home', 'fullscreen', 'keys']) {
    const b = await item(id);
    assert.ok(b && b.w >= 44 && b.h >= 44, `${id}: a 44 px target (${b && b.w}x${b && b.h})`);
  }
  await tap('zoom-in');
  const zoom1 = (await state()).camera.zoom;
  assert.ok(zoom1 > zoom0 * 1.4, `+ zooms in (${zoom0} -> ${zoom1})`);
  await tap('zoom-out');
  const zoom2 = (await state()).camera.zoom;
  assert.ok(zoom2 < zoom1 / 1.4, `- zooms out (${zoom1} -> ${zoom2})`);
  await tap('zoom-in');
  await tap('home');
  assert.ok(Math.abs((await state()).camera.zoom - zoom0) < 1e-6 * zoom0, 'home: the start view');
  await page.keyboard.press('Shift+Slash');  // '?'
  await page.waitForFunction(() => window.atlas.panels().some((p) => p.name === 'Keys'), null, { timeout: 5000 });
  await page.screenshot({ path: join(outDir, 'keys.png') });
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !window.atlas.panels().some((p) => p.name === 'Keys'), null, { timeout: 5000 });
  await tap('keys');
  assert.ok((await page.evaluate(() => window.atlas.panels())).some((p) => p.name === 'Keys'), 'the ? button lists the keys');
  await tap('keys');
});
