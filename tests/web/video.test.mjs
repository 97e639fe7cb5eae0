// Video export: the timeline (or a tour) as a WebM rendered frame by frame from the recording's
// clock. The file is read back with a small EBML reader: its duration, frame size and frame count
// must be what was asked; Cancel stops it and gives the view back; the Video button shows progress.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertStackRoom, openMap, outDir, startServer } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

// The parts of a WebM (Matroska/EBML) the test needs: Info's TimecodeScale and Duration, the
// video track's pixel size, and every block's time.
const MASTER = new Set([0x18538067, 0x1549a966, 0x1654ae6b, 0xae, 0xe0, 0x1f43b675, 0xa0]);
function readWebm(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = { scale: 1000000, duration: null, width: null, height: null, blocks: [], codec: null };
  function vint(at, keepMarker) {
    const first = bytes[at];
    let length = 1;
    while (length <= 8 && !(first & (0x80 >> (length - 1)))) ++length;
    let value = keepMarker ? first : first & (0xff >> length);
    for (let i = 1; i < length; ++i) value = value * 256 + bytes[at + i];
    return { value, length };
  }
  function uint(at, size) { let v = 0; for (let i = 0; i < size; ++i) v = v * 256 + bytes[at + i]; return v; }
  function walk(start, end, clusterTime) {
    for (let at = start; at < end;) {
      const id = vint(at, true), size = vint(at + id.length, false);
      const body = at + id.length + size.length, next = body + size.value;
      if (id.value === 0x1f43b675) clusterTime = null;
      if (MASTER.has(id.value)) walk(body, Math.min(next, end), clusterTime);
      else if (id.value === 0x2ad7b1) out.scale = uint(body, size.value);
      else if (id.value === 0x4489) out.duration = size.value === 4 ? view.getFloat32(body) : view.getFloat64(body);
      else if (id.value === 0xb0) out.width = uint(body, size.value);
      else if (id.value === 0xba) out.height = uint(body, size.value);
      else if (id.value === 0x86) out.codec = new TextDecoder().decode(bytes.subarray(body, next));
      else if (id.value === 0xe7) walk.cluster = uint(body, size.value);
      else if (id.value === 0xa3 || id.value === 0xa1) {  // SimpleBlock / Block: track, then a signed 16-bit time
        const track = vint(body, false);
        out.blocks.push(walk.cluster + view.getInt16(body + track.length));
      }
      at = next;
    }
  }
  walk(0, bytes.length, null);
  return out;
}

async function video(page, options) {
  const file = await page.evaluate(async (o) => {
    const r = await window.atlas.exportVideo(o);
    return { name: r.name, mime: r.mime, width: r.width, height: r.height, fps: r.fps, frames: r.frames, bytes: Array.from(r.bytes) };
  }, options);
  file.bytes = Uint8Array.from(file.bytes);
  return file;
}

test('the timeline as a WebM: the asked duration (±1 frame), frame size and frame rate', async () => {
  const { browser, page } = await openMap(server.url, { width: 640, height: 400 });
  try {
    assert.ok(await page.evaluate(() => typeof VideoEncoder !== 'undefined'), 'this Chromium has WebCodecs');
    const before = await page.evaluate(() => window.atlas.state());
    const started = Date.now();
    const file = await video(page, { what: 'timeline', seconds: 3, fps: 10, scale: 0.5 });
    const seconds = (Date.now() - started) / 1000;
    writeFileSync(join(outDir, 'timeline.webm'), file.bytes);
    assert.equal(file.mime, 'video/webm');
    assert.deepEqual([file.width, file.height, file.frames], [320, 200, 30]);
    const webm = readWebm(file.bytes);
    assert.equal(webm.codec, 'V_VP8');
    assert.deepEqual([webm.width, webm.height], [320, 200]);
    assert.equal(webm.blocks.length, 30, 'one block per frame');
    const ms = webm.scale / 1e6;  // one timecode unit in milliseconds
    const duration = webm.duration * ms;
    assert.ok(Math.abs(duration - 3000) <= 100, `duration ${duration} ms, asked 3000 (±1 frame of 100 ms)`);
    const last = Math.max(...webm.blocks) * ms;
    assert.ok(Math.abs(last - 2900) <= 1, `the last frame at ${last} ms`);
    // The view is given back as it was.
    const after = await page.evaluate(() => window.atlas.state());
    assert.deepEqual(after.view, before.view);
    const metrics = { frames: file.frames, seconds: +seconds.toFixed(2), fps: +(file.frames / seconds).toFixed(1), bytes: file.bytes.length };
    writeFileSync(join(outDir, 'video-metrics.json'), JSON.stringify(metrics, null, 2));
    console.log('video export (320x200, software GL):', JSON.stringify(metrics));
  } finally { await browser.close(); }
});

test('a tour as a WebM: every step is in it, at its own pace', async () => {
  const { browser, page } = await openMap(server.url, { width: 640, height: 400 });
  try {
    const steps = [];
    const file = await page.evaluate(async () => {
      const seen = new Set();
      const r = await window.atlas.exportVideo({ what: 'tour', tour: 'heritage-sustainable-tourism', fps: 5, hold: 0.4, scale: 0.5,
                                                 onProgress: (p) => seen.add(p.step) });
      return { frames: r.frames, steps: [...seen], length: r.bytes.length, bytes: Array.from(r.bytes) };
    });
    steps.push(...file.steps);
    assert.deepEqual(steps.sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8]);
    const webm = readWebm(Uint8Array.from(file.bytes));
    assert.equal(webm.blocks.length, file.frames);
    assert.ok(Math.abs(webm.duration * webm.scale / 1e6 - file.frames * 200) <= 200, 'the duration is the frames at 5 per second');
    writeFileSync(join(outDir, 'tour.webm'), Uint8Array.from(file.bytes));
    assert.equal((await page.evaluate(() => window.atlas.state())).tour, null, 'the tour the recording played is gone');
    await assertStackRoom(page, 'a tour recorded as a video');
  } finally { await browser.close(); }
});

test('Cancel stops a video export and gives the view back; bad options are refused', async () => {
  const { browser, page } = await openMap(server.url, { width: 640, height: 400 });
  try {
    await page.evaluate(() => window.atlas.act({ type: 'year', year: 2011 }));
    const result = await page.evaluate(async () => {
      const controller = new AbortController();
      let frames = 0;
      try {
        await window.atlas.exportVideo({ seconds: 20, fps: 30, scale: 0.5, signal: controller.signal,
                                         onProgress: () => { if (++frames === 3) controller.abort(); } });
        return { finished: true };
      } catch (e) { return { name: e.name, frames }; }
    });
    assert.deepEqual(result, { name: 'AbortError', frames: 3 });
    const s = await page.evaluate(() => window.atlas.state());
    assert.equal(s.timeline.year, 2011, 'the year the person had');
    for (const bad of [{ fps: 0 }, { fps: 1000 }, { scale: 9 }, { what: 'film' }, { what: 'tour', tour: 'nope' }, { seconds: -1 }]) {
      const error = await page.evaluate((o) => window.atlas.exportVideo(o).then(() => null, (e) => e.message), bad);
      assert.ok(error, `refused: ${JSON.stringify(bad)}`);
    }
    // And the next export works.
    const file = await video(page, { seconds: 1, fps: 5, scale: 0.25 });
    assert.equal(file.frames, 5);
  } finally { await browser.close(); }
});

test('the Video button shows the export\'s progress and Cancel', async () => {
  const { browser, page } = await openMap(server.url, { width: 1280, height: 800 });
  try {
    const button = (await page.evaluate(() => window.atlas.panels())).find((p) => p.name === 'Filters')
      .items.find((i) => i.id === 'download-video');
    assert.ok(button, 'the Filters panel has a Video button');
    await page.mouse.click(button.x + button.w / 2, button.y + button.h / 2);
    await page.waitForSelector('#export:not([hidden])');
    // First what to record, its width and frame rate: the tours are there, the timeline is chosen.
    const choices = await page.$$eval('#export-what option', (os) => os.map((o) => o.value));
    assert.deepEqual(choices, ['timeline', 'tour:mexican-creative-network', 'tour:heritage-sustainable-tourism',
                               'tour:creative-cities-growth']);
    await page.selectOption('#export-seconds', '5');
    await page.selectOption('#export-fps', '24');
    await page.screenshot({ path: join(outDir, 'video-export-form.png') });
    await page.click('#export-record');
    await page.waitForFunction(() => /\d+/.test(document.getElementById('export-status').textContent));
    const width = await page.evaluate(() => parseFloat(document.getElementById('export-fill').style.width));
    assert.ok(width > 0, 'the bar moves');
    await page.screenshot({ path: join(outDir, 'video-export-progress.png') });
    assert.match(await page.textContent('#export-status'), /of 120$/, '5 s at 24 frames a second');
    await page.click('#export-cancel');
    await page.waitForSelector('#export', { state: 'hidden' });
    assert.equal((await page.evaluate(() => window.atlas.state())).timeline.playing, false);
  } finally { await browser.close(); }
});
