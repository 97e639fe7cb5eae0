#!/usr/bin/env node
// Builds the basemap assets from Natural Earth country shapes (npm world-atlas, public domain), as
// compact polygon rings that the app projects and triangulates, in two levels of detail:
//   basemap-110m.bin  countries at 1:110m, for world views (about a tenth of the vertices)
//   basemap-50m.bin   countries at 1:50m and Mexico at 1:10m, once the map is zoomed in
//
//   node tools/build_basemap.mjs OUT_DIR
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { geoEquirectangular } from 'd3-geo';
import { geoProject } from 'd3-geo-projection';
import * as topojson from 'topojson-client';
import countries from 'i18n-iso-countries';

const require = createRequire(import.meta.url);
const outDir = process.argv[2];
if (!outDir) { console.error('usage: build_basemap.mjs OUT_DIR'); process.exit(2); }

const load = (name) => JSON.parse(readFileSync(require.resolve(`world-atlas/${name}`), 'utf8'));
const features = (topo) => topojson.feature(topo, topo.objects.countries).features;
const MEXICO = '484';
// Russia, Fiji and Antarctica cross the antimeridian: let d3 cut them there (an equirectangular
// projection in degrees is the identity up to the sign of y), so every ring stays within ±180°.
const identity = geoEquirectangular().scale(180 / Math.PI).translate([0, 0]).precision(0);
const cut = (f) => {
  const p = geoProject(f, identity);
  const flip = (c) => (typeof c[0] === 'number' ? [c[0], -c[1]] : c.map(flip));
  return { ...f, geometry: p.geometry && { ...p.geometry, coordinates: flip(p.geometry.coordinates) } };
};

function level(name, mexicoFrom) {
  const fine = mexicoFrom && features(load(mexicoFrom)).find((f) => f.id === MEXICO);
  return features(load(name)).map((f) => (f.id === MEXICO && fine ? fine : f)).map(cut);
}

// Layout, read by src/core/basemap.cpp (varint: unsigned LEB128, 7 bits a byte, low bits first;
// zigzag: 0, -1, 1, -2, ... as 0, 1, 2, 3, ...):
//   "ATLB" u32le version=2 u32le countryCount
//   per country: char iso2[2] ("--" if none), u8 nameLength, name (UTF-8),
//                varint polygonCount, per polygon: varint ringCount (outer ring first, then holes),
//                per ring: varint vertexCount, then vertexCount x (zigzag varint dlon, dlat)
// Coordinates are quantized to 1/32767 of 180 degrees (~600 m, finer than 1:10m needs) and stored
// as deltas from the previous vertex of the country: most fit in one byte (version 1 gave each two,
// as 16 bits modulo 2^16; 50m: 441 -> 229 KB, and 221 -> 174 KB gzip-compressed).
const Q = 32767 / 180;

function write(out, all) {
  mkdirSync(outDir, { recursive: true });
  const bytes = [];
  const u8 = (n) => bytes.push(n & 255);
  const u32 = (n) => { for (let i = 0; i < 4; ++i) u8(n >>> (8 * i)); };
  const varint = (n) => { for (; n >= 128; n = Math.floor(n / 128)) u8((n % 128) | 128); u8(n); };
  const zigzag = (n) => varint(n >= 0 ? 2 * n : -2 * n - 1);

  for (const c of Buffer.from('ATLB')) u8(c);
  u32(2);
  u32(all.length);
  let totalVerts = 0;
  for (const f of all) {
    const iso2 = (f.id && countries.numericToAlpha2(f.id)) || (f.properties.name === 'Kosovo' ? 'XK' : '--');
    const name = Buffer.from(f.properties.name, 'utf8').subarray(0, 255);
    for (const c of Buffer.from(iso2, 'ascii')) u8(c);
    u8(name.length);
    for (const c of name) u8(c);
    const polys = !f.geometry ? [] : f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    varint(polys.length);
    const prev = [0, 0];
    for (const poly of polys) {
      varint(poly.length);
      for (const ring of poly) {
        varint(ring.length);
        for (const p of ring)
          for (const k of [0, 1]) {
            const q = Math.round(p[k] * Q);
            zigzag(q - prev[k]);
            prev[k] = q;
          }
        totalVerts += ring.length;
      }
    }
  }
  writeFileSync(out, Buffer.from(bytes));
  console.log(`build_basemap: ${all.length} countries, ${totalVerts} vertices -> ${out}`);
}

write(join(outDir, 'basemap-110m.bin'), level('countries-110m.json'));
write(join(outDir, 'basemap-50m.bin'), level('countries-50m.json', 'countries-10m.json'));
