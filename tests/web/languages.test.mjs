// Three languages: the browser's language chooses the first, the switch changes every panel at
// once and keeps the view, and the link's language wins over the browser's.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { outDir, startServer } from './harness.mjs';

let server, browser;
before(async () => {
  server = await startServer();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader'],
  });
});
after(async () => { await browser?.close(); server?.stop(); });

async function open(locale, hash = '') {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale });
  await page.goto(server.url + hash);
  await page.waitForFunction(() => window.mapReady || window.mapError, null, { timeout: 90000 });
  assert.equal(await page.evaluate(() => window.mapError || null), null);
  return page;
}
const panelNames = (page) => page.evaluate(() => window.atlas.panels().map((p) => p.name).sort());

test('a Spanish (Mexico) browser starts in Spanish; the switch changes the panels and keeps the view', async () => {
  const page = await open('es-MX');
  try {
    assert.equal((await page.evaluate(() => window.atlas.state())).language, 'es');
    await page.evaluate(() => window.atlas.act({ type: 'select', id: 'mx-queretaro' }));
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(outDir, 'web-spanish.png') });
    const before = await page.evaluate(() => window.atlas.state());
    const names = await panelNames(page);
    // The switch is a real button in the timeline bar.
    const bar = (await page.evaluate(() => window.atlas.panels())).find((p) => p.name === 'Timeline');
    const fr = bar.items.find((i) => i.id === 'lang-fr');
    assert.ok(fr, 'the timeline bar has a FR button');
    await page.mouse.click(fr.x + fr.w / 2, fr.y + fr.h / 2);
    await page.waitForFunction(() => window.atlas.state().language === 'fr');
    const after = await page.evaluate(() => window.atlas.state());
    for (const key of ['selected', 'filters', 'counts', 'network'])
      assert.deepEqual(after[key], before[key], `${key} kept`);
    assert.deepEqual(await panelNames(page), names, 'panel ids do not depend on the language');
    const strings = await page.evaluate(() => window.atlas.strings());
    assert.equal(strings.language, 'fr');
    assert.equal(strings.strings['Copy link'], 'Copier le lien');
    const filters = (await page.evaluate(() => window.atlas.panels())).find((p) => p.name === 'Filters');
    assert.ok(filters, 'the Filters panel keeps its id');
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(outDir, 'web-french.png') });
    assert.match(await page.evaluate(() => location.hash), /lang=fr/);
  } finally { await page.close(); }
});

test('an English browser starts in English; a link with lang=es opens in Spanish', async () => {
  const en = await open('en-US');
  try { assert.equal((await en.evaluate(() => window.atlas.state())).language, 'en'); } finally { await en.close(); }
  const linked = await open('en-US', '#lang=es&s=mx-puebla');
  try {
    const s = await linked.evaluate(() => window.atlas.state());
    assert.equal(s.language, 'es');
    assert.equal(s.selected, 'mx-puebla');
  } finally { await linked.close(); }
});

test('a language the app has no catalogue for falls back to English, with a notice from a link', async () => {
  const page = await open('de-DE', '#lang=de');
  try {
    const s = await page.evaluate(() => window.atlas.state());
    assert.equal(s.language, 'en');
    assert.ok(s.viewNotices.some((n) => n.includes('"de"')), JSON.stringify(s.viewNotices));
    assert.ok(await page.evaluate(() => window.atlas.act({ type: 'language', lang: 'de' }).error));
  } finally { await page.close(); }
});
