#!/usr/bin/env node
// Writes a brotli-compressed twin (FILE.br) next to each file, for servers that send it to browsers
// that accept it (every current one, over HTTPS and to localhost): 14 % smaller than the zopfli
// gzip twins for what the first frame waits for. Node's own zlib, at brotli's best setting.
//   node tools/brotli_twins.mjs FILE...
import { readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

// `quality`: brotli's 0-11 (11 reads about half a megabyte a second here; bench/run.mjs takes 9 for
// files of many megabytes).
export function brotli(bytes, quality = constants.BROTLI_MAX_QUALITY) {
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,  // (16 MB: the whole of any of the page's files)
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

if (import.meta.url === `file://${process.argv[1]}`)
  for (const file of process.argv.slice(2)) writeFileSync(`${file}.br`, brotli(readFileSync(file)));
