// The first drag after the page has loaded. What a gesture's first frame made the software GL do
// first (the off-screen target its pictures are kept from, the pipelines that draw into it, the
// copies the page reads) is done while the map rests after it is drawn: the drag then asks the GL
// nothing that waits for it, and its pictures' pixels are fetched a megabyte a task (a whole map's
// 4 MB made tasks of 60-120 ms on a slow machine). That warming leaves the map as it was.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { launch, openMap, outDir, settle, startServer } from './harness.mjs';

let server, browser, page;
before(async () => {
  server = await startServer();
  ({ browser, page } = await openMap(server.url));
});
after(async () => {
  await browser?.close();
  server?.stop();
});

// Mean difference of two same-sized pictures, per channel (0..255).
function meanDifference(a, b) {
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) if (i % 4 !== 3) sum += Math.abs(a.data[i] - b.data[i]);
  return sum / (a.data.length * 0.75);
}
const around = (p, r) => ({ x: Math.round(p.x) - r, y: Math.round(p.y) - r, width: 2 * r, height: 2 * r });

test("the first drag waits for nothing, its pictures' pixels come in pieces, and it shows the whole map", async () => {
  await page.waitForFunction(() => window.atlas.frameStats().picturesWarm, null, { timeout: 10000 });
  const p = await page.evaluate(() => window.atlas.screenPosition('br-salvador'));
  const start = { x: Math.round(p.x) + 45, y: Math.round(p.y) + 25 }, d = { x: 160, y: -60 };
  await page.mouse.move(start.x, start.y);  // (no city hovered)
  await page.waitForTimeout(400);
  const marker = PNG.sync.read(await page.screenshot({ clip: around(p, 6) }));
  const whole = PNG.sync.read(await page.screenshot());
  const s0 = await page.evaluate(() => window.atlas.frameStats());
  await page.evaluate(() => {
    const c = Module.ctx, seen = (window.__seen = { status: 0, fetches: [] });
    c.checkFramebufferStatus = function () { ++seen.status; return WebGL2RenderingContext.prototype.checkFramebufferStatus.apply(c, arguments); };
    c.getBufferSubData = function (target, from, into, at, length) {
      seen.fetches.push(length || into.length);
      return WebGL2RenderingContext.prototype.getBufferSubData.apply(c, arguments);
    };
  });
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) { await page.mouse.move(start.x + (d.x * i) / 10, start.y + (d.y * i) / 10); await page.waitForTimeout(16); }
  await page.waitForTimeout(300);  // the pictures' pixels come a few tasks after they are read
  const s1 = await page.evaluate(() => window.atlas.frameStats());
  const moved = PNG.sync.read(await page.screenshot({ path: join(outDir, 'web-first-drag.png'), clip: around({ x: p.x + d.x, y: p.y + d.y }, 6) }));
  await page.mouse.up();
  await settle(page);
  await page.waitForTimeout(400);
  const q = await page.evaluate(() => window.atlas.screenPosition('br-salvador'));
  const rest = PNG.sync.read(await page.screenshot({ clip: around(q, 6) }));
  const seen = await page.evaluate(() => { delete Module.ctx.checkFramebufferStatus; delete Module.ctx.getBufferSubData; return window.__seen; });
  // Dragged back to where it started, the map at rest is the one drawn before the drag.
  await page.mouse.move(start.x + d.x, start.y + d.y);
  await page.mouse.down();
  for (let i = 9; i >= 0; i--) { await page.mouse.move(start.x + (d.x * i) / 10, start.y + (d.y * i) / 10); await page.waitForTimeout(16); }
  await page.mouse.up();
  await settle(page);
  await page.waitForTimeout(400);
  const back = PNG.sync.read(await page.screenshot({ path: join(outDir, 'web-first-drag-back.png') }));

  assert.ok(s1.picturesKeptOffScreen > s0.picturesKeptOffScreen && s1.pictureFrames > s0.pictureFrames, 'the drag was shown by pictures');
  assert.equal(seen.status, 0, 'no framebuffer status asked during the drag');
  const total = seen.fetches.reduce((a, b) => a + b, 0), mapBytes = await page.evaluate(() => Module.canvas.width * Module.canvas.height * 4);
  assert.ok(total >= mapBytes, `the map's picture was fetched (${total} bytes)`);
  assert.ok(Math.max(...seen.fetches) <= 1 << 20, `a megabyte a fetch at most: ${seen.fetches.join(' ')}`);
  // Salvador's marker, in the drag's picture and in the frame where the map rests, is the one drawn
  // before the drag.
  const inPicture = meanDifference(marker, moved), atRest = meanDifference(marker, rest);
  console.log(`Salvador's marker differs by ${inPicture.toFixed(2)} in the drag's picture, ${atRest.toFixed(2)} at rest`);
  assert.ok(inPicture < 12, `Salvador's marker in the drag's picture differs by ${inPicture.toFixed(2)} per channel`);
  assert.ok(atRest < 12, `Salvador's marker where the map rests differs by ${atRest.toFixed(2)} per channel`);
  let differ = 0;
  for (let i = 0; i < whole.data.length; i += 4)
    if (Math.abs(whole.data[i] - back.data[i]) + Math.abs(whole.data[i + 1] - back.data[i + 1]) + Math.abs(whole.data[i + 2] - back.data[i + 2]) > 24) ++differ;
  console.log(`dragged back: ${differ} pixels differ from the map before the drag`);
  assert.ok(differ <= whole.width * whole.height * 0.001, `dragged back, ${differ} pixels differ from the map before the drag`);
});

// The warming waits for the load to be over: the detailed basemap comes after the first frame, and
// the software GL's work for the pictures held the frames after the first one back (150-230 ms of
// the GPU process). A basemap that never comes ends the load too: the pictures are warmed then.
test('the pictures are warmed once the detailed basemap has come, or has failed to', async () => {
  const other = await launch();
  try {
    const tab = await other.newPage({ viewport: { width: 1280, height: 800 } });
    const warnings = [];
    tab.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    let release;
    const held = new Promise((r) => { release = r; });
    await tab.route('**/basemap-50m.bin', async (route) => { await held; await route.abort(); });
    await tab.goto(server.url);
    await tab.waitForFunction(() => window.mapReady, null, { timeout: 90000 });
    await tab.waitForTimeout(1500);  // at rest long since, the basemap still on its way
    assert.equal(await tab.evaluate(() => window.atlas.frameStats().picturesWarm), false, 'warmed before the load was over');
    release();
    await tab.waitForFunction(() => window.atlas.frameStats().picturesWarm, null, { timeout: 10000 });
    assert.equal(await tab.evaluate(() => window.fineBasemap === true), false);
    assert.ok(warnings.some((w) => /detailed basemap did not load/.test(w)), warnings.join('\n'));
    const s = await tab.evaluate(() => window.atlas.state());
    assert.ok(s.camera, 'the map still answers');
  } finally {
    await other.close();
  }
});

// The detailed basemap's mesh is a long task: it is made once the map rests, not in the middle of a
// drag (on a phone's slow network the file comes as the visitor starts to move the map).
test('the detailed basemap that comes during a drag is made into a mesh once the drag is over', async () => {
  const other = await launch();
  try {
    const tab = await other.newPage({ viewport: { width: 1280, height: 800 } });
    let release, served = false;
    const held = new Promise((r) => { release = r; });
    await tab.route('**/basemap-50m.bin', async (route) => { await held; await route.continue(); served = true; });
    await tab.goto(server.url);
    await tab.waitForFunction(() => window.mapReady, null, { timeout: 90000 });
    await tab.mouse.move(640, 420);
    await tab.mouse.down();
    release();
    // Held and moved for two seconds, with pauses longer than a frame: the file comes meanwhile.
    for (let i = 0; i < 20; i++) {
      await tab.mouse.move(640 + 6 * i, 420 + (i % 3));
      await tab.waitForTimeout(100);
    }
    assert.ok(served, 'the file came during the drag');
    assert.equal(await tab.evaluate(() => window.fineBasemap === true), false, 'made in the middle of the drag');
    await tab.mouse.up();
    await tab.waitForFunction(() => window.fineBasemap === true, null, { timeout: 10000 });
    const s = await tab.evaluate(() => window.atlas.state());
    assert.ok(!s.camera.moving, 'made once the map rests');
  } finally {
    await other.close();
  }
});
