#!/usr/bin/env node
// The benchmark's data, the same for every page (deterministic: a fixed seed): N synthetic cities
// over the land of the world with a quarter as many links, plus the map's own cities and links.
//   node bench/generate.mjs N   ->  bench/out/N/atlas-cities-K.json, atlas-links.json (the map's own
//   format, through ?data=, in files under the 16 MiB limit) and peers.json (for the other pages)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from '../node_modules/topojson-client/src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const n = Number(process.argv[2] || 400);
const out = join(here, 'out', String(n));
mkdirSync(out, { recursive: true });

let seed = 20261130;
const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 4294967296);
const fields = ['crafts-folk-art', 'design', 'film', 'gastronomy', 'literature', 'media-arts', 'music', 'architecture'];
const linkNetworks = ['south-south-exchange', 'twinning'];
// Places on land: near the bundled cities (where the map's subject is), spread by a few degrees.
const bundled = JSON.parse(readFileSync(join(root, 'assets', 'data', 'cities.json'), 'utf8')).cities;
const bundledLinks = JSON.parse(readFileSync(join(root, 'assets', 'data', 'links.json'), 'utf8')).links;
const cities = [];
for (let i = 0; i < n; i++) {
  const near = bundled[Math.floor(random() * bundled.length)];
  const lat = Math.max(-60, Math.min(75, near.lat + (random() - 0.5) * 12));
  const lon = ((near.lon + (random() - 0.5) * 16 + 540) % 360) - 180;
  cities.push({ id: `syn-${i}`, name: `City ${i}`, localName: `City ${i}`, country: near.country, lat: +lat.toFixed(4), lon: +lon.toFixed(4),
                designations: [{ network: 'uccn', field: fields[i % fields.length], year: fields[i % fields.length] === 'architecture' ? 2025 : 2004 + (i % 22),
                                 status: 'current', confidence: 'high', sources: [] }] });
}
const links = [];
for (let i = 0; i < Math.floor(n / 4); i++) {
  const a = Math.floor(random() * n), b = (a + 1 + Math.floor(random() * (n - 1))) % n;
  links.push({ id: `syn-link-${i}`, from: `syn-${a}`, to: `syn-${b}`, network: linkNetworks[i % 2], year: 2010 + (i % 15), confidence: 'high', sources: [] });
}
// The map's own format, in files of at most 50,000 cities (the data guide's advice for big sets).
const files = [];
for (let k = 0; k * 50000 < n; k++) {
  const name = `atlas-cities-${k}.json`;
  writeFileSync(join(out, name), JSON.stringify({ format: 'atlas-sur/cities', version: 1, cities: cities.slice(k * 50000, (k + 1) * 50000) }));
  files.push(name);
}
writeFileSync(join(out, 'atlas-links.json'), JSON.stringify({ format: 'atlas-sur/links', version: 1, links }));
files.push('atlas-links.json');
// The peers draw the same: the bundled cities and links and the synthetic ones, and the countries.
const all = [...bundled, ...cities];
const index = new Map(all.map((c, i) => [c.id, i]));
const topo = JSON.parse(readFileSync(join(root, 'node_modules', 'world-atlas', 'countries-110m.json'), 'utf8'));
writeFileSync(join(out, 'peers.json'), JSON.stringify({
  cities: all.map((c) => [c.lon, c.lat]),
  links: [...bundledLinks, ...links].filter((l) => index.has(l.from) && index.has(l.to)).map((l) => [index.get(l.from), index.get(l.to)]),
  countries: feature(topo, topo.objects.countries),
}));
writeFileSync(join(out, 'files.json'), JSON.stringify({ atlas: files, cities: all.length }));
console.log(`bench data: ${n} synthetic cities (${all.length} with the map's own), ${links.length} synthetic links -> ${out}`);
