// Dense data in the browser (issue 11): 10,000 more cities, loaded as two files in one go, stay
// readable: clusters aggregate by density to a few hundred markers, with counts, and they nest, so
// opening one zooms to its members, which then stand apart or in smaller groups.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { outDir, settle, useMap } from './harness.mjs';
import { cities } from './expected.mjs';

const map = useMap();
const { act, call } = map;

// Deterministic synthetic cities around the bundled ones, as the benchmark makes them.
function synthetic(n) {
  let seed = 7;
  const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 4294967296);
  const fields = ['crafts-folk-art', 'design', 'film', 'gastronomy', 'literature', 'media-arts', 'music'];
  return Array.from({ length: n }, (_, i) => {
    const near = cities[Math.floor(random() * cities.length)];
    return { id: `dense-${i}`, name: `Dense ${i}`, localName: `Dense ${i}`, country: near.country,
             lat: +Math.max(-60, Math.min(75, near.lat + (random() - 0.5) * 12)).toFixed(4),
             lon: +(((near.lon + (random() - 0.5) * 16 + 540) % 360) - 180).toFixed(4),
             designations: [{ network: 'uccn', field: fields[i % fields.length], year: 2004 + (i % 22) }] };
  });
}

// Markers in view: clusters (with their counts) and the cities that stand alone.
async function markersInView() {
  const s = await call('state');
  const groups = await call('clusters');
  const grouped = groups.reduce((n, c) => n + c.count, 0);
  return { groups, singles: s.counts.visible - grouped, total: groups.length + s.counts.visible - grouped, state: s };
}

test('10,000 more cities in two files load in one merge and cluster to a few hundred markers', async () => {
  const all = synthetic(10000);
  const file = (part) => JSON.stringify({ format: 'atlas-sur/cities', version: 1, cities: part });
  const s = await map.page.evaluate(([a, b]) => window.atlas.loadDataFiles([
    { name: 'dense-a.json', data: a }, { name: 'dense-b.json', data: b }, { name: 'missing.json', error: 'could not be fetched: HTTP 404' }]),
  [file(all.slice(0, 5000)), file(all.slice(5000))]);
  assert.equal(s.counts.total, cities.length + 10000, 'both files merged over the bundled cities');
  assert.equal(s.counts.linksBundled, false, 'the bundled data has few links: drawn one by one');
  assert.equal(s.data.errors, 1, 'the file that could not be fetched is reported');
  assert.ok(s.data.problems.some((p) => /missing\.json/.test(p) && /404/.test(p)), s.data.problems.join('\n'));
  await act({ type: 'home' });
  await settle(map.page);
  await map.page.waitForTimeout(200);
  const m = await markersInView();
  assert.ok(m.state.counts.visible > 10000);
  assert.ok(m.total <= 400, `${m.total} markers for ${m.state.counts.visible} cities`);
  assert.ok(m.groups.some((g) => g.count >= 100), 'dense regions make large clusters');
  // No two clusters' discs cover each other's centre (their counts stay readable).
  for (let i = 0; i < m.groups.length; i++)
    for (let j = i + 1; j < m.groups.length; j++)
      assert.ok(Math.hypot(m.groups[i].x - m.groups[j].x, m.groups[i].y - m.groups[j].y) > 8,
        `clusters of ${m.groups[i].count} and ${m.groups[j].count} on top of each other`);
  assert.ok(m.state.inset.markers <= 40 && m.state.inset.markers < m.state.inset.cities,
    `Mexico's ${m.state.inset.cities} cities in ${m.state.inset.markers} markers in the inset`);
  await map.page.screenshot({ path: join(outDir, 'web-dense-10000.png') });
});

test('thousands of links are drawn as bundles between the markers shown', async () => {
  // 2,000 links between the dense cities: drawn as one curve per pair of markers and network.
  const links = Array.from({ length: 2000 }, (_, i) => ({ id: `dense-link-${i}`, from: `dense-${i}`, to: `dense-${(i * 7919 + 1) % 10000}`,
                                                          network: i % 2 ? 'twinning' : 'south-south-exchange', year: 2010,
                                                          confidence: 'high', sources: [] }));
  const s = await map.page.evaluate((t) => window.atlas.loadData('dense-links.json', t),
    JSON.stringify({ format: 'atlas-sur/links', version: 1, links }));
  assert.equal(s.data.errors, 1, s.data.problems.join('\n'));
  assert.ok(s.counts.links >= 2000 && s.counts.linksBundled, `${s.counts.links} links, bundled`);
  await act({ type: 'home' });
  await settle(map.page);
  await map.page.waitForTimeout(200);
  // The bundles end at markers: no link's arrowheads at the map's edges, and the map stays drawn.
  const shot = await map.page.screenshot({ path: join(outDir, 'web-dense-links.png') });
  assert.ok(shot.length > 50000);
  const filtered = await act({ type: 'filter', fields: ['Design'] });
  assert.ok(filtered.counts.links < 600 && !filtered.counts.linksBundled, 'a filter that leaves few links draws them one by one');
  await act({ type: 'reset' });
});

test('a cluster opens onto its own members: zooming in splits it, never into pieces of its neighbours', async () => {
  await act({ type: 'home' });
  await settle(map.page);
  const panels = await call('panels');
  const inset = (await call('state')).inset;
  const clear = (c) => ![...panels, inset].some((r) => c.x > r.x - 20 && c.x < r.x + r.w + 20 && c.y > r.y - 20 && c.y < r.y + r.h + 20);
  const big = (await call('clusters')).filter(clear).sort((a, b) => b.count - a.count)[0];
  assert.ok(big && big.count >= 50, 'a large cluster in the open');
  await map.page.mouse.click(big.x, big.y);
  await map.page.waitForFunction(() => window.atlas.state().camera.moving);
  await settle(map.page);
  await map.page.waitForTimeout(200);
  const members = new Set(big.ids);
  const now = await call('clusters');
  // Every group now drawn that holds one of its members holds only its members.
  const touching = now.filter((c) => c.ids.some((id) => members.has(id)));
  assert.ok(touching.length >= 2, `it split into ${touching.length} groups`);
  for (const c of touching) assert.ok(c.ids.every((id) => members.has(id)), `a group of ${c.count} mixes in other cities`);
  await map.page.screenshot({ path: join(outDir, 'web-dense-opened.png') });
});

test('the accessible mirror lists the first 500 cities by name, says so, and its search reaches the others', async () => {
  await act({ type: 'reset' });
  const { page } = map;
  await page.waitForFunction(() => /first 500/.test(document.getElementById('mirror-cities').textContent), null, { timeout: 5000 });
  const listed = await page.evaluate(() => [...document.querySelectorAll('#mirror-cities button')].map((b) => b.textContent));
  assert.equal(listed.length, 500, 'a list a screen reader can go through');
  assert.deepEqual(listed, [...listed].sort(), 'in order of name');
  assert.ok(!listed.some((l) => l.startsWith('Dense 9999,')), 'Dense 9999 comes after the first 500 names');
  // Typed into the mirror's own search box, as a screen-reader user would, with the keyboard.
  await page.focus('#mirror-search-input');
  await page.keyboard.type('Dense 9999');
  const found = '#mirror-search-results button[data-id="dense-9999"]';
  await page.waitForSelector(found, { state: 'attached', timeout: 5000 });
  assert.equal(await page.inputValue('#mirror-search-input'), 'Dense 9999', 'what was typed stays in the box');
  assert.equal((await call('state')).search.query, 'Dense 9999', 'the map searched the same words');
  await page.evaluate((sel) => document.querySelector(sel).click(), found);
  await page.waitForFunction(() => window.atlas.state().selected === 'dense-9999', null, { timeout: 5000 });
  await act({ type: 'search', query: '' });
  await page.waitForFunction(() => document.querySelectorAll('#mirror-search-results button').length === 0, null, { timeout: 5000 });
});
