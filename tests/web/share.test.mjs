// The view in the link: a link restores the view that made it, Back and Forward walk through a
// person's steps, hostile links are harmless, and "Copy link" gives the same link.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { assertStackRoom, openMap, outDir, root, settle, startServer } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

const hostile = readFileSync(join(root, 'tests', 'view', 'hostile_links.txt'), 'utf8')
  .split('\n').filter((l) => l && !l.startsWith('#'));

// What a view is, for comparing two pages (the camera to the link's precision).
function essentials(s) {
  return { filters: s.filters, selected: s.selected, network: s.network, networkStyle: s.networkStyle,
           year: s.timeline.year, language: s.language, visible: s.counts.visible, links: s.counts.links,
           lon: s.camera.lon.toFixed(3), lat: s.camera.lat.toFixed(3), zoom: s.camera.zoom.toPrecision(3) };
}

test('a link opened in a fresh page restores the view of the page that made it', async () => {
  const first = await openMap(server.url);
  let url, made;
  try {
    const { page } = first;
    for (const a of [{ type: 'filter', fields: ['design', 'media-arts'], region: 'world' },
                     { type: 'year', year: 2017 }, { type: 'select', id: 'mx-guadalajara' },
                     { type: 'network', id: 'twinning' }, { type: 'flyTo', id: 'mx-guadalajara' }])
      assert.ok(!(await page.evaluate((x) => window.atlas.act(x), a)).error);
    await settle(page);
    await page.waitForFunction(() => location.hash.includes('s=mx-guadalajara') && location.hash.includes('t=2017'));
    await page.waitForTimeout(400);  // the camera's last move reaches the address
    url = await page.evaluate(() => window.atlas.viewUrl());
    assert.equal(await page.evaluate(() => location.href), url, 'the address is the view');
    made = essentials(await page.evaluate(() => window.atlas.state()));
  } finally { await first.browser.close(); }

  const second = await openMap(url, { query: '' });
  try {
    const s = await second.page.evaluate(() => window.atlas.state());
    assert.deepEqual(essentials(s), made);
    assert.deepEqual(s.viewNotices, []);
    await second.page.screenshot({ path: join(outDir, 'share-restored.png') });
  } finally { await second.browser.close(); }
});

test('Back and Forward walk through three steps a person took', async () => {
  const { browser, page } = await openMap(server.url);
  try {
    const state = () => page.evaluate(() => window.atlas.state());
    const steps = [{ type: 'select', id: 'mx-puebla' }, { type: 'filter', fields: ['music'] }, { type: 'year', year: 2015 }];
    const after = [];
    for (const a of steps) {
      await page.evaluate((x) => window.atlas.act(x), a);
      await page.waitForTimeout(150);  // a frame publishes the view
      after.push(essentials(await state()));
    }
    const length = await page.evaluate(() => history.length);
    assert.ok(length >= 4, `three history entries were added (history.length ${length})`);
    await page.goBack();
    await page.waitForFunction(() => window.atlas.state().timeline.year !== 2015);
    assert.deepEqual({ ...essentials(await state()), lon: 0, lat: 0, zoom: 0 }, { ...after[1], lon: 0, lat: 0, zoom: 0 });
    await page.goBack();
    await page.waitForFunction(() => window.atlas.state().filters.fields.length > 1);
    assert.equal((await state()).selected, 'mx-puebla');
    await page.goBack();
    await page.waitForFunction(() => window.atlas.state().selected === null);
    await page.goForward();
    await page.waitForFunction(() => window.atlas.state().selected === 'mx-puebla');
    await page.goForward();
    await page.goForward();
    await page.waitForFunction(() => window.atlas.state().timeline.year === 2015);
    assert.deepEqual((await state()).filters.fields, ['Music']);
  } finally { await browser.close(); }
});

test('hostile links load the map with notices, never an error or a script', async () => {
  const { browser, page, logs } = await openMap(server.url);
  try {
    await page.exposeFunction('__pwned', () => { throw new Error('a link ran script'); });
    for (const hash of hostile) {
      await page.evaluate((h) => { location.hash = h; }, hash);
      const s = await page.evaluate(() => window.atlas.state());
      assert.equal(await page.evaluate(() => window.mapError || null), null, hash);
      assert.ok(s.viewNotices.length > 0 || hash.startsWith('#'), `a notice for ${hash}`);
    }
    // A fresh page opened on the worst of them still starts.
    const worst = hostile.find((h) => h.includes('script'));
    const fresh = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await fresh.goto(server.url + '#' + worst);
    await fresh.waitForFunction(() => window.mapReady || window.mapError, null, { timeout: 90000 });
    assert.equal(await fresh.evaluate(() => window.mapError || null), null);
    assert.ok((await fresh.evaluate(() => window.atlas.state().viewNotices)).length > 0);
    await fresh.screenshot({ path: join(outDir, 'share-hostile.png') });
    assert.ok(!logs.some((l) => /a link ran script/.test(l)));
    await assertStackRoom(page, 'the hostile links');
  } finally { await browser.close(); }
});

test('"Copy link" copies the link of the view', async () => {
  const { browser, page } = await openMap(server.url + '#s=mx-merida&t=2019');
  try {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const bar = (await page.evaluate(() => window.atlas.panels())).find((p) => p.name === 'Timeline');
    const button = bar.items?.find((i) => i.id === 'copy-link');
    assert.ok(button, 'the timeline bar reports its Copy link button');
    await page.mouse.click(button.x + button.w / 2, button.y + button.h / 2);
    await page.waitForTimeout(300);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, await page.evaluate(() => window.atlas.viewUrl()));
    assert.match(copied, /s=mx-merida/);
  } finally { await browser.close(); }
});

test('the table exports hold the cities shown: CSV (also as a Spanish spreadsheet reads it) and GeoJSON', async () => {
  const { browser, page } = await openMap(server.url + '#r=mexico');
  try {
    const visible = (await page.evaluate(() => window.atlas.visibleCities().map((c) => c.id))).sort();
    const csv = await page.evaluate(async () => {
      const f = await window.atlas.exportTable({ format: 'csv' });
      return { name: f.name, mime: f.mime, text: new TextDecoder().decode(f.bytes), bom: Array.from(f.bytes.slice(0, 3)) };
    });
    assert.equal(csv.name, 'atlas-sur-cities.csv');
    assert.deepEqual(csv.bom, [0xef, 0xbb, 0xbf], 'UTF-8 with a byte-order mark');
    const rows = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(rows[0].split(',')[0], 'id');
    assert.deepEqual([...new Set(rows.slice(1).map((r) => r.split(',')[0]))].sort(), visible);
    assert.ok(csv.text.includes('Querétaro'), 'accents kept');

    await page.evaluate(() => window.atlas.act({ type: 'language', lang: 'es' }));
    const es = await page.evaluate(async () => new TextDecoder().decode((await window.atlas.exportTable({ format: 'csv' })).bytes));
    assert.equal(es.replace(/^\uFEFF/, '').split('\r\n')[0].split(';').length, 14, 'Spanish spreadsheets split on ;');

    const geo = await page.evaluate(async () => JSON.parse(new TextDecoder().decode((await window.atlas.exportTable({ format: 'geojson' })).bytes)));
    assert.equal(geo.type, 'FeatureCollection');
    const points = geo.features.filter((f) => f.geometry.type === 'Point').map((f) => f.id).sort();
    assert.deepEqual(points, visible);
    const links = geo.features.filter((f) => f.geometry.type !== 'Point');
    assert.equal(links.length, (await page.evaluate(() => window.atlas.links())).filter((l) => !String(l.to).startsWith('hub:')).length);

    // The Download button gives the same file.
    const button = (await page.evaluate(() => window.atlas.panels())).find((p) => p.name === 'Filters').items.find((i) => i.id === 'download-csv');
    const [download] = await Promise.all([page.waitForEvent('download'), page.mouse.click(button.x + button.w / 2, button.y + button.h / 2)]);
    assert.equal(download.suggestedFilename(), 'atlas-sur-cities.csv');
  } finally { await browser.close(); }
});

test('embedded in a page of another site (?embed=1): no side panels, a link out, and it follows the iframe size', async () => {
  const { browser, page } = await openMap(server.url);
  try {
    // Another origin on this machine: a city's page served on another port, with the README's snippet.
    const hostServer = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>A city's page</title><h1>Our city in the network</h1>
               <iframe id="map" src="${server.url}?embed=1#s=mx-puebla" width="640" height="400" style="border:0"
                       title="Atlas Sur" allow="clipboard-write; fullscreen"></iframe>`);
    });
    await new Promise((r) => hostServer.listen(0, '127.0.0.1', r));
    after(() => hostServer.close());
    await page.goto(`http://127.0.0.1:${hostServer.address().port}/`);
    const frame = await (await page.waitForSelector('#map')).contentFrame();
    await frame.waitForFunction(() => window.mapReady || window.mapError, null, { timeout: 90000 });
    assert.equal(await frame.evaluate(() => window.mapError || null), null);
    const names = (await frame.evaluate(() => window.atlas.panels())).map((p) => p.name);
    for (const hidden of ['Filters', 'Search', 'Timeline', 'Statistics', 'Networks and links'])
      assert.ok(!names.includes(hidden), `no ${hidden} when embedded (${names})`);
    assert.ok(names.includes('Open the full map') && names.includes('Legend'), names.join(', '));
    assert.equal((await frame.evaluate(() => window.atlas.state())).selected, 'mx-puebla');
    await page.screenshot({ path: join(outDir, 'embed-640x400.png') });
    let s = await frame.evaluate(() => window.atlas.state());
    assert.deepEqual(s.camera.viewport, [640, 400]);
    await page.evaluate(() => { const f = document.getElementById('map'); f.width = 900; f.height = 520; });
    await frame.waitForFunction(() => window.atlas.state().camera.viewport[0] === 900, null, { timeout: 10000 });
    s = await frame.evaluate(() => window.atlas.state());
    assert.deepEqual(s.camera.viewport, [900, 520]);
    // "Open the full map" opens the same view, without embed=1, in a new tab.
    const link = (await frame.evaluate(() => window.atlas.panels())).find((p) => p.name === 'Open the full map').items[0];
    const box = await (await page.$('#map')).boundingBox();
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.mouse.click(box.x + link.x + link.w / 2, box.y + link.y + link.h / 2)]);
    assert.ok(!popup.url().includes('embed=1') && popup.url().includes('s=mx-puebla'), popup.url());
  } finally { await browser.close(); }
});

test('the image export is a PNG of the view at the asked size, with its card and without the panels', async () => {
  const { browser, page } = await openMap(server.url + '#r=mexico&s=mx-queretaro&lang=es');
  try {
    const { PNG } = await import('pngjs');
    const started = Date.now();
    const file = await page.evaluate(async () => {
      const f = await window.atlas.exportImage({ scale: 2 });
      return { name: f.name, mime: f.mime, bytes: Array.from(f.bytes) };
    });
    const ms = Date.now() - started;
    assert.equal(file.mime, 'image/png');
    const png = PNG.sync.read(Buffer.from(file.bytes));
    assert.equal(png.width, 2560);
    assert.equal(png.height, 1600);
    writeFileSync(join(outDir, 'export-2x.png'), Buffer.from(file.bytes));
    const colours = new Set();
    for (let i = 0; i < png.data.length; i += 4 * 97) colours.add((png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2]);
    assert.ok(colours.size > 50, `a picture, not a blank (${colours.size} colours)`);
    // The Filters panel is on the screen at (100, 600); the picture shows the map there instead.
    const screen = PNG.sync.read(await page.screenshot());
    const at = (p, x, y) => { const i = (y * p.width + x) * 4; return [p.data[i], p.data[i + 1], p.data[i + 2]]; };
    const onScreen = at(screen, 100, 600), inPicture = at(png, 200, 1200);
    assert.ok(onScreen.some((v, k) => Math.abs(v - inPicture[k]) > 12), `no panel in the picture (${onScreen} vs ${inPicture})`);
    const small = await page.evaluate(async () => Array.from((await window.atlas.exportImage({ width: 640 })).bytes));
    const p1 = PNG.sync.read(Buffer.from(small));
    assert.deepEqual([p1.width, p1.height], [640, 400]);
    assert.ok(await page.evaluate(() => window.atlas.exportImage({ scale: 100 }).then(() => false, () => true)), 'absurd sizes are refused');
    console.log(`image export: 2560x1600 in ${ms} ms, ${file.bytes.length} bytes`);
    await assertStackRoom(page, 'image exports');
  } finally { await browser.close(); }
});
