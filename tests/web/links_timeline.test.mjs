// Issue 4 in the browser: links, the timeline, networks, clusters, labels and the inset of Mexico.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { outDir, root, settle, useMap } from './harness.mjs';
import { cities } from './expected.mjs';

const links = JSON.parse(readFileSync(join(root, 'assets', 'data', 'links.json'), 'utf8')).links;
const map = useMap();
const { act, call } = map;

// The documented rule: a city shows when a current designation's year has come; a link when both
// its cities show and its year (if any) has come.
function expectedAt(year) {
  const shown = new Set(cities.filter((c) => c.designations.some((d) => d.status !== 'former' && d.year <= year)).map((c) => c.id));
  const drawn = links.filter((l) => shown.has(l.from) && shown.has(l.to) && (!l.year || l.year <= year)).map((l) => l.id).sort();
  return { shown: [...shown].sort(), drawn };
}

test('after setting a year, the cities and links shown are exactly those of the data up to it', async () => {
  for (const year of [1987, 2004, 2010, 2015, 2019, 2020, 2022, 2025]) {
    const s = await act({ type: 'year', year });
    assert.equal(s.timeline.year, year);
    const e = expectedAt(year);
    assert.deepEqual((await call('visibleCities')).map((c) => c.id).sort(), e.shown, `cities ${year}`);
    assert.deepEqual((await call('links')).map((l) => l.id).sort(), e.drawn, `links ${year}`);
  }
  // The Mexican Network of Creative Cities appears in 2020, its year.
  assert.equal((await act({ type: 'year', year: 2019 })).counts.links < (await act({ type: 'year', year: 2020 })).counts.links, true);
  const y = await act({ type: 'year', year: 2017 });
  assert.equal(y.timeline.year, 2017);
  await map.page.waitForTimeout(150);
  await map.page.screenshot({ path: join(outDir, 'web-timeline-2017.png') });
  await act({ type: 'reset' });
});

test('networks: choosing one, and drawing it as a hub', async () => {
  await settle(map.page);
  let s = await act({ type: 'network', id: 'mx-creative-network' });
  assert.equal(s.network, 'mx-creative-network');
  s = await act({ type: 'networkStyle', style: 'hub' });
  const drawn = await call('links');
  const spokes = drawn.filter((l) => l.to === 'hub:mx-creative-network');
  assert.equal(spokes.length, 8, 'one spoke per signatory');
  assert.equal(drawn.filter((l) => l.kind === 'mx-creative-network' && l.to !== 'hub:mx-creative-network').length, 0);
  s = await act({ type: 'networkStyle', style: 'pairs' });
  assert.equal((await call('links')).filter((l) => l.kind === 'mx-creative-network').length, 28, 'all 28 pairs');
  assert.match((await act({ type: 'network', id: 'no-such-network' })).error, /no network/);
  await act({ type: 'network', id: null });
});

test('choosing a partner in the Links panel selects it and flies there', async () => {
  await act({ type: 'reducedMotion', on: false });
  await act({ type: 'select', id: 'mx-mexico-city' });
  await map.page.waitForTimeout(250);
  let panel = (await call('panels')).find((p) => p.name.startsWith('Links'));
  assert.ok(panel, 'the Links panel is open');
  assert.ok(panel.items.some((i) => i.id === 'cn-luoyang'), 'Luoyang is listed as a partner of Mexico City');
  // From Luoyang, its partner Mexico City: a flight across the Pacific.
  await act({ type: 'select', id: 'cn-luoyang' });
  await act({ type: 'flyTo', id: 'cn-luoyang' });
  await settle(map.page);
  panel = (await call('panels')).find((p) => p.name.startsWith('Links'));
  const item = panel.items.find((i) => i.id === 'mx-mexico-city');
  assert.ok(item.y >= panel.y && item.y + item.h <= panel.y + panel.h, 'the entry is visible in the panel');
  await map.page.mouse.click(item.x + item.w / 2, item.y + item.h / 2);
  await map.page.waitForFunction(() => window.atlas.state().selected === 'mx-mexico-city');
  const zoomBefore = (await call('state')).camera.zoom;
  let minZoom = zoomBefore;
  while ((await call('state')).camera.moving) minZoom = Math.min(minZoom, (await call('state')).camera.zoom);
  assert.ok(minZoom < zoomBefore * 0.7, `the flight zooms out on the way (${zoomBefore.toFixed(1)} -> ${minZoom.toFixed(1)})`);
  const s = await call('state');
  const p = await call('screenPosition', 'mx-mexico-city');
  assert.ok(Math.abs(p.x - s.camera.focus[0]) < 2 && Math.abs(p.y - s.camera.focus[1]) < 2, 'Mexico City is where the flight ends');
  // With reduced motion the same choice is a cut.
  await act({ type: 'reducedMotion', on: true });
  await act({ type: 'flyTo', id: 'mx-mexico-city' });
  assert.equal((await call('state')).camera.moving, false);
  await act({ type: 'reducedMotion', on: false });
});

test('dense regions: clusters open on click, labels never overlap, Mexico has its inset', async () => {
  await act({ type: 'reset' });
  await act({ type: 'select', id: null });
  await settle(map.page);
  await map.page.waitForTimeout(150);
  const clusters = await call('clusters');
  assert.ok(clusters.length > 5, 'close markers are grouped at world zoom');
  const panels = await call('panels');
  const inset = (await call('state')).inset;
  const clear = (c) => ![...panels, inset].some((r) => c.x > r.x - 10 && c.x < r.x + r.w + 10 && c.y > r.y - 10 && c.y < r.y + r.h + 10);
  const big = clusters.filter(clear).sort((a, b) => b.count - a.count)[0];
  assert.ok(big && big.count >= 3, 'a cluster of three or more in the open');
  const labels = await call('labels');
  assert.ok(labels.length > 20, `${labels.length} names placed`);
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) {
      const a = labels[i], b = labels[j];
      assert.ok(!(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h), `${a.text} / ${b.text}`);
    }
  const s = await call('state');
  assert.ok(s.inset && s.inset.cities === 20, 'the inset shows all 20 Mexican cities');
  await map.page.screenshot({ path: join(outDir, 'web-world-clusters.png') });
  // Clicking a cluster flies in until its cities stand apart.
  await map.page.mouse.click(big.x, big.y);
  await map.page.waitForFunction(() => window.atlas.state().camera.moving);  // the click's frame ran
  await settle(map.page);
  const after = await call('state');
  assert.ok(after.camera.zoom > s.camera.zoom * 2, 'zoomed into the cluster');
  const shownIds = new Set((await call('clusters')).flatMap((c) => c.ids));
  assert.ok(big.ids.some((id) => !shownIds.has(id)), 'some of its cities now stand alone');
  // Mexico's cities are clicked in the inset at world zoom.
  await act({ type: 'home' });
  await settle(map.page);
  const q = await call('screenPosition', 'mx-queretaro');
  assert.ok(q.inset, 'Querétaro is shown in the inset');
  await map.page.mouse.move(q.x, q.y);
  await map.page.mouse.click(q.x, q.y);
  await map.page.waitForFunction(() => window.atlas.state().selected === 'mx-queretaro');
  await map.page.waitForTimeout(150);
  await map.page.screenshot({ path: join(outDir, 'web-world-inset-selected.png') });
  await act({ type: 'fit', ids: ['mx-ensenada', 'mx-merida'] });
  await settle(map.page);
  await map.page.screenshot({ path: join(outDir, 'web-mexico.png') });
});

test("with a city selected, the inset of Mexico keeps clear of the Details and Links column and the map's buttons", async () => {
  const overlap = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  const check = async (size) => {
    await map.page.setViewportSize(size);
    await act({ type: 'reset' });
    await act({ type: 'select', id: 'mx-puebla' });
    await settle(map.page);
    await map.page.waitForTimeout(200);  // the panels are laid out, then the inset placed beside them
    const s = await call('state'), panels = await call('panels');
    await map.page.screenshot({ path: join(outDir, `web-inset-selected-${size.width}.png`) });
    for (const p of panels) assert.ok(!s.inset || !overlap(s.inset, p), `${size.width}x${size.height}: the inset ${JSON.stringify(s.inset)} covers a panel ${JSON.stringify(p)}`);
    // The column's two panels one above the other, not one under the other (the Links panel lets
    // what is behind it show: the Details' lines did).
    const details = panels.find((p) => p.name.startsWith('Details')), linked = panels.find((p) => p.name.startsWith('Links'));
    assert.ok(details && linked && details.y + details.h <= linked.y, `${size.width}x${size.height}: Details ${JSON.stringify(details)} reach under Links ${JSON.stringify(linked)}`);
    return s.inset;
  };
  try {
    // Wide: it moves left of the column; at 1280 the map beside it is too narrow, and it waits.
    assert.ok(await check({ width: 1920, height: 1080 }), 'at 1920x1080 it is shown beside the column');
    await check({ width: 1280, height: 800 });
    await act({ type: 'select', id: null });
    await settle(map.page);
    await map.page.waitForTimeout(200);
    assert.ok((await call('state')).inset, 'at 1280x800 it is back once no city is selected');
  } finally {
    await map.page.setViewportSize({ width: 1280, height: 800 });
    await act({ type: 'reset' });
    await settle(map.page);
  }
});

test('frame time while the timeline plays with every link visible (measured, printed)', async () => {
  await act({ type: 'reset' });
  await settle(map.page);
  await act({ type: 'speed', yearsPerSecond: 4 });
  await map.page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (t) => { window.__frames.push(t - last); last = t; if (window.atlas.state().timeline.playing) requestAnimationFrame(tick); };
    window.atlas.act({ type: 'play' });
    requestAnimationFrame(tick);
  });
  await map.page.waitForFunction(() => !window.atlas.state().timeline.playing, null, { timeout: 60000 });
  const s = await call('state');
  assert.equal(s.timeline.year, 2025);
  assert.equal(s.counts.links, links.length, 'every link is drawn at the end');
  const { deltas, stats } = await map.page.evaluate(() => ({ deltas: window.__frames.slice(2), stats: window.atlas.frameStats() }));
  deltas.sort((a, b) => a - b);
  const m = { frames: deltas.length, frameIntervalMedianMs: +deltas[deltas.length >> 1].toFixed(1),
              frameIntervalP95Ms: +deltas[Math.floor(deltas.length * 0.95)].toFixed(1),
              appCpuMeanMs: +stats.meanMs.toFixed(2), appCpuP95Ms: +stats.p95Ms.toFixed(2) };
  writeFileSync(join(outDir, 'web-timeline-metrics.json'), JSON.stringify(m, null, 2));
  console.log('timeline playing:', JSON.stringify(m));
  assert.ok(deltas.length > 20);
});
