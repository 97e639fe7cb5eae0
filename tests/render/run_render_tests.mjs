// Render tests, in the manner of MapLibre's: one folder per case under tests/render/cases/, with
// case.json (what it shows, the window size, a link's view and actions) and expected.png. The
// native app draws each case in a real window under Xvfb; the picture is reduced to 256 colours
// (as the expected one is stored, to keep the repository light) and compared pixel by pixel
// (pixelmatch, anti-aliasing aware). A case fails when more than its tolerance of the pixels
// differ (default 0.5 %); it then writes actual.png and diff.png next to expected.png.
//
//   node tests/render/run_render_tests.mjs            run every case
//   node tests/render/run_render_tests.mjs --update   make the pictures drawn now the expected ones
//   node tests/render/run_render_tests.mjs mexico     only the cases whose name contains "mexico"
//
// Prints "ok"/"not ok" per case and exits 1 if any failed.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, copyFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cases = join(root, 'tests', 'render', 'cases');
const app = join(root, 'build', 'native', 'atlas');
const update = process.argv.includes('--update');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));

// A display of our own, large enough for the largest case.
let display = 120;
while (existsSync(`/tmp/.X${display}-lock`)) ++display;
const xvfb = spawn('Xvfb', [`:${display}`, '-screen', '0', '2600x1500x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
process.on('exit', () => xvfb.kill());
for (let i = 0; i < 50 && !existsSync(`/tmp/.X11-unix/X${display}`); ++i) await new Promise((r) => setTimeout(r, 100));
await new Promise((r) => setTimeout(r, 300));

// What the repository stores: 256 colours, no dithering (deterministic for the same picture).
function quantize(from, to) {
  execFileSync('convert', [from, '-dither', 'None', '-colors', '256', `PNG8:${to}`]);
}
const read = (file) => PNG.sync.read(readFileSync(file));

let failed = 0, passed = 0;
for (const name of readdirSync(cases).sort()) {
  if (only.length && !only.some((o) => name.includes(o))) continue;
  const dir = join(cases, name);
  const spec = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8'));
  const [w, h] = spec.size;
  const drawn = join(dir, 'drawn.png'), actual = join(dir, 'actual.png'), diff = join(dir, 'diff.png'), expected = join(dir, 'expected.png');
  const args = ['--size', `${w}x${h}`, '--lang', spec.lang || 'en'];
  if (spec.view) args.push('--view', spec.view);
  for (const a of spec.actions || []) args.push('--exec', JSON.stringify(a));
  args.push('--screenshot', drawn);
  try {
    execFileSync(app, args, { env: { ...process.env, DISPLAY: `:${display}` }, stdio: ['ignore', 'ignore', 'pipe'], timeout: 60000 });
    quantize(drawn, actual);
  } catch (e) {
    console.log(`not ok - ${name}: the app could not draw it: ${String(e.stderr || e.message).trim()}`);
    ++failed;
    continue;
  } finally {
    rmSync(drawn, { force: true });
  }
  if (update) {
    copyFileSync(actual, expected);
    rmSync(actual, { force: true });
    rmSync(diff, { force: true });
    console.log(`ok - ${name}: expected.png updated`);
    ++passed;
    continue;
  }
  if (!existsSync(expected)) {
    console.log(`not ok - ${name}: no expected.png (run with --update and look at it)`);
    ++failed;
    continue;
  }
  const a = read(actual), e = read(expected);
  if (a.width !== e.width || a.height !== e.height) {
    console.log(`not ok - ${name}: drawn ${a.width}x${a.height}, expected ${e.width}x${e.height}`);
    ++failed;
    continue;
  }
  const out = new PNG({ width: a.width, height: a.height });
  const differing = pixelmatch(a.data, e.data, out.data, a.width, a.height, { threshold: 0.1 });
  const share = differing / (a.width * a.height), tolerance = spec.tolerance ?? 0.005;
  const line = `${name}: ${(share * 100).toFixed(3)} % of the pixels differ (tolerance ${(tolerance * 100).toFixed(2)} %) — ${spec.what}`;
  if (share <= tolerance) {
    console.log(`ok - ${line}`);
    rmSync(actual, { force: true });
    rmSync(diff, { force: true });
    ++passed;
  } else {
    writeFileSync(diff, PNG.sync.write(out));
    console.log(`not ok - ${line}\n    see ${actual} and ${diff}`);
    ++failed;
  }
}
console.log(`render: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
