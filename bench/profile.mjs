#!/usr/bin/env node
// Where this map's main-thread time goes during the benchmark's interaction (or, with --phase load,
// from navigation to map-ready): a CDP CPU profile, printed as the functions with the most self
// time (wasm functions by name: build the web app with -DATLAS_WEB_PROFILING=ON first, or they show
// as wasm-function[n]).
//   node bench/profile.mjs [--n 400] [--top 30] [--page atlas] [--phase interaction|load]
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, startServer } from '../tests/web/harness.mjs';
import { interact, url } from './drive.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name, fallback) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : fallback; };
const n = Number(arg('n', '400')), top = Number(arg('top', '30')), which = arg('page', 'atlas');
const phase = arg('phase', 'interaction');

const server = await startServer(join(here, '..'));
const browser = await launch([]);
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const ready = () => tab.waitForFunction(() => performance.getEntriesByName('map-ready').length > 0, null, { timeout: 300000 });
  let t0;
  if (phase === 'load') {
    await cdp.send('Profiler.start');
    t0 = Date.now();
    await tab.goto(url(server.url, which, n));
    await ready();
  } else {
    await tab.goto(url(server.url, which, n));
    await ready();
    await new Promise((r) => setTimeout(r, 1500));
    await cdp.send('Profiler.start');
    t0 = Date.now();
    await interact(tab);
  }
  const { profile } = await cdp.send('Profiler.stop');
  const wall = Date.now() - t0;
  writeFileSync(join(here, 'out', `profile-${which}-${n}-${phase}.cpuprofile`), JSON.stringify(profile));

  // Self time per function: each sample's node, weighted by the time to the next sample.
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const deltas = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const f = byId.get(profile.samples[i]).callFrame;
    const name = `${f.functionName || '(anonymous)'}${f.url ? ` ${f.url.split('/').pop()}` : ''}`;
    self.set(name, (self.get(name) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const busy = total - (self.get('(idle)') ?? 0);
  console.log(`${which}, N = ${n}: ${wall} ms of ${phase}, ${busy.toFixed(0)} ms busy on the main thread\n`);
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${ms.toFixed(1).padStart(9)} ms ${(100 * ms / total).toFixed(1).padStart(5)} %  ${name}`);
} finally {
  await browser.close();
  server.stop();
}
