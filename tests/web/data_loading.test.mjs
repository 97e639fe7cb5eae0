// Run-time data loading in the browser: the bad-input corpus through window.atlas.loadData (the
// path dropped files and ?data= take), a real drop on the page, and ?data=URL.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { assertStackRoom, launch, openMap, outDir, root, settle, startServer, webDir } from './harness.mjs';
import { cities } from './expected.mjs';

const badDir = join(root, 'tests', 'data', 'bad');
const expected = JSON.parse(readFileSync(join(badDir, 'expected.json'), 'utf8'));
let server, browser, page;
before(async () => {
  server = await startServer();
  ({ browser, page } = await openMap(server.url));
});
after(async () => { await browser?.close(); server?.stop(); });

test('every file of the bad-input corpus gives its message, and valid records still load', async () => {
  const names = readdirSync(badDir).filter((f) => f.endsWith('.json') && f !== 'expected.json');
  assert.ok(names.length >= 40);
  for (const name of names) {
    const bytes = [...readFileSync(join(badDir, name))];
    const s = await page.evaluate(([n, b]) => { window.atlas.resetData(); return window.atlas.loadData(n, new Uint8Array(b)); },
                                  [name, bytes]);
    assert.equal(s.error, undefined, name);
    assert.ok(s.data.problems.some((p) => p.includes(expected[name].message)), `${name}: ${expected[name].message}\n got: ${s.data.problems.slice(0, 3).join('\n')}`);
    assert.ok(s.data.cities >= cities.length, `${name}: the bundled cities stay`);
    assert.equal(s.data.problems.every((p) => p.startsWith(name + ':')), true, `${name}: only its own problems`);
  }
  const s = await page.evaluate(() => window.atlas.resetData());
  assert.equal(s.data.problems.length, 0);
  assert.equal(s.data.cities, cities.length);
  // (a file nested 5,000 deep among them: the parser does not recurse)
  console.log('stack after the bad-input corpus:', JSON.stringify(await assertStackRoom(page, 'the bad-input corpus')));
});

test('load time of the full data set in the browser (measured, printed)', async () => {
  // resetData() parses, validates and indexes all five bundled files again, as at start-up.
  const times = await page.evaluate(() => {
    const t = [];
    for (let i = 0; i < 9; i++) { const t0 = performance.now(); window.atlas.resetData(); t.push(performance.now() - t0); }
    return t.sort((a, b) => a - b);
  });
  const median = +times[4].toFixed(1);
  writeFileSync(join(outDir, 'web-data-load.json'), JSON.stringify({ fullDataLoadMedianMs: median, runs: times.length }));
  console.log(`full data set load in the browser: median ${median} ms of ${times.length}`);
  assert.ok(median > 0);
});

// The basemap's countries are shaded before the data that names the Global South is read (the GL
// starts first), and again whenever the data changes.
test('a country group loaded at run time shades the basemap again, and a reset shades it back', async () => {
  const shades = async () => {
    const png = PNG.sync.read(await page.screenshot());
    const near = (i, [r, g, b]) => Math.abs(png.data[i] - r) + Math.abs(png.data[i + 1] - g) + Math.abs(png.data[i + 2] - b) <= 6;
    let south = 0, other = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      if (near(i, [0xFC, 0xE6, 0xBD])) ++south;       // the light theme's map.landSouth
      else if (near(i, [0xF0, 0xED, 0xE8])) ++other;  // and map.landOther
    }
    return { south, other };
  };
  await page.evaluate(() => { window.atlas.resetData(); window.atlas.act({ type: 'home' }); });
  await settle(page);
  const before = await shades();
  assert.ok(before.south > 50000, `the Global South is shaded at start: ${JSON.stringify(before)}`);
  const group = { format: 'atlas-sur/country-groups', version: 1, groups: [{ id: 'global-south', name: 'Global South', criterion: 'Mongolia alone, out of the view (a test)',
    countries: [{ iso2: 'MN', name: 'Mongolia' }] }] };
  const s = await page.evaluate((t) => window.atlas.loadData('south-is-mongolia.json', new TextEncoder().encode(t)), JSON.stringify(group));
  assert.deepEqual(s.data.problems, []);
  await settle(page);
  const mongolia = await shades();
  assert.ok(mongolia.south < before.south / 10, `no country in the view is shaded as the Global South: ${JSON.stringify({ before, mongolia })}`);
  assert.ok(mongolia.other > before.other + (before.south - mongolia.south) / 2, `they are shaded as other countries: ${JSON.stringify({ before, mongolia })}`);
  await page.evaluate(() => window.atlas.resetData());
  await settle(page);
  const back = await shades();
  assert.ok(Math.abs(back.south - before.south) <= before.south / 100, `shaded back: ${JSON.stringify({ before, back })}`);
});

test('a file dropped on the page merges, keeps the view, and the panel lists its problems', async () => {
  await page.evaluate(() => { window.atlas.act({ type: 'filter', fields: ['Design'] }); window.atlas.act({ type: 'select', id: 'mx-puebla' }); });
  const text = readFileSync(join(badDir, 'city-lat-out-of-range.json'), 'utf8');
  const dataTransfer = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'my-cities.json', { type: 'application/json' }));
    return dt;
  }, text);
  await page.dispatchEvent('#canvas', 'dragover', { dataTransfer });
  await page.dispatchEvent('#canvas', 'drop', { dataTransfer });
  await page.waitForFunction(() => window.atlas.state().data.cities > 422);
  const s = await page.evaluate(() => window.atlas.state());
  assert.equal(s.selected, 'mx-puebla', 'the selection survives');
  assert.deepEqual(s.filters.fields, ['Design'], 'the filters survive');
  assert.ok(s.data.problems[0].startsWith('my-cities.json: /cities/1/lat (zz-bad-city): lat: expected a number in -90..90, got 95'));
  assert.ok((await page.evaluate(() => window.atlas.visibleCities())).some((c) => c.id === 'zz-valid-city'));
  await page.waitForTimeout(200);
  const panel = (await page.evaluate(() => window.atlas.panels())).find((w) => w.name.startsWith('Data problems'));
  assert.ok(panel, 'the Data problems panel is open');
  await page.screenshot({ path: join(outDir, 'web-data-problems.png') });
});

test('the fonts hold the letters of the data: a file with new ones rasterises them too', async () => {
  const before = (await page.evaluate(() => window.atlas.frameStats())).glyphs;
  // Only what the data, catalogues and tours write (and a base for typing), not the font's 1,100 letters.
  assert.ok(before.rasterised < 600, `${before.rasterised} glyphs`);
  const [w, h] = before.atlas;
  assert.ok(w * h <= 2048 * 512, `the atlas is ${w}x${h}`);
  const file = JSON.parse(readFileSync(join(badDir, 'city-lat-out-of-range.json'), 'utf8'));
  file.cities = [{ ...file.cities[0], id: 'zz-new-letters', name: 'Ǆȸẛ Ṭāʼif' }];  // Ǆ, ȸ and ẛ are new; Ṭ and ʼ are in the bundled data, ā in the typed base
  const bytes = [...Buffer.from(JSON.stringify(file))];
  await page.evaluate((b) => window.atlas.loadData('new-letters.json', new Uint8Array(b)), bytes);
  await page.waitForFunction((n) => window.atlas.frameStats().glyphs.rasterised > n, before.rasterised);
  const after = (await page.evaluate(() => window.atlas.frameStats())).glyphs;
  assert.equal(after.wanted, before.wanted + 3);
  assert.equal(after.rasterised, before.rasterised + 3);
  // A file with a NUL byte (not JSON: refused) must not end the fonts' list of characters at its start.
  await page.evaluate(() => window.atlas.loadData('nul.json', new Uint8Array([0x7b, 0x00, 0x7d])));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal((await page.evaluate(() => window.atlas.frameStats())).glyphs.rasterised, after.rasterised);
  await page.evaluate(() => window.atlas.resetData());
});

test("a data file is parsed where the page keeps it: the map's memory does not grow by its size", async () => {
  // WebAssembly memory never shrinks: a file copied in whole would keep its size there for good.
  // 12 MB of a file: 600 cities, each with a member of 19,000 letters that the map does not use.
  const near = cities[0], padding = 'x'.repeat(19000);
  const text = JSON.stringify({ format: 'atlas-sur/cities', version: 1, cities: Array.from({ length: 600 }, (_, i) => ({
    id: `padded-${i}`, name: `Padded ${i}`, country: near.country, lat: near.lat, lon: near.lon, padding,
    designations: [{ network: 'uccn', field: 'design', year: 2010 }] })) });
  const before = await page.evaluate(() => Module.HEAPU8.length);
  const s = await page.evaluate((t) => window.atlas.loadData('padded.json', new TextEncoder().encode(t)), text);
  assert.equal(s.data.cities, cities.length + 600, s.data.problems.slice(0, 3).join('\n'));
  const grown = (await page.evaluate(() => Module.HEAPU8.length)) - before;
  assert.ok(grown < 3 << 20, `the memory grew by ${(grown / 1048576).toFixed(1)} MB for a file of ${(text.length / 1048576).toFixed(1)} MB`);
  await page.evaluate(() => window.atlas.resetData());
});

test("the user's files wait in the page, compressed, and come back for the next merge; a reset forgets them", async () => {
  // 3,000 cities in one file, then links between them in another: the links load only if the
  // cities' file is merged again with them, which the app can do only with its text back.
  const near = cities[0];
  const many = Array.from({ length: 3000 }, (_, i) => ({
    id: `kept-${i}`, name: `Kept ${i}`, country: near.country, lat: +(near.lat + (i % 60) * 0.05).toFixed(4),
    lon: +(near.lon + Math.floor(i / 60) * 0.05).toFixed(4), designations: [{ network: 'uccn', field: 'design', year: 2010 }] }));
  const citiesFile = JSON.stringify({ format: 'atlas-sur/cities', version: 1, cities: many });
  const linksFile = JSON.stringify({ format: 'atlas-sur/links', version: 1, links: Array.from({ length: 40 }, (_, i) => ({
    id: `kept-link-${i}`, from: `kept-${i}`, to: `kept-${2999 - i}`, network: 'twinning', year: 2015, confidence: 'high', sources: [] })) });
  await page.evaluate(() => window.atlas.resetData());
  const bundledLinks = (await page.evaluate(() => window.atlas.state())).data.links;
  let s = await page.evaluate((t) => window.atlas.loadData('kept-cities.json', t), citiesFile);
  assert.equal(s.data.cities, cities.length + 3000);
  // Compressed in the page (a few times smaller than the text), not kept by the app.
  await page.waitForFunction((size) => Module.keptBytes() > 0 && Module.keptBytes() < size / 3, citiesFile.length);
  s = await page.evaluate((t) => window.atlas.loadData('kept-links.json', t), linksFile);
  assert.equal(s.data.errors, 0, s.data.problems.join('\n'));
  assert.equal(s.data.cities, cities.length + 3000, 'the cities file came back for the merge');
  assert.equal(s.data.links, bundledLinks + 40, 'its cities were there for the links');
  // The page keeps its own copy: a caller that reuses its buffer, or hands it to a worker, after
  // calling changes nothing of what loads, nor of what comes back for the next merges.
  await page.evaluate(() => window.atlas.resetData());
  s = await page.evaluate(([c, l]) => {
    const cityBytes = new TextEncoder().encode(c);
    const first = window.atlas.loadData('kept-cities.json', cityBytes);
    cityBytes.fill(0x20);  // (blank now: no longer the file)
    const linkBuffer = new TextEncoder().encode(l).buffer;
    const second = window.atlas.loadData('kept-links.json', linkBuffer);
    structuredClone(linkBuffer, { transfer: [linkBuffer] });  // (detached: handed away)
    const extra = JSON.stringify({ format: 'atlas-sur/links', version: 1, links: [
      { id: 'kept-link-extra', from: 'kept-1', to: 'kept-2', network: 'twinning', year: 2016, confidence: 'high', sources: [] }] });
    return Promise.all([first, second]).then(() => window.atlas.loadData('kept-extra.json', extra));
  }, [citiesFile, linksFile]);
  assert.equal(s.data.errors, 0, s.data.problems.join('\n'));
  assert.equal(s.data.cities, cities.length + 3000);
  assert.equal(s.data.links, bundledLinks + 41);
  // A file refused for its size, given with another: the other is kept, and comes back at the next merge.
  const link = (id, from, to) => JSON.stringify({ format: 'atlas-sur/links', version: 1, links: [
    { id, from, to, network: 'twinning', year: 2016, confidence: 'high', sources: [] }] });
  s = await page.evaluate(([a, b]) => window.atlas.loadDataFiles([{ name: 'too-large.json', data: ' '.repeat((16 << 20) + 1) },
                                                                   { name: 'kept-extra-2.json', data: a }])
    .then(() => window.atlas.loadData('kept-extra-3.json', b)), [link('kept-link-extra-2', 'kept-3', 'kept-4'), link('kept-link-extra-3', 'kept-5', 'kept-6')]);
  assert.equal(s.data.links, bundledLinks + 43, s.data.problems.join('\n'));
  assert.deepEqual(s.data.problems.filter((p) => /kept-extra/.test(p)), []);
  assert.ok(s.data.problems.some((p) => /too-large\.json/.test(p)), s.data.problems.join('\n'));
  // A reset forgets them: the links alone now name no known city.
  await page.evaluate(() => window.atlas.resetData());
  assert.equal(await page.evaluate(() => Module.keptBytes()), 0);
  s = await page.evaluate((t) => window.atlas.loadData('kept-links.json', t), linksFile);
  assert.equal(s.data.cities, cities.length);
  assert.equal(s.data.links, bundledLinks);
  assert.ok(s.data.problems.some((p) => /kept-links\.json/.test(p) && /no city with id/.test(p)), s.data.problems.join('\n'));
  // A load still waiting for the earlier files when the data is reset is dropped with them.
  await page.evaluate(() => window.atlas.resetData());
  await page.evaluate((t) => window.atlas.loadData('kept-cities.json', t), citiesFile);
  s = await page.evaluate((t) => { const later = window.atlas.loadData('kept-links.json', t); window.atlas.resetData(); return later; }, linksFile);
  assert.equal(s.data.cities, cities.length);
  assert.equal(s.data.links, bundledLinks);
  await page.evaluate(() => window.atlas.resetData());
});

test('?data=URL loads same-origin files and refuses others with a banner', async () => {
  // A file the site serves (the test puts it beside the build's files), one it does not, one elsewhere.
  mkdirSync(join(webDir, 'test-data'), { recursive: true });
  copyFileSync(join(badDir, 'city-lat-out-of-range.json'), join(webDir, 'test-data', 'update.json'));
  const { browser: b2, page: p2 } = await openMap(server.url,
    { query: '?data=test-data/update.json&data=test-data/missing.json&data=https://example.org/cities.json' });
  try {
    await p2.waitForFunction(() => window.atlas.state().data.rejected.length >= 2 && window.atlas.state().data.cities > 422,
                             null, { timeout: 10000 });
    const s = await p2.evaluate(() => window.atlas.state());
    assert.ok(s.data.problems.some((p) => p.startsWith('update.json: /cities/1/lat (zz-bad-city)')), 'the served file loaded');
    assert.ok(s.data.problems.some((p) => p === 'test-data/missing.json: could not be fetched: HTTP 404'));
    assert.ok(s.data.problems.some((p) => p.startsWith('https://example.org/cities.json: only data from this site')));
    assert.equal(s.data.cities, cities.length + 1, 'the bundled data stays, the valid city joins it');
    // Honest readiness: 'map-ready' is marked once the asked-for data is in and drawn, not before.
    await p2.waitForFunction(() => performance.getEntriesByName('map-ready').length > 0, null, { timeout: 10000 });
    const marks = await p2.evaluate(() => ['data-loaded', 'map-ready'].map((m) => performance.getEntriesByName(m).map((e) => e.startTime)));
    assert.equal(marks[1].length, 1, 'one map-ready mark');
    assert.ok(marks[0].length === 1 && marks[1][0] > marks[0][0], `data loaded at ${marks[0]} ms, map-ready at ${marks[1]} ms`);
    await p2.waitForTimeout(200);
    assert.ok((await p2.evaluate(() => window.atlas.panels())).some((w) => w.name === '##data-banner'), 'banner shown');
    await p2.screenshot({ path: join(outDir, 'web-data-banner.png') });
  } finally {
    await b2.close();
  }
});

// The page fetches a link's data from its start; come before the app starts (a small file), it is
// merged in the app's first load (what that saves is the benchmark's to measure). Either way the
// first frame drawn holds it: the bundled data alone is never drawn.
test('a link\'s data is in the first frame drawn, its problems listed', async () => {
  mkdirSync(join(webDir, 'test-data'), { recursive: true });
  copyFileSync(join(badDir, 'city-lat-out-of-range.json'), join(webDir, 'test-data', 'update.json'));
  const b4 = await launch();
  try {
    const p4 = await b4.newPage({ viewport: { width: 1280, height: 800 } });
    await p4.addInitScript(() => {  // what the map holds as its first complete frame is drawn
      let ready = false;
      Object.defineProperty(window, 'mapReady', { configurable: true, get: () => ready, set: (v) => {
        if (v && !ready) window.firstFrame = { cities: window.atlas.state().data.cities, drawn: window.atlas.frameStats().drawnFrames,
                                               dataLoaded: performance.getEntriesByName('data-loaded').length };
        ready = v;
      } });
    });
    await p4.goto(server.url + '?data=test-data/update.json');
    await p4.waitForFunction(() => performance.getEntriesByName('map-ready').length > 0, null, { timeout: 30000 });
    const first = await p4.evaluate(() => window.firstFrame);
    assert.deepEqual(first, { cities: cities.length + 1, drawn: 1, dataLoaded: 1 }, 'the first frame drawn holds the linked data');
    const marks = await p4.evaluate(() => ['data-loaded', 'map-ready'].map((m) => performance.getEntriesByName(m).map((e) => e.startTime)));
    assert.ok(marks[0].length === 1 && marks[1].length === 1 && marks[0][0] < marks[1][0], `marks ${JSON.stringify(marks)}`);
    assert.ok((await p4.evaluate(() => window.atlas.state().data.problems)).some((p) => p.startsWith('update.json: /cities/1/lat')));
  } finally {
    await b4.close();
  }
});

test('a link that names a city of the data it loads selects it once the data is in', async () => {
  mkdirSync(join(webDir, 'test-data'), { recursive: true });
  copyFileSync(join(badDir, 'city-lat-out-of-range.json'), join(webDir, 'test-data', 'update.json'));
  const { browser: b3, page: p3 } = await openMap(server.url, { query: '?data=test-data/update.json#s=zz-valid-city&lang=es' });
  try {
    await p3.waitForFunction(() => window.atlas.state().selected === 'zz-valid-city', null, { timeout: 10000 });
    const s = await p3.evaluate(() => window.atlas.state());
    assert.equal(s.language, 'es');
    assert.deepEqual(s.viewNotices, [], 'the second application of the link finds the city');
  } finally {
    await b3.close();
  }
});
