// What the app must show, computed from the data files directly (independently of the C++ code).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './harness.mjs';

const read = (f) => JSON.parse(readFileSync(join(root, 'assets', 'data', f), 'utf8'));
export const fields = read('fields.json').fields;
export const networks = read('networks.json').networks;
export const cities = read('cities.json').cities;
const fieldName = Object.fromEntries(fields.map((f) => [f.id, f.name]));

// Mirrors the documented filter rule: a city shows when one of its current designations is in
// the year range, its network is on, and (for creative designations) its field is on.
export function expectedVisible({ fieldNames = fields.map((f) => f.name), from = 0, to = 9999,
                                 networkIds = networks.map((n) => n.id) } = {}) {
  return cities.filter((c) => c.designations.some((d) => d.status !== 'former' && d.year >= from && d.year <= to &&
      networkIds.includes(d.network) && (!d.field || fieldNames.includes(fieldName[d.field]))))
    .map((c) => c.id).sort();
}
export function expectedFieldCounts() {
  const counts = Object.fromEntries(fields.map((f) => [f.name, 0]));
  for (const c of cities) {
    const seen = new Set(c.designations.filter((d) => d.field && d.status !== 'former').map((d) => fieldName[d.field]));
    for (const f of seen) counts[f]++;
  }
  return counts;
}
