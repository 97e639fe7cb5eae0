#!/usr/bin/env node
// Writes files.json (the uncompressed sizes of the downloads) for the page's progress bar.
//   node tools/web_manifest.mjs DIR
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const dir = process.argv[2] || '.';
const sizes = Object.fromEntries(['atlas.wasm', 'atlas.data'].map((f) => [f, statSync(join(dir, f)).size]));
writeFileSync(join(dir, 'files.json'), JSON.stringify(sizes));
