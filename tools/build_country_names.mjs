// Country names in each language of the app, from CLDR-derived data (npm i18n-iso-countries), for
// the countries the data names: writes OUT/countries.json, read with the catalogues.
//   node tools/build_country_names.mjs assets/data assets/i18n OUT_DIR
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';

const require = createRequire(import.meta.url);
const [dataDir, i18nDir, outDir] = process.argv.slice(2);
const languages = JSON.parse(readFileSync(join(i18nDir, 'languages.json'), 'utf8')).languages;
const codes = new Set();
for (const c of JSON.parse(readFileSync(join(dataDir, 'cities.json'), 'utf8')).cities) codes.add(c.country);
for (const g of JSON.parse(readFileSync(join(dataDir, 'country_groups.json'), 'utf8')).groups)
  for (const c of g.countries) codes.add(c.iso2);
const names = {};
for (const lang of languages) {
  countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
  names[lang] = {};
  for (const code of [...codes].sort()) {
    const name = countries.getName(code, lang);
    if (name) names[lang][code] = name;
  }
}
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'countries.json'),
  JSON.stringify({ format: 'atlas-sur/country-names', source: 'i18n-iso-countries (npm)', names }) + '\n');
console.log(`country names: ${codes.size} countries in ${languages.join(', ')}`);
