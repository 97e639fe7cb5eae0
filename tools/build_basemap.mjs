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

// Layout (little-endian), read by src/core/basemap.cpp:
//   "ATLB" u32 version=1 u32 countryCount
//   per country: char iso2[2] ("--" if none), u8 nameLength, name (UTF-8),
//                u32 polygonCount, per polygon: u32 ringCount (outer ring first, then holes),
//                per ring: u32 vertexCount, then vertexCount x (u16 dlon, u16 dlat)
// Coordinates are quantized to 1/32767 of 180 degrees (~600 m, finer than 1:10m needs) and stored
// as deltas from the previous vertex of the country, modulo 2^16: small numbers that gzip well.
const Q = 32767 / 180;

function write(out, all) {
  mkdirSync(outDir, { recursive: true });
  const chunks = [];
  const u8 = (n) => chunks.push(Buffer.from([n]));
  const u32 = (n) => { const b = Buffer.alloc(4); b.writeUInt32LE(n); chunks.push(b); };

  chunks.push(Buffer.from('ATLB'));
  u32(1);
  u32(all.length);
  let totalVerts = 0;
  for (const f of all) {
    const iso2 = (f.id && countries.numericToAlpha2(f.id)) || (f.properties.name === 'Kosovo' ? 'XK' : '--');
    const name = Buffer.from(f.properties.name, 'utf8').subarray(0, 255);
    chunks.push(Buffer.from(iso2, 'ascii'));
    u8(name.length); chunks.push(name);
    const polys = !f.geometry ? [] : f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    u32(polys.length);
    const prev = [0, 0];
    for (const poly of polys) {
      u32(poly.length);
      for (const ring of poly) {
        u32(ring.length);
        const b = Buffer.alloc(ring.length * 4);
        ring.forEach((p, i) => [0, 1].forEach((k) => {
          const q = Math.round(p[k] * Q);
          b.writeUInt16LE((q - prev[k]) & 0xffff, i * 4 + k * 2);
          prev[k] = q;
        }));
        chunks.push(b);
        totalVerts += ring.length;
      }
    }
  }
  writeFileSync(out, Buffer.concat(chunks));
  console.log(`build_basemap: ${all.length} countries, ${totalVerts} vertices -> ${out}`);
}

write(join(outDir, 'basemap-110m.bin'), level('countries-110m.json'));
write(join(outDir, 'basemap-50m.bin'), level('countries-50m.json', 'countries-10m.json'));
