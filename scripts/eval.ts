// npm run eval: extracts every document that has gold annotations (the sample plans and the other
// real documents of shared/eval/corpus) and scores it with shared/eval/score.mjs, the yardstick
// kept outside this repository. Then it says where extraction fails:
//   per document and per kind of document: targets P/R/F1, candidate recall (gold targets whose
//   number some candidate statement read at the gold place), target/not-target precision and
//   recall of the located candidates, slot accuracy (year, indicator, comparator, kind, unit,
//   baseline), metadata fields, duties and structures; per rule: precision of its targets.
//
//   PLANATLAS_EVAL_DIR   folder with gold/, corpus/ and score.mjs (default: ../shared/eval)
//   --verbose            list misses (with the reason) and extras (with the rule)
//   --doc ID             only this document (repeatable)
//   --save FILE          save the per-document figures as JSON
//   --compare FILE       print the change of every figure against a saved run
//   --rules FILE         write the measured per-rule precision (data/lexicons/rule-precision.json)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ingestBytes, sourceSpan, toNormalizedOffset } from '../src/ingest/index';
import { loadGazetteer } from '../src/places/index';
import { loadLexicons } from '../src/extract/lexicons';
import { analyze } from '../src/extract/analyze';
import { toExtractJson, type ExtractJson } from '../src/extract/index';
import { planStatements } from '../src/extract/statements';
import { repoRoot } from '../src/commands/samples';
import { confidenceFrom, type PrecisionTable } from '../src/extract/confidence';
import { dice, matchTargets, normText, normUnit, prf, quoteOverlap, sameIndicator, sameValue, type GoldTarget, type PredTarget } from './eval-match';

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const opts = (name: string) => argv.flatMap((a, i) => (a === name && argv[i + 1] ? [argv[i + 1]] : []));
const verbose = argv.includes('--verbose');

const evalDir = path.resolve(process.env.PLANATLAS_EVAL_DIR ?? path.join(repoRoot, '..', 'shared', 'eval'));
const goldDir = path.join(evalDir, 'gold');
if (!fs.existsSync(path.join(evalDir, 'score.mjs')) || !fs.existsSync(goldDir)) {
  console.error(`eval: no score.mjs and gold/ in ${evalDir}; set PLANATLAS_EVAL_DIR to the shared eval folder`);
  process.exit(2);
}
const sourceDirs = [path.join(evalDir, 'corpus'), path.join(evalDir, '..', 'plans'), path.join(repoRoot, 'data', 'plans')];

const readJsonl = <T>(p: string): T[] =>
  fs.existsSync(p) ? fs.readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T) : [];
const readJson = <T>(p: string, dflt: T): T => (fs.existsSync(p) ? (JSON.parse(fs.readFileSync(p, 'utf8')) as T) : dflt);

interface DocFigures {
  id: string;
  kind: string;
  gold: number;
  tp: number;
  fp: number;
  fn: number;
  f1: number;
  /** Gold targets (not borderline) whose number a candidate statement read at the gold place. */
  candidates: number;
  /** …of which the candidate was classified as a target. */
  classifiedTarget: number;
  /** Predicted targets that sit on a gold target (place and number), borderline ones left out. */
  predOnGold: number;
  predicted: number;
  slots: Record<string, { ok: number; n: number }>;
  meta: Record<string, boolean>;
  duties: { gold: number; tp: number; predicted: number };
  structures: { gold: number; tp: number };
  rules: Record<string, { tp: number; fp: number }>;
}

const ids = fs
  .readdirSync(goldDir)
  .filter((f) => f.endsWith('.meta.json'))
  .map((f) => f.replace(/\.meta\.json$/, ''))
  .filter((id) => opts('--doc').length === 0 || opts('--doc').includes(id))
  .sort();

const predDir = fs.mkdtempSync(path.join(os.tmpdir(), 'planatlas-eval-'));
const gaz = loadGazetteer();
const lex = loadLexicons();
const figures: DocFigures[] = [];
const report: string[] = [];
/** Every predicted target and fact with its rule, flags and whether the gold has it (for the confidence model). */
const judged: Array<{ doc: string; kind: 'targets' | 'facts'; rule: string; flags: string[]; correct: boolean }> = [];

for (const id of ids) {
  const file = sourceDirs.map((d) => path.join(d, `${id}.txt`)).find((f) => fs.existsSync(f));
  if (!file) {
    console.error(`eval: no source text for ${id} in ${sourceDirs.join(', ')}`);
    continue;
  }
  const text = await ingestBytes(new Uint8Array(fs.readFileSync(file)), file);
  const { doc, findings } = analyze(text, gaz, lex);
  const json = toExtractJson(doc, findings, (s, e) => sourceSpan(text, s, e).text);
  fs.writeFileSync(path.join(predDir, `${id}.json`), JSON.stringify(json));
  const goldMeta = readJson<Record<string, unknown>>(path.join(goldDir, `${id}.meta.json`), {});
  const gold = readJsonl<GoldTarget>(path.join(goldDir, `${id}.targets.jsonl`));
  const statements = planStatements(doc, { gazetteer: gaz, lexicons: lex });

  // where each gold quote sits in the normalized text (first occurrence in the source)
  const source = text.source.replace(/\r\n?/g, '\n') === text.source ? text.source : null;
  const locate = (quote: string) => {
    const hay = source ?? text.source;
    let at = hay.indexOf(quote);
    if (at < 0 && source === null) at = text.source.replace(/\r\n?/g, '\n').indexOf(quote);
    if (at < 0) return null;
    return { start: toNormalizedOffset(text.map, at), end: toNormalizedOffset(text.map, at + quote.length) };
  };
  const preds = json.targets as PredTarget[];
  const { gUsed, pUsed } = matchTargets(gold, preds);
  const f: DocFigures = {
    id,
    kind: docKind(goldMeta),
    gold: 0, tp: 0, fp: 0, fn: 0, f1: 0, candidates: 0, classifiedTarget: 0, predOnGold: 0, predicted: 0,
    slots: Object.fromEntries(['year', 'indicator', 'comparator', 'kind', 'unit', 'baseline'].map((k) => [k, { ok: 0, n: 0 }])),
    meta: {},
    duties: { gold: 0, tp: 0, predicted: 0 },
    structures: { gold: 0, tp: 0 },
    rules: {},
  };
  const lines: string[] = [];
  const borderlinePreds = new Set<number>();
  gold.forEach((g, gi) => {
    const at = locate(g.quote);
    const onGold = (s: { start: number; end: number; value: unknown; range?: [number, number] | null }) =>
      at !== null && s.start < at.end + 2 && at.start < s.end + 2 && (sameValue(s.value, g.value) || (s.range != null && sameValue(s.range[0], g.value)));
    if (g.borderline) {
      if (gUsed.has(gi)) borderlinePreds.add(gUsed.get(gi)!);
      return;
    }
    f.gold++;
    const cands = statements.filter(onGold);
    if (cands.length) f.candidates++;
    const asTarget = cands.filter((s) => s.tense === 'future');
    if (asTarget.length) f.classifiedTarget++;
    // slots: the predicted target on this gold place (matched one first)
    const p = gUsed.has(gi) ? preds[gUsed.get(gi)!] : preds.find((x) => x.start !== undefined && onGold({ start: x.start!, end: x.end!, value: x.value }));
    if (p) {
      const slot = (k: string, ok: boolean) => {
        f.slots[k].n++;
        if (ok) f.slots[k].ok++;
      };
      const before = Object.fromEntries(Object.entries(f.slots).map(([k, v]) => [k, v.ok]));
      slot('year', Number(p.year) === Number(g.year));
      slot('indicator', sameIndicator(p.indicator, g.indicator));
      slot('comparator', (p.comparator ?? 'eq') === (g.comparator ?? 'eq'));
      slot('kind', (p.kind ?? 'level') === (g.kind ?? 'level'));
      slot('unit', normUnit(p.unit) === normUnit(g.unit));
      if (g.baseline_value != null) slot('baseline', sameValue(p.baseline_value, g.baseline_value) && Number(p.baseline_year) === Number(g.baseline_year));
      const wrong = Object.keys(f.slots).filter((k) => f.slots[k].ok === before[k] && (k !== 'baseline' || g.baseline_value != null));
      const shown: Record<string, [unknown, unknown]> = { year: [p.year, g.year], indicator: [p.indicator, g.indicator], comparator: [p.comparator, g.comparator ?? 'eq'], kind: [p.kind, g.kind ?? 'level'], unit: [p.unit, g.unit], baseline: [p.baseline_value, g.baseline_value] };
      for (const k of wrong) lines.push(`  slot ${k}: ${JSON.stringify(shown[k][0])} where gold has ${JSON.stringify(shown[k][1])}  «${g.quote}»`);
    }
    if (gUsed.has(gi)) f.tp++;
    else {
      f.fn++;
      const why = !cands.length ? 'no candidate' : !asTarget.length ? 'read as not a target' : p ? wrongSlots(p, g) : 'candidate dropped';
      lines.push(`  missed (${why}): ${g.indicator} ${g.year} ${g.value}${g.unit ?? ''}  «${g.quote}»`);
    }
  });
  preds.forEach((p, pi) => {
    const rule = p.rule ?? '?';
    f.rules[rule] ??= { tp: 0, fp: 0 };
    if (borderlinePreds.has(pi)) return;
    judged.push({ doc: id, kind: 'targets', rule, flags: ((p as { flags?: string[] }).flags ?? []), correct: pUsed.has(pi) });
    f.predicted++;
    const onSomeGold = gold.some((g) => {
      if (g.borderline) return false;
      const at = locate(g.quote);
      return at !== null && p.start! < at.end + 2 && at.start < p.end! + 2 && sameValue(p.value, g.value);
    });
    if (onSomeGold) f.predOnGold++;
    if (pUsed.has(pi)) f.rules[rule].tp++;
    else {
      f.fp++;
      f.rules[rule].fp++;
      lines.push(`  extra [${rule}]: ${p.indicator} ${p.year} ${p.value}${p.unit ?? ''}  «${p.quote ?? ''}»`);
    }
  });
  f.f1 = prf(f.tp, f.fp, f.fn).f1;
  // facts: judged against the gold facts where a document has them
  const goldFacts = readJsonl<GoldTarget>(path.join(goldDir, `${id}.facts.jsonl`));
  if (goldFacts.length) {
    const predFacts = json.facts as PredTarget[];
    const fm = matchTargets(goldFacts, predFacts);
    predFacts.forEach((p, pi) => judged.push({ doc: id, kind: 'facts', rule: p.rule ?? '?', flags: ((p as { flags?: string[] }).flags ?? []), correct: fm.pUsed.has(pi) }));
  }
  f.meta = scoreMeta(json.meta, goldMeta);
  const goldD = readJsonl<{ task: string; lead: string[]; quote?: string }>(path.join(goldDir, `${id}.duties.jsonl`));
  f.duties = { gold: goldD.length, tp: matchDuties(goldD, json.duties as Array<{ task?: string; lead?: string[]; quote?: string }>), predicted: json.duties.length };
  const goldS = readJson<Array<{ code: string; borderline?: boolean }>>(path.join(goldDir, `${id}.structures.json`), []).filter((s) => !s.borderline);
  f.structures = { gold: goldS.length, tp: goldS.filter((g) => json.structures.some((p) => sameCode(String(p.code ?? ''), g.code))).length };
  figures.push(f);
  const wrongMeta = Object.entries(f.meta).filter(([, ok]) => !ok).map(([k]) => `${k}: ${JSON.stringify((json.meta as Record<string, unknown>)[k])} ≠ ${JSON.stringify(goldMeta[k])}`);
  if (verbose) report.push(`${id}`, ...wrongMeta.map((w) => `  meta ${w}`), ...lines);
}

// ---- the official figures ---------------------------------------------------------------------
console.log(`eval: ${figures.length} documents with gold in ${goldDir}\n`);
const score = spawnSync(process.execPath, [path.join(evalDir, 'score.mjs'), '--gold', goldDir, '--pred-dir', predDir, '--json'], { encoding: 'utf8' });
const official = score.stdout.split('\n').filter((l) => !l.startsWith('{'));
const chosen = (l: string) => opts('--doc').length === 0 || l.startsWith('TOTAL') || opts('--doc').some((id) => l.startsWith(`${id}:`));
console.log(official.filter((l) => !/^\s/.test(l) && chosen(l)).join('\n'));
for (const f of figures) {
  const line = official.find((l) => l.startsWith(`${f.id}:`));
  const m = line && /tp (\d+) fp (\d+) fn (\d+)/.exec(line);
  if (m && (Number(m[1]) !== f.tp || Number(m[2]) !== f.fp || Number(m[3]) !== f.fn)) {
    console.log(`  (warning: score.mjs counts ${f.id} tp ${m[1]} fp ${m[2]} fn ${m[3]}; this script ${f.tp}/${f.fp}/${f.fn})`);
  }
}
fs.rmSync(predDir, { recursive: true, force: true });

// ---- where it fails ---------------------------------------------------------------------------
const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(0).padStart(3) : '  -');
const header = 'document                      kind     gold  P    R    F1 | cand  cls-R cls-P | year ind  cmp  kind unit base | meta | duties';
console.log(`\n${header}`);
const row = (name: string, fs_: DocFigures[]) => {
  const sum = (k: keyof DocFigures) => fs_.reduce((n, f) => n + (f[k] as number), 0);
  const tp = sum('tp'), fp = sum('fp'), fn = sum('fn'), gold = sum('gold');
  const m = prf(tp, fp, fn);
  const slot = (k: string) => pct(fs_.reduce((n, f) => n + f.slots[k].ok, 0), fs_.reduce((n, f) => n + f.slots[k].n, 0));
  const metaOk = fs_.reduce((n, f) => n + Object.values(f.meta).filter(Boolean).length, 0);
  const metaN = fs_.reduce((n, f) => n + Object.keys(f.meta).length, 0);
  const dg = fs_.reduce((n, f) => n + f.duties.gold, 0), dt = fs_.reduce((n, f) => n + f.duties.tp, 0);
  return `${name.padEnd(29)} ${fs_.length === 1 ? fs_[0].kind.padEnd(8) : `(${fs_.length})`.padEnd(8)} ${String(gold).padStart(4)} ${pct(m.p * 100, 100)}  ${pct(m.r * 100, 100)}  ${pct(m.f1 * 100, 100)} |  ${pct(sum('candidates'), gold)}  ${pct(sum('classifiedTarget'), sum('candidates'))}   ${pct(sum('predOnGold'), sum('predicted'))}  |  ${slot('year')}  ${slot('indicator')}  ${slot('comparator')}  ${slot('kind')}  ${slot('unit')}  ${slot('baseline')} | ${pct(metaOk, metaN)}  | ${dg ? `${dt}/${dg}` : '-'}`;
};
for (const f of figures) console.log(row(f.id, [f]));
const kinds = [...new Set(figures.map((f) => f.kind))].sort();
for (const k of kinds) console.log(row(`all ${k}`, figures.filter((f) => f.kind === k)));
console.log(row('TOTAL', figures));
console.log('cand: gold targets some candidate read at their place · cls-R/cls-P: of those, read as targets / predicted targets on a gold place · slots on predicted targets at a gold place');

const rules: Record<string, { tp: number; fp: number }> = {};
for (const f of figures) for (const [r, c] of Object.entries(f.rules)) {
  rules[r] ??= { tp: 0, fp: 0 };
  rules[r].tp += c.tp;
  rules[r].fp += c.fp;
}
console.log('\nrule                          targets  precision');
for (const [r, c] of Object.entries(rules).sort((a, b) => b[1].tp + b[1].fp - (a[1].tp + a[1].fp))) {
  console.log(`${r.padEnd(29)} ${String(c.tp + c.fp).padStart(7)}  ${pct(c.tp, c.tp + c.fp)}%`);
}
if (verbose) console.log(`\n${report.join('\n')}`);

// the confidence model (src/extract/confidence.ts): counts per rule and per flag; how well it predicts
// whether a finding is right, measured leaving each document out in turn (Brier score, lower is better)
const countTable = (rows: typeof judged): PrecisionTable => {
  const t: PrecisionTable = { overall: { tp: 0, n: 0 }, rules: {}, flags: {} };
  for (const r of rows) {
    const add = (c: { tp: number; n: number }) => {
      c.n++;
      if (r.correct) c.tp++;
    };
    add(t.overall);
    add((t.rules[r.rule] ??= { tp: 0, n: 0 }));
    for (const fl of new Set(r.flags)) add((t.flags[fl] ??= { tp: 0, n: 0 }));
  }
  return t;
};
for (const kind of ['targets', 'facts'] as const) {
  const rows = judged.filter((r) => r.kind === kind);
  if (!rows.length) continue;
  const brier = (tableFor: (doc: string) => PrecisionTable) => rows.reduce((s, r) => s + (confidenceFrom(tableFor(r.doc), r.rule, r.flags) - (r.correct ? 1 : 0)) ** 2, 0) / rows.length;
  const all = countTable(rows);
  const loo = new Map([...new Set(rows.map((r) => r.doc))].map((d) => [d, countTable(rows.filter((r) => r.doc !== d))]));
  // the baseline: every finding gets the overall precision of the other documents
  const constant = rows.reduce((s, r) => {
    const t = loo.get(r.doc)!;
    return s + ((t.overall.n ? t.overall.tp / t.overall.n : 0.5) - (r.correct ? 1 : 0)) ** 2;
  }, 0) / rows.length;
  console.log(`confidence of ${kind} (${rows.length} judged, ${all.overall.tp} right): Brier ${brier(() => all).toFixed(4)} in sample, ${brier((d) => loo.get(d)!).toFixed(4)} leaving each document out (overall precision alone: ${constant.toFixed(4)})`);
}
if (opt('--rules')) {
  const table = (kind: 'targets' | 'facts') => countTable(judged.filter((r) => r.kind === kind));
  const body = { _about: 'Counts measured by `npm run eval -- --rules data/lexicons/rule-precision.json` on the shared gold: per rule and per flag, how many findings it made (n) and how many the gold has (tp). src/extract/confidence.ts turns them into confidences. Regenerate after changing the rules.', targets: table('targets'), facts: table('facts') };
  fs.writeFileSync(opt('--rules')!, `${JSON.stringify(body, null, 1)}\n`);
  console.log(`\nrule and flag counts written to ${opt('--rules')}`);
}

if (opt('--save')) fs.writeFileSync(opt('--save')!, JSON.stringify(figures, null, 1));
if (opt('--compare')) {
  const before = JSON.parse(fs.readFileSync(opt('--compare')!, 'utf8')) as DocFigures[];
  console.log(`\nchange against ${opt('--compare')}:`);
  let fell = false;
  for (const f of figures) {
    const b = before.find((x) => x.id === f.id);
    if (!b) continue;
    const metaNow = Object.values(f.meta).filter(Boolean).length, metaThen = Object.values(b.meta).filter(Boolean).length;
    const d = (x: number, y: number) => (x === y ? '=' : x > y ? `+${x - y}` : `${x - y}`);
    const df1 = ((f.f1 - b.f1) * 100).toFixed(1);
    if (f.f1 < b.f1 - 1e-9 || metaNow < metaThen || f.duties.tp < b.duties.tp) fell = true;
    console.log(`  ${f.id.padEnd(28)} F1 ${(b.f1 * 100).toFixed(1)} → ${(f.f1 * 100).toFixed(1)} (${Number(df1) >= 0 ? '+' : ''}${df1})  tp ${d(f.tp, b.tp)} fp ${d(f.fp, b.fp)}  meta ${d(metaNow, metaThen)}  duties ${d(f.duties.tp, b.duties.tp)}`);
  }
  const sum = (xs: DocFigures[], k: 'tp' | 'fp' | 'fn') => xs.reduce((n, f) => n + f[k], 0);
  const now = prf(sum(figures, 'tp'), sum(figures, 'fp'), sum(figures, 'fn')).f1;
  const then = prf(sum(before, 'tp'), sum(before, 'fp'), sum(before, 'fn')).f1;
  console.log(`  TOTAL F1 ${(then * 100).toFixed(1)} → ${(now * 100).toFixed(1)}${fell ? '   (some document fell)' : ''}`);
}
process.exit(score.status ?? 1);

// ---- helpers ----------------------------------------------------------------------------------
function docKind(meta: Record<string, unknown>): string {
  const t = String(meta.doc_type ?? '');
  if (/工作报告/.test(t)) return 'report';
  if (/意见|方案|计划|办法/.test(t)) return 'policy';
  return 'plan';
}

function wrongSlots(p: PredTarget, g: GoldTarget): string {
  const bad: string[] = [];
  if (Number(p.year) !== Number(g.year)) bad.push(`year ${p.year}`);
  if (!sameValue(p.value, g.value)) bad.push(`value ${p.value}`);
  if (normUnit(p.unit) !== normUnit(g.unit)) bad.push(`unit ${p.unit}`);
  if (!sameIndicator(p.indicator, g.indicator) && !quoteOverlap(g.quote, p)) bad.push(`indicator ${p.indicator}`);
  return bad.length ? `wrong ${bad.join(', ')}` : 'matched elsewhere';
}

function scoreMeta(pm: ExtractJson['meta'], gm: Record<string, unknown>): Record<string, boolean> {
  const normTitle = (t: unknown) => normText(String(t ?? '').replace(/^#+/, '').replace(/[（(][^（()）]*\d{4}[^（()）]*[)）]/g, ''));
  const sameSet = (a: unknown, b: unknown) => {
    const A = [...new Set(((a as string[]) ?? []).map(normText))].sort();
    const B = [...new Set(((b as string[]) ?? []).map(normText))].sort();
    return JSON.stringify(A) === JSON.stringify(B);
  };
  return {
    title: !!gm.title && normTitle(pm.title) === normTitle(gm.title),
    issuer: sameSet(pm.issuer, gm.issuer),
    doc_number: normText(pm.doc_number ?? '') === normText(gm.doc_number ?? ''),
    issued: String(pm.issued ?? '') === String(gm.issued ?? ''),
    period: JSON.stringify(pm.period ?? null) === JSON.stringify(gm.period ?? null),
    horizon: Number(pm.horizon ?? 0) === Number(gm.horizon ?? 0),
  };
}

function matchDuties(gold: Array<{ task: string; lead: string[]; quote?: string }>, pred: Array<{ task?: string; lead?: string[]; quote?: string }>): number {
  const setEq = (a: string[] = [], b: string[] = []) => {
    const A = new Set(a.map(normText)), B = new Set(b.map(normText));
    return A.size === B.size && [...A].every((x) => B.has(x));
  };
  const used = new Set<number>();
  let tp = 0;
  for (const g of gold) {
    const i = pred.findIndex((p, k) => !used.has(k) && setEq(p.lead, g.lead) && (quoteOverlap(g.quote, p) || dice(p.task ?? '', g.task) >= 0.5));
    if (i >= 0) {
      used.add(i);
      tp++;
    }
  }
  return tp;
}

function sameCode(p: string, g: string): boolean {
  const x = normText(p), y = normText(g);
  return x === y || x.includes(y) || (!!x && y.includes(x));
}
