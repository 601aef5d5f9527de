// The word lists of lexicon.json: well-formed, and the central bodies in step with
// data/lexicons/agencies.csv (the extractors' lexicon of unit names).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import data from './lexicon.json' with { type: 'json' };
import { CENTRAL_AGENCIES, META_LABELS, PLAN_TITLE_WORDS, SPEAKER_TITLES } from './lexicon.js';

const lists = Object.entries(data).flatMap(([name, v]) =>
  typeof v === 'object' && v !== null
    ? Object.entries(v).filter(([, w]) => Array.isArray(w)).map(([k, w]) => [`${name}.${k}`, w as string[]] as const)
    : [],
);

describe('lexicon.json', () => {
  it.each(lists)('%s: non-empty words, no duplicates', (_name, words) => {
    expect(words.length).toBeGreaterThan(0);
    expect(words.every((w) => typeof w === 'string' && w.trim() === w && w.length > 0)).toBe(true);
    expect(new Set(words).size).toBe(words.length);
  });
  it('every section of it says what it is for', () => {
    for (const [name, v] of Object.entries(data)) if (name !== '_about') expect(typeof (v as { _for?: unknown })._for, name).toBe('string');
  });
  it('title words cover the kinds of documents read (plans, policies, measures, reports)', () => {
    for (const w of ['规划纲要', '实施方案', '实施意见', '行动计划', '考评办法', '细则', '政府工作报告', '通知']) expect(PLAN_TITLE_WORDS).toContain(w);
  });
  it('a label names one field only', () => {
    const all = Object.values(META_LABELS).flat();
    expect(new Set(all).size).toBe(all.length);
  });
  it('speaker offices: heads of government and heads of other bodies are apart', () => {
    expect(SPEAKER_TITLES.government.filter((t) => t in SPEAKER_TITLES.body)).toEqual([]);
  });
});

describe('central bodies', () => {
  it('every name and alias of a national row of data/lexicons/agencies.csv is known', () => {
    const csv = readFileSync(new URL('../../data/lexicons/agencies.csv', import.meta.url), 'utf8').trim().split('\n').slice(1);
    const missing: string[] = [];
    for (const row of csv) {
      const [name, aliases, ...note] = row.split(',');
      if (!/^(?:national|party organ|people's organisation)/.test(note.join(','))) continue;
      for (const n of [name, ...(aliases ? aliases.split('|') : [])]) if (!CENTRAL_AGENCIES.has(n)) missing.push(n);
    }
    expect(missing).toEqual([]);
  });
});
