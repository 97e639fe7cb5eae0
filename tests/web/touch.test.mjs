// Touch screens (kiosks, phones): a pinch zooms towards the fingers, a one-finger drag pans,
// a tap selects. Touches are sent through the Chrome DevTools protocol, as a touch screen would.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openMap, settle, startServer } from './harness.mjs';

let server, browser, page, cdp;
before(async () => {
  server = await startServer();
  ({ browser, page } = await openMap(server.url, { hasTouch: true }));
  cdp = await page.context().newCDPSession(page);
});
after(async () => { await browser?.close(); server?.stop(); });

const touch = (type, points) => cdp.send('Input.dispatchTouchEvent',
  { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
const state = () => page.evaluate(() => window.atlas.state());

test('a pinch zooms in', async () => {
  const z0 = (await state()).camera.zoom;
  await touch('touchStart', [[760, 400], [860, 400]]);
  for (let i = 1; i <= 10; i++) await touch('touchMove', [[760 - i * 15, 400], [860 + i * 15, 400]]);
  await touch('touchEnd', []);
  await settle(page);
  const z1 = (await state()).camera.zoom;
  assert.ok(z1 > z0 * 1.3, `zoom ${z0} -> ${z1}`);
});

test('a one-finger drag pans, a tap selects', async () => {
  await page.evaluate(() => window.atlas.act({ type: 'reset' }));
  await settle(page);
  const lon0 = (await state()).camera.lon;
  await touch('touchStart', [[900, 500]]);
  for (let i = 1; i <= 10; i++) await touch('touchMove', [[900 - i * 20, 500]]);
  await touch('touchEnd', []);
  await settle(page);
  assert.ok((await state()).camera.lon > lon0 + 5, 'dragging left shows what is east');

  await page.evaluate(() => window.atlas.act({ type: 'flyTo', id: 'br-salvador' }));
  await settle(page);
  const p = await page.evaluate(() => window.atlas.screenPosition('br-salvador'));
  await touch('touchStart', [[p.x, p.y]]);
  await touch('touchEnd', []);
  await page.waitForFunction(() => window.atlas.state().selected === 'br-salvador', null, { timeout: 5000 });
});

test('a phone screen of density 2: the canvas draws at twice its CSS size, the names as crisp; frame time (printed)', async () => {
  const phone = await openMap(server.url, { width: 390, height: 844, hasTouch: true, deviceScaleFactor: 2 });
  try {
    const size = await phone.page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight };
    });
    assert.deepEqual([size.w, size.h], [2 * size.cssW, 2 * size.cssH], `backing store ${size.w}x${size.h} for ${size.cssW}x${size.cssH} CSS px`);
    const fonts = await phone.page.evaluate(() => window.atlas.fonts());
    assert.equal(fonts.density, 2, 'glyphs rasterised for the screen density');
    assert.equal(fonts.rasterised, 2 * fonts.body, `body text rasterised at ${fonts.rasterised} px for ${fonts.body} px`);
    console.log(`density 2: font atlas ${fonts.atlas.join('x')}`);
    // Frame time while the camera pans at density 2 (software GL here; printed for the closing note).
    await phone.page.evaluate(() => window.atlas.act({ type: 'select', id: null }));
    const stats = await phone.page.evaluate(async () => {
      for (let i = 0; i < 30; ++i) {
        window.atlas.act({ type: 'pan', dx: i % 2 ? 40 : -40, dy: 0 });
        await new Promise((r) => requestAnimationFrame(r));
      }
      return window.atlas.frameStats();
    });
    console.log(`density 2, 390x844: app CPU per frame mean ${stats.meanMs.toFixed(1)} ms, p95 ${stats.p95Ms.toFixed(1)} ms`);
  } finally { await phone.browser.close(); }
});
