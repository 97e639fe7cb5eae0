// Screen readers and browsers without the map (issue 10): the accessible HTML mirror of the canvas
// (web/mirror.js) checked by axe-core and against the map itself; the city list shown when
// WebGL 2 or WebAssembly is missing, and linked when JavaScript is off.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openMap, root, settle, startServer } from './harness.mjs';

const axeSource = readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
let server, browser, page;
before(async () => {
  server = await startServer();
  ({ browser, page } = await openMap(server.url));
  await page.waitForFunction(() => document.querySelectorAll('#mirror-cities button').length > 0, null, { timeout: 10000 });
});
after(async () => { await browser?.close(); server?.stop(); });

// axe-core on the page: the violations of impact serious or critical (the others are printed).
async function axe(p, what) {
  await p.addScriptTag({ content: axeSource });
  const violations = await p.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, where: v.nodes.slice(0, 2).map((n) => n.target.join(' ')) })));
  for (const v of violations) console.log(`axe, ${what}: ${v.impact} ${v.id} (${v.nodes}) ${v.where.join('; ')}`);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
const mirrorIds = (p) => p.evaluate(() => [...document.querySelectorAll('#mirror-cities button')].map((b) => b.dataset.id).sort());
const visibleIds = (p) => p.evaluate(() => window.atlas.visibleCities().map((c) => c.id).sort());
const waitMirror = (p, check, arg) => p.waitForFunction(check, arg, { timeout: 5000 });

test('axe-core finds nothing serious or critical on the page; the canvas and the landmarks are named', async () => {
  assert.deepEqual(await axe(page, 'the map'), []);
  const named = await page.evaluate(() => ({
    canvas: document.getElementById('canvas').getAttribute('aria-label'),
    role: document.getElementById('canvas').getAttribute('role'),
    main: !!document.querySelector('main #canvas'),
    h1: document.querySelector('h1').textContent,
    h2: [...document.querySelectorAll('#mirror h2')].map((h) => h.textContent),
  }));
  assert.equal(named.role, 'img');
  assert.match(named.canvas, /Showing \d+ of \d+ cities/);
  assert.ok(named.main, 'the canvas is in the main landmark');
  assert.match(named.h1, /Atlas Sur/);
  assert.ok(named.h2.includes('Filters') && named.h2.includes('Cities on the map'), named.h2.join(', '));
});

test('the mirror lists the cities the map shows, and follows the filters', async () => {
  assert.deepEqual(await mirrorIds(page), await visibleIds(page));
  // The filters are real form controls: a field's box cleared here filters the map.
  const box = await page.evaluateHandle(() => [...document.querySelectorAll('#mirror-filters input[type=checkbox]')]
    .find((i) => i.parentElement.textContent.includes('Gastronomy')));
  await box.evaluate((b) => b.click());
  await page.waitForFunction(() => !window.atlas.state().filters.fields.includes('Gastronomy'), null, { timeout: 5000 });
  await waitMirror(page, (n) => document.querySelectorAll('#mirror-cities button').length === n,
                   (await visibleIds(page)).length);
  assert.deepEqual(await mirrorIds(page), await visibleIds(page));
  await page.evaluate(() => window.atlas.act({ type: 'reset' }));
  await waitMirror(page, (n) => document.querySelectorAll('#mirror-cities button').length === n, (await visibleIds(page)).length);
});

test('a city chosen on the canvas is read out in the mirror; one chosen in the mirror is selected on the map', async () => {
  await page.evaluate(() => window.atlas.act({ type: 'flyTo', id: 'mx-oaxaca' }));
  await settle(page);
  const at = await page.evaluate(() => window.atlas.screenPosition('mx-oaxaca'));
  await page.mouse.click(at.x, at.y);
  await page.waitForFunction(() => window.atlas.state().selected === 'mx-oaxaca', null, { timeout: 5000 });
  await waitMirror(page, () => document.querySelector('#mirror-details h2')?.textContent.includes('Oaxaca'));
  await waitMirror(page, () => document.getElementById('mirror-live').textContent.includes('Oaxaca'));
  const details = await page.evaluate(() => ({
    items: [...document.querySelectorAll('#mirror-details li')].map((li) => li.textContent),
    pressed: document.querySelector('#mirror-cities button[aria-pressed=true]')?.dataset.id,
    links: [...document.querySelectorAll('#mirror-links button')].map((b) => b.dataset.id),
  }));
  assert.ok(details.items.some((t) => /World Heritage since 1987/.test(t)), details.items.join(' | '));
  assert.equal(details.pressed, 'mx-oaxaca');
  assert.ok(details.links.length > 0, 'its links are listed');

  // A partner chosen in the mirror's links becomes the selection on the map.
  const partner = details.links[0];
  await page.evaluate((id) => document.querySelector(`#mirror-links button[data-id="${id}"]`).click(), partner);
  await page.waitForFunction((id) => window.atlas.state().selected === id, partner, { timeout: 5000 });
  await waitMirror(page, (id) => document.querySelector('#mirror-cities button[aria-pressed=true]')?.dataset.id === id, partner);
});

test("the mirror's list keeps a name with quotes, a backslash and markup as written", async () => {
  const name = 'Quote "Q" \\ <b>back</b> & ñ';
  const file = { format: 'atlas-sur/cities', version: 1, cities: [{ id: 'zz-quoted', name, localName: name, country: 'MX',
    lat: 20.5, lon: -100.4, designations: [{ network: 'uccn', field: 'design', year: 2010, status: 'current', confidence: 'high', sources: [] }] }] };
  await page.evaluate((t) => window.atlas.loadData('quoted.json', new TextEncoder().encode(t)), JSON.stringify(file));
  await waitMirror(page, () => !!document.querySelector('#mirror-cities button[data-id="zz-quoted"]'));
  const shown = await page.evaluate(() => document.querySelector('#mirror-cities button[data-id="zz-quoted"]').textContent);
  assert.ok(shown.startsWith(name + ','), shown);
  assert.deepEqual(await mirrorIds(page), await visibleIds(page));
  await page.evaluate(() => window.atlas.resetData());
  await waitMirror(page, () => !document.querySelector('#mirror-cities button[data-id="zz-quoted"]'));
});

test('the mirror follows the language', async () => {
  await page.evaluate(() => window.atlas.act({ type: 'language', lang: 'es' }));
  await waitMirror(page, () => document.documentElement.lang === 'es');
  await waitMirror(page, () => [...document.querySelectorAll('#mirror h2')].some((h) => h.textContent === 'Filtros'));
  assert.match(await page.evaluate(() => document.getElementById('canvas').getAttribute('aria-label')), /Se muestran \d+ de \d+ ciudades/);
  await page.evaluate(() => window.atlas.act({ type: 'language', lang: 'en' }));
});

test('without WebGL 2 the page says why and lists every city; without JavaScript it links to the lists', async () => {
  const cities = JSON.parse(readFileSync(join(root, 'assets', 'data', 'cities.json'), 'utf8')).cities.length;
  const noGl = await launch(['--disable-webgl', '--disable-3d-apis']);
  try {
    const p = await noGl.newPage({ locale: 'es-MX' });
    await p.goto(server.url);
    await p.waitForFunction(() => document.querySelectorAll('#fallback tbody tr').length > 0, null, { timeout: 20000 });
    const shown = await p.evaluate(() => ({
      notice: document.querySelector('#fallback [role=alert]').textContent,
      rows: document.querySelectorAll('#fallback tbody tr').length,
      lang: document.documentElement.lang, error: window.mapError,
    }));
    assert.match(shown.notice, /WebGL 2/);
    assert.equal(shown.lang, 'es');
    assert.equal(shown.rows, cities);
    assert.match(shown.error, /WebGL 2/);
    await p.screenshot({ path: join(root, 'tests', 'out', 'fallback-no-webgl2.png') });
    assert.deepEqual(await axe(p, 'the list without WebGL 2'), []);
  } finally { await noGl.close(); }

  const plain = await launch();
  try {
    const context = await plain.newContext({ javaScriptEnabled: false });
    const p = await context.newPage();
    await p.goto(server.url);
    assert.equal(await p.locator('#noscript a[href="cities.es.html"]').count(), 1, 'the message links to the Spanish list');
    await p.goto(server.url + 'cities.fr.html');
    assert.equal(await p.locator('tbody tr').count(), cities);
    assert.equal(await p.getAttribute('html', 'lang'), 'fr');
  } finally { await plain.close(); }
});
