// The keyboard alone (issue 10): from the page's load, walk to a city and open it, open one of its
// link partners, and change a filter, without touching the mouse. Tab goes from panel to panel with
// a focus ring, arrows move inside one, Space or Enter presses, Esc goes back to the map.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openMap, outDir, settle, startServer } from './harness.mjs';

let server, browser, page;
before(async () => {
  server = await startServer();
  ({ browser, page } = await openMap(server.url));
});
after(async () => { await browser?.close(); server?.stop(); });

const state = () => page.evaluate(() => window.atlas.state());
const panel = async (name) => (await page.evaluate(() => window.atlas.panels())).find((p) => p.name === name);
const press = async (key) => {
  await page.keyboard.press(key);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
};
// Presses Tab until `name` has the keyboard (at most `limit` times).
async function tabTo(name, limit = 14) {
  for (let i = 0; i < limit; i++) {
    await press('Tab');
    if ((await panel(name))?.focused) return panel(name);
  }
  throw new Error(`Tab never reached ${name}: ${JSON.stringify((await page.evaluate(() => window.atlas.panels())).map((p) => [p.name, p.focused]))}`);
}
const sameRow = (a, b) => Math.abs((a.y + a.h / 2) - (b.y + b.h / 2)) < Math.max(a.h, b.h) / 2;

test('keys alone: N walks the cities nearest first and Enter opens one; Tab reaches a link partner and a filter', async () => {
  // N: the cities on the map one by one, nearest first; the map brings each into the middle.
  const linked = new Set((await page.evaluate(() => window.atlas.links())).flatMap((l) => [l.from, l.to]));
  const visible = new Set((await page.evaluate(() => window.atlas.visibleCities())).map((c) => c.id));
  const walked = [];
  for (let i = 0; i < 60; i++) {
    await press('n');
    const id = (await state()).hovered;
    assert.ok(visible.has(id), `N walked to ${id}, a city on the map`);
    assert.ok(!walked.includes(id), `${id} came twice`);
    walked.push(id);
    if (i >= 1 && linked.has(id)) break;
  }
  const city = walked.at(-1);
  assert.ok(linked.has(city), `a city with links among ${walked.length} walked`);
  await press('Shift+N');
  assert.equal((await state()).hovered, walked.at(-2), 'Shift+N goes back');
  await press('n');
  await settle(page);
  const at = await page.evaluate((id) => window.atlas.screenPosition(id), city);
  assert.ok(at.x > 380 && at.x < 1200 && at.y > 60 && at.y < 760, `the map followed: ${city} at ${at.x},${at.y}`);
  await page.screenshot({ path: join(outDir, 'keyboard-walk.png') });
  await press('Enter');
  assert.equal((await state()).selected, city, 'Enter opened the walked city');
  assert.equal((await state()).hovered, null, "the walk's ring and tooltip go once the city is open");

  // Tab to the Links panel: the focus ring on its first partner; Enter selects that partner.
  const links = await tabTo('Links');
  assert.ok(links.focus, 'a control of Links has the focus ring');
  const partner = links.items.find((it) => sameRow(it, links.focus));
  assert.ok(partner, `the ring ${JSON.stringify(links.focus)} is on a partner: ${JSON.stringify(links.items)}`);
  await page.screenshot({ path: join(outDir, 'keyboard-links.png') });
  await press('Enter');
  await page.waitForFunction((id) => window.atlas.state().selected === id, partner.id, { timeout: 5000 });

  // Tab on to the Filters panel; arrows down to a city group's box; Space clears it.
  const before = (await state()).filters.networks;
  let filters = await tabTo('Filters');
  const box = filters.items.find((it) => it.id === 'group-uccn');
  for (let i = 0; i < 12 && !(filters.focus && sameRow(filters.focus, box)); i++) {
    await press('ArrowDown');
    filters = await panel('Filters');
  }
  assert.ok(filters.focus && sameRow(filters.focus, box), `the ring reached the Creative Cities box: ${JSON.stringify(filters.focus)}`);
  await page.screenshot({ path: join(outDir, 'keyboard-filter.png') });
  await press('Space');
  const after = (await state()).filters.networks;
  assert.ok(before.includes('uccn') && !after.includes('uccn'), `networks ${before} -> ${after}`);

  // Esc: back to the map, where the keys move it again.
  await press('Escape');
  assert.ok(!(await page.evaluate(() => window.atlas.panels())).some((p) => p.focused), 'no panel has the keyboard');
  const lon = (await state()).camera.lon;
  await press('ArrowRight');
  await settle(page);
  assert.ok((await state()).camera.lon !== lon, 'the arrows move the map again');
});
