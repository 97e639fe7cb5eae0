// ?kiosk=1 in a kiosk browser: the kiosk's clock runs (state().kiosk), a visitor gets no downloads,
// no link to copy and no second windows, and the controls are touch-sized.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openMap, outDir, startServer } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

test('?kiosk=1: the idle clock runs, no downloads or links out, 48 px touch targets', async () => {
  const { browser, page } = await openMap(server.url, { query: '?kiosk=1', width: 1280, height: 800, hasTouch: true });
  try {
    const first = (await page.evaluate(() => window.atlas.state())).kiosk;
    assert.equal(first.phase, 'exploring');
    await page.waitForTimeout(1500);
    const later = (await page.evaluate(() => window.atlas.state())).kiosk;
    assert.ok(later.idle > first.idle + 1, `the idle clock runs (${first.idle} -> ${later.idle})`);
    await page.touchscreen.tap(700, 500);
    await page.waitForTimeout(200);
    assert.ok((await page.evaluate(() => window.atlas.state())).kiosk.idle < 1, 'a touch restarts it');
    const panels = await page.evaluate(() => window.atlas.panels());
    const items = panels.flatMap((p) => p.items.map((i) => ({ ...i, panel: p.name })));
    for (const id of ['download-csv', 'download-png', 'download-video', 'copy-link', 'console'])
      assert.equal(items.find((i) => i.id === id), undefined, `no ${id} on a kiosk`);
    const lang = items.find((i) => i.id === 'lang-es');
    assert.ok(lang && lang.h >= 48, `touch targets are 48 px tall (${lang && lang.h})`);
    await page.screenshot({ path: join(outDir, 'kiosk-web.png') });
  } finally { await browser.close(); }
});
