// Loads the lexicons in data/lexicons (planner-readable CSV files) for the extractors.
//   indicators.csv  id,name,aliases,unit,higher_is_better,note   (aliases separated by |)
//   agencies.csv    name,aliases,note                            (aliases separated by |)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AgencyEntry, IndicatorEntry, Lexicons } from '../core/findings';
import { parseCsv } from '../places/csv';

export const lexiconDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/lexicons');

const cache = new Map<string, Lexicons>();

const list = (s: string | undefined): string[] =>
  (s ?? '')
    .split('|')
    .map((x) => x.trim())
    .filter(Boolean);

export function loadLexicons(dir = lexiconDir): Lexicons {
  const hit = cache.get(dir);
  if (hit) return hit;
  const read = (name: string): Record<string, string>[] => {
    const file = path.join(dir, name);
    return fs.existsSync(file) ? parseCsv(fs.readFileSync(file, 'utf8'), file, true) : [];
  };
  const indicators: IndicatorEntry[] = read('indicators.csv').map((r) => ({
    id: r.id,
    name: r.name,
    aliases: list(r.aliases),
    unit: r.unit || null,
    higherIsBetter: r.higher_is_better === 'yes' ? true : r.higher_is_better === 'no' ? false : null,
  }));
  const agencies: AgencyEntry[] = read('agencies.csv').map((r) => ({ name: r.name, aliases: list(r.aliases) }));
  const lex = { indicators, agencies };
  cache.set(dir, lex);
  return lex;
}
