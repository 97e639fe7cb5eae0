// The JSON Schema (assets/schema) and the loader agree: the shipped files are valid, and corpus
// files with a defect the schema can express are invalid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const schema = JSON.parse(readFileSync(join(root, 'assets', 'schema', 'atlas-data.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true }).compile(schema);
// Whether a file is invalid needs only the first error: with all of them, the 100,001 bad records
// of too-many-cities.json took 40 s of garbage collection.
const isValid = new Ajv2020().compile(schema);
const read = (...p) => JSON.parse(readFileSync(join(root, ...p), 'utf8'));

test('every shipped data file is valid against the schema', () => {
  for (const f of ['fields', 'networks', 'country_groups', 'cities', 'links']) {
    const ok = validate(read('assets', 'data', `${f}.json`));
    assert.ok(ok, `${f}.json: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
  }
});

test('every shipped tour is valid against the schema', () => {
  for (const f of readdirSync(join(root, 'assets', 'tours'))) {
    const ok = validate(read('assets', 'tours', f));
    assert.ok(ok, `${f}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
  }
});

test('tours with a defect of shape are invalid against the schema', () => {
  const tour = (step) => ({ format: 'atlas-sur/tours', version: 1, tours: [{ id: 't', title: { en: 'T' }, steps: [step] }] });
  assert.ok(validate(tour({ title: { en: 'A step' }, view: { selected: 'mx-puebla' }, fit: ['mx-puebla'] })), JSON.stringify(validate.errors));
  for (const [why, step] of [
    ['a title without English', { title: { es: 'Sin inglés' } }],
    ['a title that is a string', { title: 'Puebla' }],
    ['an unknown member', { title: { en: 'A' }, zoomTo: 3 }],
    ['a transition that does not exist', { title: { en: 'A' }, transition: 'warp' }],
    ['a camera and cities to fit', { title: { en: 'A' }, view: { camera: { lon: 0, lat: 0, zoom: 2 } }, fit: ['mx-puebla'] }],
    ['a play range without its end', { title: { en: 'A' }, play: { from: 2004 } }],
    ['a view key that does not exist', { title: { en: 'A' }, view: { zoom: 3 } }],
  ]) assert.equal(validate(tour(step)), false, why);
  assert.equal(validate({ format: 'atlas-sur/tours', version: 1, tours: [{ id: 't', title: { en: 'T' }, steps: [] }] }), false, 'no steps');
});

test('corpus files with a defect of shape are invalid against the schema too', () => {
  const shapeDefects = ['city-lat-out-of-range', 'city-lat-is-a-string', 'city-missing-id', 'city-id-with-spaces',
    'city-country-three-letters', 'city-without-designations', 'city-with-empty-designations', 'city-unknown-member',
    'designation-bad-status', 'designation-year-is-a-string', 'designation-whc-id-negative', 'source-without-url-or-note',
    'sources-not-an-array', 'wrong-version', 'no-format', 'unknown-format', 'cities-not-an-array', 'too-many-cities',
    'city-name-too-long', 'field-bad-colour', 'network-bad-group', 'network-without-marker', 'country-group-bad-code',
    'link-year-is-a-string'];
  for (const name of shapeDefects) assert.equal(isValid(read('tests', 'data', 'bad', `${name}.json`)), false, name);
});
