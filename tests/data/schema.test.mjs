// The JSON Schema (assets/schema) and the loader agree: the shipped files are valid, and corpus
// files with a defect the schema can express are invalid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const schema = JSON.parse(readFileSync(join(root, 'assets', 'schema', 'atlas-data.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true }).compile(schema);
const read = (...p) => JSON.parse(readFileSync(join(root, ...p), 'utf8'));

test('every shipped data file is valid against the schema', () => {
  for (const f of ['fields', 'networks', 'country_groups', 'cities', 'links']) {
    const ok = validate(read('assets', 'data', `${f}.json`));
    assert.ok(ok, `${f}.json: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
  }
});

test('corpus files with a defect of shape are invalid against the schema too', () => {
  const shapeDefects = ['city-lat-out-of-range', 'city-lat-is-a-string', 'city-missing-id', 'city-id-with-spaces',
    'city-country-three-letters', 'city-without-designations', 'city-with-empty-designations', 'city-unknown-member',
    'designation-bad-status', 'designation-year-is-a-string', 'designation-whc-id-negative', 'source-without-url-or-note',
    'sources-not-an-array', 'wrong-version', 'no-format', 'unknown-format', 'cities-not-an-array', 'too-many-cities',
    'city-name-too-long', 'field-bad-colour', 'network-bad-group', 'network-without-marker', 'country-group-bad-code',
    'link-year-is-a-string'];
  for (const name of shapeDefects) assert.equal(validate(read('tests', 'data', 'bad', `${name}.json`)), false, name);
});
