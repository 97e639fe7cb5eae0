#!/usr/bin/env node
// Writes the map's cities as plain HTML pages, one per language (cities.en.html, cities.es.html,
// cities.fr.html), for browsers that cannot run the map: JavaScript off (index.html's <noscript>
// links to them), no WebGL 2 or no WebAssembly (the page shows one inside itself). A table a screen
// reader reads well: each city, its country and its designations, worded as the Details panel words
// them (the same catalogues).
//   node tools/city_list.mjs ASSETS_DIR OUT_DIR
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [assets = 'assets', out = '.'] = process.argv.slice(2);
const read = (path) => JSON.parse(readFileSync(join(assets, path), 'utf8'));
const cities = read('data/cities.json').cities;
const fields = Object.fromEntries(read('data/fields.json').fields.map((f) => [f.id, f]));
const networks = Object.fromEntries(read('data/networks.json').networks.map((n) => [n.id, n]));
const countries = read('i18n/countries.json');
const languages = read('i18n/languages.json').languages;

const escape = (text) => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

for (const lang of languages) {
  const strings = read(`i18n/${lang}.json`).strings;
  const tr = (english) => (typeof strings[english] === 'string' ? strings[english] : english);
  const fmt = (english, args) => tr(english).replace(/\{(\w+)\}/g, (m, k) => (k in args ? args[k] : m));
  const country = (c) => countries[lang]?.[c.country] ?? c.countryName ?? c.country;
  const designation = (g) => {
    const n = networks[g.network] || { group: '', name: g.network };
    if (n.group === 'creative') {
      const f = fields[g.field];
      const text = fmt('City of {field}, {year}', { field: tr(`field:${g.field}`) === `field:${g.field}` ? f?.name ?? g.field : tr(`field:${g.field}`), year: g.year });
      return g.status === 'former' ? `${text} ${tr('(former member)')}` : text;
    }
    if (n.group === 'heritage')
      return fmt('World Heritage since {year}: {property}', { year: g.year, property: g.property ?? '' }) + (g.whcId ? ` (WHC ${g.whcId})` : '');
    const name = strings[`network:${n.id}`] ?? n.name;
    return `${name}, ${g.year}${g.role ? ': ' + g.role : ''}`;
  };
  const collator = new Intl.Collator(lang);
  const rows = [...cities].sort((a, b) => collator.compare(a.localName ?? a.name, b.localName ?? b.name)).map((c) =>
    `<tr><th scope="row">${escape(c.localName ?? c.name)}</th><td>${escape(country(c))}</td>` +
    `<td><ul>${(c.designations ?? []).map((g) => `<li>${escape(designation(g))}</li>`).join('')}</ul></td></tr>`);
  const others = languages.filter((l) => l !== lang)
    .map((l) => `<a href="cities.${l}.html" hreflang="${l}" lang="${l}">${escape(read(`i18n/${l}.json`).name)}</a>`).join(' · ');
  const title = tr('Atlas Sur: cultural cooperation of Mexico and the Global South');
  writeFileSync(join(out, `cities.${lang}.html`), `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>
  body { font-family: "DejaVu Sans", system-ui, sans-serif; margin: 0 auto; padding: 16px; max-width: 960px; color: #1a1c24; background: #fff; line-height: 1.45; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid #c9ced6; }
  ul { margin: 0; padding-left: 18px; }
  a { color: #1f4fa3; }
</style>
</head>
<body>
<header><h1>${escape(title)}</h1><nav aria-label="${escape(tr('Language'))}">${others}</nav></header>
<main id="city-list">
<p>${escape(fmt('All {n} cities of the map, with their designations.', { n: cities.length }))}</p>
<table>
<caption>${escape(tr('Cities on the map'))}</caption>
<thead><tr><th scope="col">${escape(tr('City'))}</th><th scope="col">${escape(tr('Country'))}</th><th scope="col">${escape(tr('Designations'))}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</main>
</body>
</html>
`);
}
