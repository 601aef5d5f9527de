// Census figures (2010, 2020) of the Guangdong, Guangxi and Hainan prefecture units, from
// data/stats/census-2010-2020.csv (derived from leiii/census, MIT; see data/stats/README.md),
// and the indicators derived from them: 常住人口 (万人) and 常住人口城镇化率 (%).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from './csv';

export const CENSUS_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'stats', 'census-2010-2020.csv');

/** Where the figures come from, as the UI labels them. */
export const CENSUS_SOURCE = {
  label: '普查',
  labelEn: 'Census',
  citation: '第六次、第七次全国人口普查（地级单元）；leiii/census (MIT), Dong, Du & Liu 2022',
} as const;

export interface CensusRow {
  code: string;
  name: string;
  province: string;
  /** Persons; null where the source is empty. */
  pop2010: number | null;
  pop2020: number | null;
  urban2010: number | null;
  urban2020: number | null;
}

export interface CensusIndicator {
  id: string;
  name: string;
  nameEn: string;
  unit: string;
  year: number;
}

export const CENSUS_INDICATORS: readonly CensusIndicator[] = [
  { id: 'census-population-2020', name: '常住人口', nameEn: 'Resident population', unit: '万人', year: 2020 },
  { id: 'census-population-2010', name: '常住人口', nameEn: 'Resident population', unit: '万人', year: 2010 },
  { id: 'census-urbanization-2020', name: '常住人口城镇化率', nameEn: 'Urbanization rate', unit: '%', year: 2020 },
  { id: 'census-urbanization-2010', name: '常住人口城镇化率', nameEn: 'Urbanization rate', unit: '%', year: 2010 },
];

const num = (s: string | undefined): number | null => {
  if (s == null || s.trim() === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
};

/** Parses the derived census CSV (header: city,city_code,province,popu_2020,popu_urban_2020,popu_2010,popu_urban_2010). */
export function parseCensus(text: string, file = 'census.csv'): CensusRow[] {
  return parseCsv(text, file).map((r, i) => {
    if (!/^\d{6}$/.test(r.city_code ?? '')) throw new Error(`${file}:${i + 2}: field city_code: expected a six-digit code, got "${r.city_code}"`);
    return {
      code: r.city_code,
      name: r.city,
      province: r.province,
      pop2010: num(r.popu_2010),
      pop2020: num(r.popu_2020),
      urban2010: num(r.popu_urban_2010),
      urban2020: num(r.popu_urban_2020),
    };
  });
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** One derived indicator for one unit: population in 万人 (2 decimals), urbanization in % (2 decimals); null where a figure is missing. */
export function censusValue(row: CensusRow, indicatorId: string): number | null {
  const ind = CENSUS_INDICATORS.find((i) => i.id === indicatorId);
  if (!ind) return null;
  const pop = ind.year === 2020 ? row.pop2020 : row.pop2010;
  if (pop == null || pop <= 0) return null;
  if (ind.unit === '万人') return round(pop / 10000, 2);
  const urban = ind.year === 2020 ? row.urban2020 : row.urban2010;
  return urban == null ? null : round((urban / pop) * 100, 2);
}

let cache: Map<string, CensusRow> | undefined;

/** The census rows by code (read once). */
export function loadCensus(file: string = CENSUS_FILE): Map<string, CensusRow> {
  if (file !== CENSUS_FILE) return new Map(parseCensus(readFileSync(file, 'utf8'), file).map((r) => [r.code, r]));
  cache ??= new Map(parseCensus(readFileSync(file, 'utf8'), file).map((r) => [r.code, r]));
  return cache;
}
