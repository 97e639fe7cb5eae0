// A kiosk browser runs for weeks; the browser may take the WebGL context back at any time. Lost and
// restored again and again (WEBGL_lose_context; 30 times, ATLAS_CONTEXT_LOSSES=100 for a longer run), the map comes back each time, identical, without mapError.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { openMap, outDir, settle, startServer } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

const kRounds = Number(process.env.ATLAS_CONTEXT_LOSSES ?? 30);
const kTolerance = 0.001;  // share of pixels that may differ (antialiasing noise of the rasteriser)

test(`the WebGL context lost and restored ${kRounds} times: the same map, no error`, async () => {
  const { browser, page } = await openMap(server.url, { width: 1280, height: 800, query: '#s=mx-puebla&lang=es' });
  try {
    await settle(page);
    await page.waitForFunction(() => document.getElementById('loading').hidden);  // (gone at map-ready)
    const before = PNG.sync.read(await page.screenshot());
    const times = await page.evaluate(async (rounds) => {
      const canvas = document.getElementById('canvas');
      const lose = canvas.getContext('webgl2').getExtension('WEBGL_lose_context');
      const event = (name) => new Promise((resolve) => canvas.addEventListener(name, resolve, { once: true }));
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const out = [];
      for (let i = 0; i < rounds; ++i) {
        const lost = event('webglcontextlost');
        lose.loseContext();
        await lost;
        await frame();  // a frame with no context: nothing to draw with
        const restored = event('webglcontextrestored');
        const t0 = performance.now();
        lose.restoreContext();
        await restored;
        // Drawn again: the app counts a recovery once it has rebuilt everything and drawn.
        while (window.atlas.frameStats().gl.recoveries <= i) {
          if (performance.now() - t0 > 5000) throw new Error(`round ${i + 1}: the map was not drawn again within 5 s`);
          await frame();
        }
        out.push(performance.now() - t0);
      }
      return out;
    }, kRounds);
    await settle(page);
    const stats = await page.evaluate(() => window.atlas.frameStats());
    assert.equal(stats.gl.recoveries, kRounds);
    assert.equal(stats.gl.lost, false);
    assert.equal(await page.evaluate(() => window.mapError), undefined, 'no mapError');
    const state = await page.evaluate(() => window.atlas.state());
    assert.equal(state.selected, 'mx-puebla', 'the view is kept');
    assert.equal(state.language, 'es');

    const after = PNG.sync.read(await page.screenshot());
    const diff = new PNG({ width: before.width, height: before.height });
    const differing = pixelmatch(before.data, after.data, diff.data, before.width, before.height, { threshold: 0.1 });
    writeFileSync(join(outDir, 'context-loss-after.png'), PNG.sync.write(after));
    if (differing > 0) writeFileSync(join(outDir, 'context-loss-diff.png'), PNG.sync.write(diff));
    const share = differing / (before.width * before.height);
    assert.ok(share <= kTolerance, `${differing} pixels differ (${(share * 100).toFixed(3)} %, at most ${kTolerance * 100} %)`);

    times.sort((a, b) => a - b);
    const line = `context loss: ${kRounds} rounds; restored to drawn: median ${times[kRounds >> 1].toFixed(0)} ms, ` +
      `max ${times[kRounds - 1].toFixed(0)} ms; rebuild ${stats.gl.lastRecoveryMs.toFixed(0)} ms; ${differing} pixels differ`;
    console.log(line);
    writeFileSync(join(outDir, 'context-loss.txt'), line + '\n');
  } finally { await browser.close(); }
});
