#!/usr/bin/env node
// The speed benchmark (issue 11): this map against Leaflet, MapLibre GL JS and deck.gl drawing the
// same countries, cities and links, in headless Chromium with software WebGL, driven by the same
// drag and wheel zoom; prints one table of medians with each peer's ratio to this map.
//   node bench/run.mjs [--n 400,10000] [--runs 5] [--pages atlas,leaflet,maplibre,deck]
// (bench/run.sh installs the peers and generates the data first.)
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, startServer } from '../tests/web/harness.mjs';
import { brotli } from '../tools/brotli_twins.mjs';
import { interact, url } from './drive.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const arg = (name, fallback) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : fallback; };
const sizes = arg('n', '400').split(',').map(Number);
const runs = Number(arg('runs', '5'));
const pages = arg('pages', 'atlas,leaflet,maplibre,deck').split(',');
const names = { atlas: 'this map', leaflet: 'Leaflet', maplibre: 'MapLibre GL', deck: 'deck.gl' };

// Bytes of what the page downloaded: as served (raw), and compressed, gzip and brotli: the
// precompressed twins when the server has them (this map's, made by zopfli and at brotli's best),
// else compressed here the same way, once a file, for files up to 4 MB (larger ones, the data at
// 10,000 cities and more, with gzip -9 and brotli 9 on every page: the best would take minutes).
// Zopfli where installed, as for the web build's twins.
const zopfli = (() => { try { execFileSync('zopfli', ['-h'], { stdio: 'ignore' }); return true; } catch { return false; } })();
const compressed = new Map();
function compressedSizes(file, size) {
  if (!compressed.has(file)) {
    const small = size <= 4 << 20, bytes = readFileSync(file);
    compressed.set(file, {
      gz: zopfli && small ? execFileSync('zopfli', ['-c', file], { maxBuffer: 1 << 30 }).length : gzipSync(bytes, { level: 9 }).length,
      br: (small ? brotli(bytes) : brotli(bytes, 9)).length,
    });
  }
  return compressed.get(file);
}
function bytesOf(paths) {
  let raw = 0, gz = 0, br = 0;
  for (const p of paths) {
    const file = join(root, decodeURIComponent(p));
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat || stat.isDirectory()) continue;
    raw += stat.size;
    const twin = (ext) => statSync(`${file}.${ext}`, { throwIfNoEntry: false })?.size;
    gz += twin('gz') ?? compressedSizes(file, stat.size).gz;
    br += twin('br') ?? compressedSizes(file, stat.size).br;
  }
  return { raw, gz, br };
}

const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN; };
const median = (xs) => quantile(xs, 0.5);

// The JS heaps of the page's web workers, garbage collected first (MapLibre indexes its GeoJSON
// sources in one; the page's own heap does not count them). Pages are measured one at a time, so
// every worker there is is this page's. Workers are reached through the browser's session
// (Playwright gives no CDP session for a worker).
async function workersHeap(sys) {
  const { targetInfos } = await sys.send('Target.getTargets');
  let id = 0, total = 0;
  const waiting = new Map();
  const listener = (e) => {
    const m = JSON.parse(e.message);
    if (waiting.has(m.id)) waiting.get(m.id)(m.result || {}), waiting.delete(m.id);
  };
  sys.on('Target.receivedMessageFromTarget', listener);
  const ask = (sessionId, method) => new Promise((resolve) => {
    const k = ++id;
    waiting.set(k, resolve);
    sys.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: k, method, params: {} }) }).catch(() => resolve({}));
  });
  for (const t of targetInfos.filter((t) => t.type === 'worker')) {
    const { sessionId } = await sys.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
    await ask(sessionId, 'HeapProfiler.collectGarbage');
    total += (await ask(sessionId, 'Runtime.getHeapUsage')).usedSize || 0;
    await sys.send('Target.detachFromTarget', { sessionId }).catch(() => {});
  }
  sys.off('Target.receivedMessageFromTarget', listener);
  return total;
}

async function measure(browser, base, page, n, expected) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const tab = await context.newPage();
  await tab.addInitScript((expected) => {  // long tasks, frames and settling, from the start
    // Settled: checked at every frame in the page, and two frames after the check first holds
    // (polled from here, it was late by up to the polling interval and a round trip: 100-300 ms).
    // This map: its ?data= cities counted in and the camera still; a peer: its map-ready mark.
    const settledNow = () => {
      if (expected === null) return performance.getEntriesByName('map-ready').length > 0;
      try { const s = window.mapReady && window.atlas.state(); return !!s && s.counts.total >= expected && !s.camera.moving; } catch (e) { return false; }
    };
    window.__settled = 0;
    const watch = () => {
      if (settledNow()) requestAnimationFrame(() => requestAnimationFrame(() => { window.__settled = performance.now(); }));
      else requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
    window.__long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
    window.__frames = null;
    window.__record = (on) => {
      if (!on) { const f = window.__frames; window.__frames = null; return f; }
      window.__frames = [];
      const tick = (t) => { if (window.__frames) { window.__frames.push(t); requestAnimationFrame(tick); } };
      requestAnimationFrame(tick);
    };
  }, page === 'atlas' ? expected : null);
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Performance.enable');
  const sys = await browser.newBrowserCDPSession();
  const gpu = async () => (await sys.send('SystemInfo.getProcessInfo')).processInfo.filter((p) => p.type.toLowerCase() === 'gpu').reduce((s, p) => s + p.cpuTime, 0);
  const metric = async (name) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? 0;

  const t0 = Date.now();
  const step = (what) => process.env.BENCH_DEBUG && console.error(`  ${page}: ${what} at ${Date.now() - t0} ms`);
  await tab.goto(url(base, page, n));
  await tab.waitForFunction(() => window.mapReady || window.mapError, null, { timeout: 300000 });
  step('ready');
  await tab.waitForFunction(() => performance.getEntriesByName('map-ready').length > 0, null, { timeout: 300000 });
  const ready = await tab.evaluate(() => performance.getEntriesByName('map-ready')[0]?.startTime ?? NaN);
  await tab.waitForFunction(() => window.__settled > 0, null, { timeout: 300000, polling: 100 });
  const settled = await tab.evaluate(() => window.__settled);
  step('settled');
  const resources = await tab.evaluate(() => [location.pathname, ...performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)]);
  const bytes = bytesOf(resources);
  // What the first complete frame waited for: the files fetched before map-ready.
  const beforeReady = bytesOf(await tab.evaluate((t) => [location.pathname, ...performance.getEntriesByType('resource')
    .filter((e) => e.responseEnd <= t).map((e) => new URL(e.name).pathname)], ready));

  // Idle: three seconds of nothing, a second after settling (every page's load has a tail: this
  // map's loading screen fading out and its last frames, the peers' own).
  await new Promise((r) => setTimeout(r, 1000));
  const idle0 = await metric('TaskDuration');
  await new Promise((r) => setTimeout(r, 3000));
  const idleCpu = (await metric('TaskDuration')) - idle0;

  // The interaction: three drags and a wheel zoom in and out, at the middle of the map.
  const [task0, script0, gpu0] = [await metric('TaskDuration'), await metric('ScriptDuration'), await gpu()];
  const long0 = await tab.evaluate(() => window.__long.length);
  await tab.evaluate(() => window.__record(true));
  const start = Date.now();
  await interact(tab);
  step('interacted');
  const frames = await tab.evaluate(() => window.__record(false));
  const seconds = (Date.now() - start) / 1000;
  const [task1, script1, gpu1] = [await metric('TaskDuration'), await metric('ScriptDuration'), await gpu()];
  const long = await tab.evaluate((k) => window.__long.slice(k), long0);
  const gaps = frames.slice(1).map((t, i) => t - frames[i]);
  // Memory in use: garbage collected first (what waits for the collector varied from run to run
  // by a megabyte or more, on every page).
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await metric('JSHeapUsedSize') + await workersHeap(sys);
  // This map's wasm memory, and the user's files its page keeps compressed outside both (ArrayBuffers).
  const wasm = await tab.evaluate(() => (window.Module && Module.HEAPU8 ? Module.HEAPU8.length + (Module.keptBytes ? Module.keptBytes() : 0) : 0));
  await context.close();
  return {
    'map-ready (ms)': ready, 'settled after load (ms)': settled,
    'download before map-ready, gzip (KB)': beforeReady.gz / 1024, 'download before map-ready, brotli (KB)': beforeReady.br / 1024,
    'download, raw (KB)': bytes.raw / 1024, 'download, gzip (KB)': bytes.gz / 1024, 'download, brotli (KB)': bytes.br / 1024,
    'frames per second while dragging and zooming': frames.length / seconds, 'frame time p50 (ms)': quantile(gaps, 0.5), 'frame time p95 (ms)': quantile(gaps, 0.95),
    'long tasks during the interaction': long.length, 'longest task (ms)': long.reduce((m, l) => Math.max(m, l[1]), 0),
    'main-thread CPU during the interaction (ms)': (task1 - task0) * 1000, 'main-thread script during the interaction (ms)': (script1 - script0) * 1000,
    'GPU-process CPU during the interaction (ms)': (gpu1 - gpu0) * 1000,
    'JS heap + wasm memory (MB)': (heap + wasm) / 1048576, 'CPU while idle (ms in 3 s)': idleCpu * 1000,
    _wall: Date.now() - t0,
  };
}

const server = await startServer(root);
const browser = await launch(['--enable-precise-memory-info']);
const report = [];
try {
  for (const n of sizes) {
    const expected = JSON.parse(readFileSync(join(here, 'out', String(n), 'files.json'), 'utf8')).cities;
    const results = Object.fromEntries(pages.map((p) => [p, []]));
    for (let r = 0; r < runs; r++)  // interleaved: the machine's noise falls on every page alike
      for (const p of pages) {
        try {
          const m = await measure(browser, server.url, p, n, expected);
          results[p].push(m);
          console.error(`${names[p]}, N = ${n}, run ${r + 1}: ready ${Math.round(m['map-ready (ms)'])} ms, ${m['frames per second while dragging and zooming'].toFixed(1)} fps (${(m._wall / 1000).toFixed(0)} s)`);
        }
        catch (e) { console.error(`${names[p]}, N = ${n}, run ${r + 1}: ${e.message.split('\n')[0]}`); }
      }
    const first = pages.map((p) => results[p][0]).find(Boolean) || {};
    const rows = Object.keys(first).filter((k) => !k.startsWith('_'));
    const med = Object.fromEntries(pages.map((p) => [p, Object.fromEntries(rows.map((k) => [k, median(results[p].map((x) => x[k]))]))]));
    const fmt = (v) => (Number.isNaN(v) ? '–' : v >= 100 ? Math.round(v).toLocaleString('en') : v.toFixed(1));
    const lines = [`| N = ${n.toLocaleString('en')} (medians of ${runs}) | ${pages.map((p) => names[p]).join(' | ')} |`,
                   `|---|${pages.map(() => '--:').join('|')}|`];
    for (const k of rows)
      lines.push(`| ${k} | ${pages.map((p) => {
        const v = med[p][k], base = med.atlas?.[k];
        return p === 'atlas' || !base || Number.isNaN(v) ? fmt(v) : `${fmt(v)} (×${(v / base).toFixed(2)})`;
      }).join(' | ')} |`);
    console.log('\n' + lines.join('\n') + '\n(×: the peer\'s value over this map\'s)\n');
    report.push({ n, runs, medians: med });
    for (const p of pages) if (!results[p].length) { console.error(`${names[p]}: no run completed at N = ${n}`); process.exitCode = 1; }
  }
} finally {
  await browser.close();
  server.stop();
}
writeFileSync(join(here, 'out', 'last-run.json'), JSON.stringify(report, null, 2));
