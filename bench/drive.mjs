// How the benchmark drives a page (bench/run.mjs measures it, bench/profile.mjs profiles it).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

// The page's address: the peers read n; this map gets the generated files through ?data=.
export function url(base, page, n) {
  if (page !== 'atlas') return `${base}bench/pages/${page}.html?n=${n}`;
  const files = JSON.parse(readFileSync(join(here, 'out', String(n), 'files.json'), 'utf8')).atlas;
  return `${base}build/web/index.html?${files.map((f) => `data=/bench/out/${n}/${f}`).join('&')}`;
}

// The scripted interaction every page goes through: three drags and a wheel zoom in and out, at the
// middle of a 1280×800 map.
export async function interact(tab) {
  await tab.mouse.move(760, 420);
  for (let k = 0; k < 3; k++) {
    await tab.mouse.down();
    for (let i = 1; i <= 12; i++) await tab.mouse.move(760 + (k % 2 ? -1 : 1) * i * 25, 420 + i * 6);
    await tab.mouse.up();
  }
  for (let i = 0; i < 8; i++) { await tab.mouse.wheel(0, i < 4 ? -240 : 240); await new Promise((r) => setTimeout(r, 60)); }
  await new Promise((r) => setTimeout(r, 300));
}
