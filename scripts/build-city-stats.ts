// Builds data/stats/city-gdp-2000-2021.csv from the derived CSMAR CRE city table in shared/data
// (city_gdp_long.csv): the indicators the monitor compares plans with, renamed to the canonical ids
// of data/lexicons/indicators.csv, values copied unchanged, with a 口径 note per row. Rows the
// source's README calls wrong are left out (Guangdong 2021 per-capita GDP).
// Usage: npx tsx scripts/build-city-stats.ts [path/to/city_gdp_long.csv]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../src/places/csv';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const input = path.resolve(process.argv[2] ?? path.join(root, '..', 'shared', 'data', 'stats', 'csmar-cre-city-gdp', 'city_gdp_long.csv'));
const output = path.join(root, 'data', 'stats', 'city-gdp-2000-2021.csv');

/** source indicator → canonical id and the 口径 every row of it has */
const INDICATORS: Record<string, { id: string; caliber: (year: number) => string }> = {
  gdp: { id: 'gdp', caliber: (y) => `全市，现价；${y <= 2018 ? '第四次全国经济普查前口径（未回溯修订）' : '第四次全国经济普查修订后口径'}` },
  gdp_growth: { id: 'gdp_growth', caliber: () => '全市，按可比价格计算，比上年增长' },
  gdp_per_capita: { id: 'gdp_per_capita', caliber: (y) => `全市，现价；${y <= 2018 ? '第四次全国经济普查前口径' : '第四次全国经济普查修订后口径'}` },
  share_tertiary: { id: 'services_share', caliber: () => '第三产业增加值占地区生产总值比重' },
  registered_population_year_end: { id: 'registered_population', caliber: () => '户籍人口（年末总人口），不是常住人口' },
};

if (!fs.existsSync(input)) {
  console.error(`${input} not found: pass the path of city_gdp_long.csv (shared/data/stats/csmar-cre-city-gdp) as the first argument`);
  process.exit(1);
}
const rows = parseCsv(fs.readFileSync(input, 'utf8'), input);
const out = ['code,name,year,indicator,value,unit,caliber'];
let kept = 0;
for (const r of rows) {
  const ind = INDICATORS[r.indicator];
  if (!ind) continue;
  const year = Number(r.year);
  if (r.indicator === 'gdp_per_capita' && r.code.startsWith('44') && year === 2021) continue; // wrong upstream (see the source README)
  out.push([r.code, r.name, r.year, ind.id, r.value, r.unit, ind.caliber(year)].join(','));
  kept++;
}
fs.writeFileSync(output, out.join('\n') + '\n');
console.log(`${output}: ${kept} rows from ${input}`);
