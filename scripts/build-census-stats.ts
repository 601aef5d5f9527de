// Builds data/stats/census-2010-2020.csv: the Guangdong (44), Guangxi (45) and Hainan (46) rows of
// leiii/census census_city_2010-2020_v1.csv (MIT), a few columns, values copied unchanged, the WKT
// boundary polygon dropped. Usage: npx tsx scripts/build-census-stats.ts [path/to/census_city_2010-2020_v1.csv]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../src/places/csv';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const input = path.resolve(process.argv[2] ?? path.join(root, '..', 'shared', 'data', 'stats', 'leiii-census-2010-2020', 'census_city_2010-2020_v1.csv'));
const output = path.join(root, 'data', 'stats', 'census-2010-2020.csv');
const PROVINCES = new Set(['440000', '450000', '460000']);
const COLUMNS = ['city', 'city_code', 'province', 'popu_2020', 'popu_urban_2020', 'popu_2010', 'popu_urban_2010'] as const;

if (!fs.existsSync(input)) {
  console.error(`${input} not found: pass the path of census_city_2010-2020_v1.csv (leiii/census) as the first argument`);
  process.exit(1);
}
const rows = parseCsv(fs.readFileSync(input, 'utf8'), input).filter((r) => PROVINCES.has(r.province_code));
for (const c of COLUMNS) if (rows.length && !(c in rows[0])) throw new Error(`${input}: no column ${c}`);
const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const lines = [COLUMNS.join(','), ...rows.sort((a, b) => a.city_code.localeCompare(b.city_code)).map((r) => COLUMNS.map((c) => cell(r[c])).join(','))];
fs.writeFileSync(output, lines.join('\n') + '\n');
console.log(`${output}: ${rows.length} rows from ${input}`);
