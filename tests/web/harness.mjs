// Shared set-up for the browser tests: a static server on 127.0.0.1 that sends the files' compressed
// twins, brotli or gzip (http-server, the same one scripts/run.sh uses), and Debian's Chromium
// driven by playwright-core.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const webDir = process.env.ATLAS_WEB_DIR || join(root, 'build', 'web');
export const outDir = join(root, 'tests', 'out');
mkdirSync(outDir, { recursive: true });

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

// `dir`: the folder served (the web build; the benchmark serves the repository for its peer pages).
export async function startServer(dir = webDir) {
  const port = await freePort();
  const bin = join(root, 'node_modules', 'http-server', 'bin', 'http-server');
  const proc = spawn(process.execPath, [bin, dir, '-a', '127.0.0.1', '-p', String(port), '-b', '-g', '-c-1', '-s'],
                     { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(url)).ok) return { url, stop: () => proc.kill() }; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill();
  throw new Error('the test server did not start');
}

// Debian's Chromium, headless, with software WebGL (`args`: more switches, e.g. to turn WebGL off).
export function launch(args = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader', ...args],
  });
}

export async function openMap(url, { width = 1280, height = 800, query = '', hasTouch = false, reducedMotion = 'no-preference',
                                      deviceScaleFactor = 1, locale } = {}) {
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor, hasTouch, reducedMotion, locale });
  const logs = [];
  page.on('console', (m) => logs.push(m.text()));
  page.on('pageerror', (e) => logs.push(String(e)));
  await page.goto(url + query);
  await page.waitForFunction(() => window.mapReady || window.mapError, null, { timeout: 90000 });
  const error = await page.evaluate(() => window.mapError);
  if (error) throw new Error(`map failed to start: ${error}\n${logs.join('\n')}`);
  // The detailed basemap comes after the first frame; tests look at the finished map.
  await page.waitForFunction(() => window.fineBasemap, null, { timeout: 90000 });
  return { browser, page, logs };
}

// One map for a whole test file: served and opened before its tests, closed after them. `page` is
// there once the tests run; `act` and `call` go through window.atlas.
export function useMap(options) {
  const map = {
    act: (a) => map.page.evaluate((x) => window.atlas.act(x), a),
    call: (name, ...args) => map.page.evaluate(([n, a]) => window.atlas[n](...a), [name, args]),
  };
  before(async () => {
    map.server = await startServer();
    Object.assign(map, await openMap(map.server.url, options));
  });
  after(async () => {
    try { if (map.page) await assertStackRoom(map.page, 'the whole test file'); } finally { await map.browser?.close(); map.server?.stop(); }
  });
  return map;
}

// The wasm's stack (64 KB: cmake/app.cmake) kept half its room free on every path the page took
// (it is painted at start-up; frameStats reads how deep it went). Returns its use, for the log.
export async function assertStackRoom(page, what) {
  const s = await page.evaluate(() => window.atlas.frameStats().stack);
  assert.ok(s.bytes >= 65536 && s.deepest > 1024 && s.deepest < s.bytes / 2,
            `${what}: the stack went ${s.deepest} bytes deep of its ${s.bytes}`);
  return s;
}

// The camera at rest: not moving, and where it looks the same over six frames. A change that moves
// it (a phone's sheet rising, the start view framed again with the panels' measures) may begin its
// move a frame or two later, and 'not moving' alone could be read before the move.
export async function settle(page) {
  await page.evaluate(() => { window.testStill = null; });  // (counted afresh at each wait)
  await page.waitForFunction(() => {
    const c = window.atlas.state().camera, key = `${c.lon},${c.lat},${c.zoom}`;
    window.testStill = window.testStill && window.testStill.key === key ? { key, frames: window.testStill.frames + 1 } : { key, frames: 0 };
    return !c.moving && window.testStill.frames >= 6;
  }, null, { polling: 'raf', timeout: 10000 });
}
