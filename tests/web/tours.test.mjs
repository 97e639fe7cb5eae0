// Tours and presenter mode in the browser: a clicker's keys walk a whole tour, presenter mode makes
// what an audience reads at least twice as tall and P gives the layout back, and the presenter
// console in a second window drives the map window and follows it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openMap, outDir, root, settle, startServer } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

const tours = readdirSync(join(root, 'assets', 'tours')).flatMap(
  (f) => JSON.parse(readFileSync(join(root, 'assets', 'tours', f), 'utf8')).tours);
const state = (page) => page.evaluate(() => window.atlas.state());
const panel = (panels, name) => panels.find((p) => p.name === name);
// Waits for the frame that shows a change (the address is published on drawn frames).
const frame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

// What a step must show: what it names, or the default (everything, nothing selected).
function expected(step, defaults) {
  const v = step.view || {};
  return { selected: v.selected ?? null, network: v.network ?? null, region: v.region ?? 'world',
           networks: v.networks ?? defaults.networks };
}

test('atlas.tours() lists the shipped tours in the page language', async () => {
  const { browser, page } = await openMap(server.url);
  try {
    const listed = await page.evaluate(() => window.atlas.tours());
    assert.deepEqual(listed.map((t) => t.id).sort(), tours.map((t) => t.id).sort());
    for (const t of listed) {
      const file = tours.find((x) => x.id === t.id);
      assert.equal(t.title, file.title.en);
      assert.equal(t.steps, file.steps.length);
      assert.equal(t.outline.length, file.steps.length);
    }
    await page.evaluate(() => window.atlas.act({ type: 'language', lang: 'es' }));
    const spanish = await page.evaluate(() => window.atlas.tours());
    assert.equal(spanish[0].title, tours.find((x) => x.id === spanish[0].id).title.es);
  } finally { await browser.close(); }
});

test('a tour file loads at run time like a data file; a bad step is listed, the rest loads', async () => {
  const { browser, page } = await openMap(server.url);
  try {
    const file = { format: 'atlas-sur/tours', version: 1, tours: [{ id: 'my-visit', title: { en: 'My visit', es: 'Mi visita', fr: 'Ma visite' },
      steps: [{ title: { en: 'Puebla', es: 'Puebla', fr: 'Puebla' }, view: { selected: 'mx-puebla' }, fit: ['mx-puebla'] },
              { title: { en: 'Nowhere', es: 'Ninguna parte', fr: 'Nulle part' }, view: { selected: 'xx-atlantis' } }] }] };
    const s = await page.evaluate((f) => window.atlas.loadData('my-visit.json', JSON.stringify(f)), file);
    assert.ok(s.data.problems.some((p) => p.includes('my-visit.json: /tours/0/steps/1/view (my-visit step 2): view: no city with id "xx-atlantis"')),
              JSON.stringify(s.data.problems));
    const listed = await page.evaluate(() => window.atlas.tours());
    assert.equal(listed.length, tours.length + 1);
    assert.equal(listed.find((t) => t.id === 'my-visit').steps, 1);
    await page.evaluate(() => window.atlas.act({ type: 'tour', id: 'my-visit' }));
    assert.equal((await state(page)).selected, 'mx-puebla');
    // The same tour again, corrected, replaces it (tours merge by id like every record).
    file.tours[0].steps[1].view.selected = 'mx-merida';
    await page.evaluate((f) => window.atlas.loadData('my-visit-2.json', JSON.stringify(f)), file);
    assert.equal((await page.evaluate(() => window.atlas.tours())).find((t) => t.id === 'my-visit').steps, 2);
    assert.deepEqual((await state(page)).tour, { id: 'my-visit', step: 1, steps: 2 }, 'the tour running stays');
  } finally { await browser.close(); }
});

test('a clicker walks a whole tour: PageDown, PageUp, Home and Esc', async () => {
  const { browser, page } = await openMap(server.url, { width: 1280, height: 720 });
  try {
    const defaults = (await state(page)).filters;
    const tour = tours.find((t) => t.id === 'heritage-sustainable-tourism');
    await page.evaluate(() => window.atlas.act({ type: 'tour', id: 'heritage-sustainable-tourism' }));
    await page.locator('#canvas').focus();
    for (let k = 0; k < tour.steps.length; ++k) {
      if (k > 0) await page.keyboard.press('PageDown');
      await frame(page);
      const s = await state(page);
      assert.deepEqual(s.tour, { id: tour.id, step: k + 1, steps: tour.steps.length }, `after ${k} PageDown`);
      const want = expected(tour.steps[k], defaults);
      assert.deepEqual({ selected: s.selected, network: s.network, region: s.filters.region, networks: s.filters.networks },
                       want, `step ${k + 1}`);
      assert.ok(new URL(await page.evaluate(() => location.href)).hash.includes(`step=${k + 1}`), 'the address holds the step');
    }
    await page.keyboard.press('PageDown');  // past the end: stays
    await frame(page);
    assert.equal((await state(page)).tour.step, tour.steps.length);
    await page.keyboard.press('PageUp');
    await page.keyboard.press('ArrowLeft');
    await frame(page);
    assert.equal((await state(page)).tour.step, tour.steps.length - 2);
    await page.keyboard.press('Home');
    await frame(page);
    assert.equal((await state(page)).tour.step, 1);
    await page.keyboard.press('Space');
    await frame(page);
    assert.equal((await state(page)).tour.step, 2, 'Space is next during a tour');
    await settle(page);
    const before = await state(page);
    await page.keyboard.press('Escape');
    await frame(page);
    const left = await state(page);
    assert.equal(left.tour, null);
    assert.equal(left.selected, before.selected, 'leaving the tour keeps the map as it is');
    assert.deepEqual(left.filters, before.filters);
    // Back in the browser walks back into the tour's steps (each step is a history entry).
    await page.goBack();
    await page.waitForFunction(() => window.atlas.state().tour?.step === 2);
  } finally { await browser.close(); }
});

test('presenter mode: twice as tall to read, the map gets the window, P gives the layout back', async () => {
  const { browser, page } = await openMap(server.url, { width: 1280, height: 720 });
  try {
    await page.evaluate(() => window.atlas.act({ type: 'tour', id: 'mexican-creative-network', step: 2 }));
    await settle(page);
    await frame(page);
    const normal = { fonts: await page.evaluate(() => window.atlas.fonts()), panels: await page.evaluate(() => window.atlas.panels()) };
    await page.locator('#canvas').focus();
    await page.keyboard.press('p');
    await frame(page);
    await frame(page);
    const s = await state(page);
    assert.equal(s.presenter, true);
    const presenter = { fonts: await page.evaluate(() => window.atlas.fonts()), panels: await page.evaluate(() => window.atlas.panels()) };
    assert.equal(presenter.fonts.presenter, true);
    // The four sizes share one copy of the font file, rasterised again or not.
    assert.equal(normal.fonts.fileCopies, 0);
    assert.equal(presenter.fonts.fileCopies, 0);
    assert.ok(presenter.fonts.caption >= 2 * normal.fonts.caption, JSON.stringify([normal.fonts, presenter.fonts]));
    assert.ok(presenter.fonts.year >= 2 * normal.fonts.year);
    // Measured on screen too: the year's window and the caption's line are at least twice as tall.
    const year = (p) => panel(p, 'Year');
    assert.ok(year(normal.panels) && year(presenter.panels), 'the year is shown in both layouts');
    assert.ok(year(presenter.panels).h >= 1.9 * year(normal.panels).h, `${year(normal.panels).h} -> ${year(presenter.panels).h}`);
    const caption = (p) => panel(p, 'Tour').items.find((i) => i.id === 'caption');
    assert.ok(caption(presenter.panels).h > caption(normal.panels).h, 'the caption takes more room');
    // Only what the audience reads: no side panels; the map's free part is the whole width.
    for (const name of ['Filters', 'Search', 'Timeline', 'Tours', 'Details', 'Statistics'])
      assert.equal(panel(presenter.panels, name), undefined, `${name} is hidden`);
    assert.ok(panel(presenter.panels, 'Presenter legend'));
    await page.screenshot({ path: join(outDir, 'presenter-1280x720.png') });

    await page.keyboard.press('b');
    await frame(page);
    assert.equal((await state(page)).blank, true);
    const blank = await page.screenshot();
    await page.keyboard.press('b');
    await frame(page);
    assert.equal((await state(page)).blank, false);
    writeFileSync(join(outDir, 'presenter-blank.png'), blank);

    await page.keyboard.press('p');
    await frame(page);
    await frame(page);
    const back = { fonts: await page.evaluate(() => window.atlas.fonts()), panels: await page.evaluate(() => window.atlas.panels()) };
    assert.deepEqual(back.fonts, normal.fonts);
    const shape = (ps) => ps.map(({ name, x, y, w, h, collapsed }) => ({ name, x, y, w, h, collapsed }))
      .sort((a, b) => a.name.localeCompare(b.name));
    assert.deepEqual(shape(back.panels), shape(normal.panels), 'P again restores exactly the layout');
  } finally { await browser.close(); }
});

test('screenshots of a tour step in presenter mode at 1280x720 and 1920x1080; the frame time of a flight', async () => {
  const metrics = {};
  for (const [width, height] of [[1280, 720], [1920, 1080]]) {
    const { browser, page } = await openMap(server.url, { width, height });
    try {
      await page.evaluate(() => window.atlas.act({ type: 'presenter', on: true }));
      await page.evaluate(() => window.atlas.act({ type: 'tour', id: 'heritage-sustainable-tourism', step: 4 }));
      await settle(page);
      await frame(page);
      await page.screenshot({ path: join(outDir, `presenter-tour-${width}x${height}.png`) });
      // The flight to the next step, frame by frame as the browser draws it.
      await page.evaluate(() => window.atlas.act({ type: 'tourNext' }));
      const ms = await page.evaluate(() => new Promise((resolve) => {
        const times = [];
        let last = performance.now();
        (function tick() {
          const now = performance.now();
          times.push(now - last);
          last = now;
          if (window.atlas.state().camera.moving || times.length < 5) requestAnimationFrame(tick);
          else resolve(times.slice(1));
        })();
      }));
      ms.sort((a, b) => a - b);
      metrics[`${width}x${height}`] = { frames: ms.length, medianMs: +ms[ms.length >> 1].toFixed(1),
                                        p95Ms: +ms[Math.floor(ms.length * 0.95)].toFixed(1) };
      const stats = await page.evaluate(() => window.atlas.frameStats());
      metrics[`${width}x${height}`].cpuP95Ms = +stats.p95Ms.toFixed(1);
      await settle(page);
      await frame(page);
      await page.screenshot({ path: join(outDir, `presenter-tour-next-${width}x${height}.png`) });
    } finally { await browser.close(); }
  }
  writeFileSync(join(outDir, 'tour-flight-metrics.json'), JSON.stringify(metrics, null, 2));
  console.log('tour flight frame times (software GL):', JSON.stringify(metrics));
});

test('the presenter console in a second window drives the map and follows it', async () => {
  const { browser, page } = await openMap(server.url, { width: 1280, height: 800 });
  try {
    // Open it as a person would: the Tours panel's button.
    let panels = await page.evaluate(() => window.atlas.panels());
    const toursPanel = panel(panels, 'Tours');
    await page.mouse.click(toursPanel.x + 22, toursPanel.y + toursPanel.h / 2);  // its arrow opens it
    await frame(page);
    await page.waitForFunction(() => {  // open, and its button inside it
      const t = window.atlas.panels().find((p) => p.name === 'Tours');
      const b = t?.items.find((i) => i.id === 'console');
      return t && !t.collapsed && b && b.y >= t.y && b.y + b.h <= t.y + t.h;
    });
    panels = await page.evaluate(() => window.atlas.panels());
    const button = panel(panels, 'Tours').items.find((i) => i.id === 'console');
    const [consolePage] = await Promise.all([page.context().waitForEvent('page'),
                                             page.mouse.click(button.x + button.w / 2, button.y + button.h / 2)]);
    await consolePage.waitForFunction(() => window.consoleStatus && window.consoleStatus());
    // The console drives the map.
    await consolePage.selectOption('#tours', 'creative-cities-growth');
    await consolePage.click('#start');
    await page.waitForFunction(() => window.atlas.state().tour?.id === 'creative-cities-growth');
    await consolePage.click('#next');
    await page.waitForFunction(() => window.atlas.state().tour?.step === 2);
    await consolePage.keyboard.press('PageDown');
    await page.waitForFunction(() => window.atlas.state().tour?.step === 3);
    await consolePage.click('#presenter');
    await page.waitForFunction(() => window.atlas.state().presenter === true);
    // The map drives the console: it shows the current and next steps and the notes.
    await page.evaluate(() => window.atlas.act({ type: 'tourNext' }));
    const growth = tours.find((t) => t.id === 'creative-cities-growth');
    await consolePage.waitForFunction((title) => document.getElementById('current-title').textContent === title,
                                      growth.steps[3].title.en);
    assert.equal(await consolePage.textContent('#next-title'), growth.steps[4].title.en);
    assert.match(await consolePage.textContent('#counter'), /Step 4 of 8/);
    // The map window keeps drawing while the console has the focus (its timeline plays the round).
    await consolePage.bringToFront();
    const drawn = (await page.evaluate(() => window.atlas.frameStats())).frames;
    await consolePage.waitForTimeout(800);
    assert.ok((await page.evaluate(() => window.atlas.frameStats())).frames > drawn, 'the shared window keeps drawing');
    // In the map's language.
    await page.evaluate(() => window.atlas.act({ type: 'language', lang: 'es' }));
    await consolePage.waitForFunction(() => document.getElementById('next').textContent === 'Siguiente ▶');
    assert.equal(await consolePage.textContent('#current-title'), growth.steps[3].title.es);
    await consolePage.screenshot({ path: join(outDir, 'presenter-console.png') });
    // Only a presenter's actions pass: the console cannot load data or change filters.
    await consolePage.evaluate(() => {
      const s = new URLSearchParams(location.search).get('session');
      new BroadcastChannel('atlas-sur-presenter:' + s).postMessage({ type: 'act', action: { type: 'filter', fields: [] } });
    });
    await consolePage.waitForTimeout(300);
    assert.ok((await state(page)).filters.fields.length > 0);
  } finally { await browser.close(); }
});
