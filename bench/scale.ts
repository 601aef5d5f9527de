// Benchmark: reads that scale (issue #9, item 9). Builds a corpus of synthetic plans from the
// sample plans, then prints side by side for PGlite and (when a PostgreSQL URL is given)
// PostgreSQL: the search handler against the bare full-text SQL it runs, the place page of 湛江市
// and the plan list under concurrent clients, and the server's memory.
//
//   npm run bench:scale -- [--plans 1000] [--distinct 20] [--clients 20] [--rounds 10] [--search-rounds 150]
//                          [--pg URL [--pg-only] [--keep | --db NAME]]
//
// The corpus: `distinct` texts are made from the sample plans (each drops a different eighth of its
// base plan's paragraphs, so every text differs) and ingested through the real ingestPlan command
// (extraction included); the other plans are SQL copies of those versions (plan, version, sections,
// repairs, covered places, findings, effective findings and places, search passages) under their own key,
// slug and title, because extracting 1,000 plans takes hours on this machine. PostgreSQL (from
// --pg or DATABASE_URL) is used as an admin connection: the bench creates its own database there
// and drops it afterwards. Every request goes to 127.0.0.1; request loops are bounded in count and
// time.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { ingestPlan } from '../src/commands/ingest-plan';
import { repoRoot, samplePlanFiles } from '../src/commands/samples';
import { loadLexicons } from '../src/extract/lexicons';
import { loadGazetteer } from '../src/places/index';
import { getSegmenter } from '../src/search/segmenter';
import { containsPattern, tsqueryText } from '../src/search/syntax';
import { buildApp } from '../src/server/app';
import { openStore, queryRows, type Store } from '../src/store/db';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const PLANS = Number(opt('plans', '1000'));
const DISTINCT = Math.min(PLANS, Number(opt('distinct', '20')));
const CLIENTS = Number(opt('clients', '20'));
const ROUNDS = Number(opt('rounds', '10'));
// p95 of 40 rounds is the second slowest: one hiccup of the machine decides it.
const SEARCH_ROUNDS = Number(opt('search-rounds', '150'));
const PG_URL = opt('pg', process.env.DATABASE_URL ?? '');
/** Keep the PostgreSQL database afterwards (its name is printed), e.g. to look at query plans. */
const KEEP = args.includes('--keep');
/** Measure a PostgreSQL database kept by an earlier --keep run (no corpus is built; it is kept again; PGlite is skipped). */
const REUSE = opt('db', '');
/** Skip PGlite (measure PostgreSQL only). */
const PG_ONLY = args.includes('--pg-only') || REUSE !== '';
/** No request loop runs longer than this. */
const LOOP_MS = 90_000;
const REQUEST_MS = 60_000;

const gaz = loadGazetteer();
const lex = loadLexicons();
const seg = getSegmenter(gaz, lex);
const sink = { write: () => true } as unknown as NodeJS.WritableStream;

type Figures = Record<string, string>;

// ---------------------------------------------------------------- corpus

/** The i-th synthetic text: its base sample plan without one eighth of its paragraphs (never the first 60 lines: title, TOC). */
function syntheticText(samples: string[], i: number): string {
  const lines = samples[i % samples.length].split('\n');
  const k = Math.floor(i / samples.length) % 8;
  const body = lines.length - 60;
  if (body < 16) return lines.join('\n') + `\n（合成样本${i}）\n`;
  const a = 60 + Math.floor((body * k) / 8);
  const b = 60 + Math.floor((body * (k + 1)) / 8);
  return [...lines.slice(0, a), ...lines.slice(b)].join('\n');
}

async function columnsOf(store: Store, table: string): Promise<string[]> {
  const rows = await queryRows<{ column_name: string }>(
    store.db,
    sql`select column_name from information_schema.columns where table_schema = current_schema() and table_name = ${table} order by ordinal_position`,
  );
  return rows.map((r) => r.column_name);
}

/** One statement that copies version `src` as the current version of a new plan. */
async function cloneStatement(store: Store): Promise<(src: number, planId: number, versionId: number, key: string, slug: string, title: string) => ReturnType<typeof sql>> {
  const cols = async (table: string, skip: string[]) => (await columnsOf(store, table)).filter((c) => !skip.includes(c)).map((c) => `"${c}"`);
  const v = await cols('plan_versions', ['id', 'plan_id']);
  const s = await cols('sections', ['id', 'version_id']);
  const r = await cols('repairs', ['id', 'version_id']);
  const f = await cols('findings', ['id', 'version_id', 'plan_id']);
  const e = await cols('effective_findings', ['id', 'version_id', 'plan_id', 'finding_id']);
  const p = await cols('passages', ['id', 'version_id', 'plan_id']);
  const ep = await cols('effective_places', ['version_id', 'plan_id']);
  const epc = await cols('effective_place_counts', ['version_id']);
  const list = (c: string[], prefix = '') => c.map((x) => prefix + x).join(', ');
  return (src, planId, versionId, key, slug, title) =>
    sql.raw(`with np as (insert into plans (id, plan_key, slug, title, current_version_id) values (${planId}, '${key}', '${slug}', '${title.replace(/'/g, "''")}', ${versionId}) returning id),
      nv as (insert into plan_versions (id, plan_id, ${list(v)}) select ${versionId}, ${planId}, ${list(v, 'x.')} from plan_versions x where x.id = ${src} returning id),
      ns as (insert into sections (version_id, ${list(s)}) select ${versionId}, ${list(s, 'x.')} from sections x where x.version_id = ${src}),
      nr as (insert into repairs (version_id, ${list(r)}) select ${versionId}, ${list(r, 'x.')} from repairs x where x.version_id = ${src}),
      npp as (insert into plan_places (version_id, place_code, role) select ${versionId}, x.place_code, x.role from plan_places x where x.version_id = ${src}),
      nf as (insert into findings (version_id, plan_id, ${list(f)}) select ${versionId}, ${planId}, ${list(f, 'x.')} from findings x where x.version_id = ${src} returning id, identity),
      nps as (insert into passages (version_id, plan_id, ${list(p)}) select ${versionId}, ${planId}, ${list(p, 'x.')} from passages x where x.version_id = ${src}),
      nep as (insert into effective_places (version_id, plan_id, ${list(ep)}) select ${versionId}, ${planId}, ${list(ep, 'x.')} from effective_places x where x.version_id = ${src}),
      nepc as (insert into effective_place_counts (version_id, ${list(epc)}) select ${versionId}, ${list(epc, 'x.')} from effective_place_counts x where x.version_id = ${src})
      insert into effective_findings (version_id, plan_id, finding_id, ${list(e)})
        select ${versionId}, ${planId}, nf.id, ${list(e, 'x.')} from effective_findings x left join nf on x.finding_id is not null and nf.identity = x.identity
        where x.version_id = ${src}`);
}

async function buildCorpus(store: Store, log: (s: string) => void): Promise<Figures> {
  const samples = samplePlanFiles().map((f) => fs.readFileSync(f, 'utf8'));
  const t0 = performance.now();
  const sources: number[] = [];
  for (let i = 0; i < DISTINCT; i++) {
    const r = await ingestPlan(store, { bytes: new TextEncoder().encode(syntheticText(samples, i)), fileName: `synthetic-${i}.txt`, actor: 'bench' });
    // Texts from one base keep its title (the plan key): give each its own so the next is a new plan, not a version.
    await store.db.execute(sql`update plans set plan_key = ${`synthetic:${i}`}, title = ${`${r.title}（合成${i}）`} where id = ${r.planId}`);
    sources.push(r.versionId);
    log(`  ingested ${i + 1}/${DISTINCT}\r`);
  }
  const ingestMs = performance.now() - t0;
  const clone = await cloneStatement(store);
  const t1 = performance.now();
  const titles = await queryRows<{ id: number; title: string }>(store.db, sql`select current_version_id as id, title from plans`);
  const titleOf = new Map(titles.map((t) => [Number(t.id), t.title]));
  for (let k = DISTINCT; k < PLANS; k++) {
    const src = sources[k % DISTINCT];
    const [ids] = await queryRows<{ p: number; v: number }>(
      store.db,
      sql`select nextval(pg_get_serial_sequence('plans', 'id')) as p, nextval(pg_get_serial_sequence('plan_versions', 'id')) as v`,
    );
    await store.db.execute(clone(src, Number(ids.p), Number(ids.v), `synthetic:${k}`, `synthetic-${k}`, `${titleOf.get(src)}·${k}`));
    if (k % 50 === 0) log(`  copied ${k + 1}/${PLANS}\r`);
  }
  const cloneMs = performance.now() - t1;
  await store.db.execute(sql`vacuum analyze`);
  const [n] = await queryRows<{ plans: number; findings: number; effective: number; passages: number }>(
    store.db,
    sql`select (select count(*) from plans) as plans, (select count(*) from findings) as findings,
          (select count(*) from effective_findings) as effective, (select count(*) from passages) as passages`,
  );
  return {
    'corpus: plans / findings / passages': `${n.plans} / ${n.findings} / ${n.passages}`,
    'corpus: ingest (real command) per plan': `${(ingestMs / DISTINCT / 1000).toFixed(1)} s × ${DISTINCT}`,
    'corpus: SQL copies': `${((cloneMs / Math.max(1, PLANS - DISTINCT)) | 0)} ms × ${PLANS - DISTINCT}`,
  };
}

// ---------------------------------------------------------------- timing

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] : NaN;
};
const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '—');

const QUERIES = ['城镇化率', '湛茂都市圈 港口', '交通', '产业园区'];

/** The search handler (in process, fastify inject) against the bare SQL it runs, interleaved. */
async function searchFigures(store: Store): Promise<Figures> {
  const app = await buildApp({ store, gazetteer: gaz, lexicons: lex, maxFileBytes: 50 * 1024 * 1024, actor: 'bench' });
  const out: Figures = {};
  const ratios: number[] = [];
  for (const q of QUERIES) {
    const words = seg.queryTerms(q);
    const tsq = tsqueryText(words);
    const literal = [...q].length >= 3 ? containsPattern(q) : null;
    const match = literal ? sql`(p.tokens @@ ${tsq}::tsquery or p.text ilike ${literal})` : sql`p.tokens @@ ${tsq}::tsquery`;
    const bare = sql`select p.version_id, p.plan_id, pl.slug, pl.title, p.section_path, p.section_title, p.start, p."end", p.text, count(*) over () as total
      from passages p join plans pl on pl.current_version_id = p.version_id where ${match}
      order by (case when p.tokens @@ ${tsq}::tsquery then ts_rank(p.tokens, ${tsq}::tsquery, 1) else 0 end)
        + ${literal ? sql`(case when p.text ilike ${literal} then 0.05 else 0 end)` : sql`0`} desc, p.plan_id, p.seq limit 20`;
    const url = `/api/search?q=${encodeURIComponent(q)}`;
    for (let i = 0; i < 3; i++) {
      await app.inject(url);
      await store.db.execute(bare);
    }
    const h: number[] = [];
    const b: number[] = [];
    const until = performance.now() + LOOP_MS;
    let total = 0;
    for (let i = 0; i < SEARCH_ROUNDS && performance.now() < until; i++) {
      let t = performance.now();
      const res = await app.inject(url);
      h.push(performance.now() - t);
      total = (res.json() as { total: number }).total;
      t = performance.now();
      await store.db.execute(bare);
      b.push(performance.now() - t);
    }
    const ratio = pct(h, 0.95) / pct(b, 0.95);
    ratios.push(ratio);
    out[`search ${q} (${total} hits): handler p50/p95`] = `${ms(pct(h, 0.5))} / ${ms(pct(h, 0.95))} ms`;
    out[`search ${q}: bare SQL p50/p95, ratio p95`] = `${ms(pct(b, 0.5))} / ${ms(pct(b, 0.95))} ms, ×${ratio.toFixed(2)}`;
  }
  out['search: worst handler/SQL p95 ratio'] = `×${Math.max(...ratios).toFixed(2)}`;
  await app.close();
  return out;
}

/** `clients` clients each asking `ROUNDS` times (bounded by LOOP_MS), over loopback HTTP. */
async function concurrent(base: string, url: string, clients: number, rounds = ROUNDS): Promise<{ times: number[]; failed: number; bytes: number }> {
  const times: number[] = [];
  let failed = 0;
  let bytes = 0;
  const until = performance.now() + LOOP_MS;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = 0; i < rounds && performance.now() < until; i++) {
        const t = performance.now();
        try {
          const res = await fetch(base + url, { signal: AbortSignal.timeout(REQUEST_MS) });
          const body = await res.arrayBuffer();
          if (res.status !== 200) failed++;
          else times.push(performance.now() - t);
          bytes = body.byteLength;
        } catch {
          failed++;
        }
      }
    }),
  );
  return { times, failed, bytes };
}

function rssOf(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+) kB`));
    return m ? Number(m[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** The real server (src/cli serve) in its own process, on the corpus just built. */
async function startServer(dataDir: string, databaseUrl: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli/main.ts'), '--data', dataDir, 'serve', '--port', '0', '--no-samples'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 120 s:\n${log}`)), 120_000);
    const onData = (d: Buffer) => {
      log += d.toString();
      const m = log.match(/running at (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${log}`)));
  });
  return { child, base };
}

async function serverFigures(dataDir: string, databaseUrl: string): Promise<Figures> {
  const { child, base } = await startServer(dataDir, databaseUrl);
  const out: Figures = {};
  let peak = rssOf(child.pid!, 'VmRSS');
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(child.pid!, 'VmRSS'))), 100);
  try {
    const addresses: Array<[string, string]> = [
      ['place page 湛江市', '/api/places/440800'],
      ['plan list', '/api/plans'],
      ['plan list, page 6', '/api/plans?offset=500'],
      ['plan list, place 湛江市', `/api/plans?place=${encodeURIComponent('湛江市')}`],
      ['plan facets', '/api/plan-facets'],
      ['map units', '/api/map/units'],
      ['review orphans', '/api/review/orphans'],
      ['search 交通', `/api/search?q=${encodeURIComponent('交通')}`],
    ];
    for (const [label, url] of addresses) {
      const one = await concurrent(base, url, 1); // warm-up, and the size of one answer
      await concurrent(base, url, CLIENTS, 1); // one request per client: the server's connections are all open, as in a server that has been running
      const r = await concurrent(base, url, CLIENTS);
      out[`${label}: ${CLIENTS} clients p50/p95/max`] = `${ms(pct(r.times, 0.5))} / ${ms(pct(r.times, 0.95))} / ${ms(pct(r.times, 1))} ms${r.failed ? `, ${r.failed} failed` : ''}, ${(one.bytes / 1024).toFixed(0)} KB`;
    }
    // Pages that judge plans (monitoring): one client, two requests each (60 s at most each); not among the targets.
    const singles: Array<[string, string]> = [
      ['plan monitor synthetic-0', '/api/plans/synthetic-0/monitor'],
      ['department 省发展改革委 (first 20 plans)', `/api/departments/${encodeURIComponent('省发展改革委')}`],
      ['indicator urbanization (first 20 plans)', '/api/indicators/urbanization'],
    ];
    for (const [label, url] of singles) {
      const r = await concurrent(base, url, 1, 2);
      out[`${label}: 1 client p50/max`] = `${ms(pct(r.times, 0.5))} / ${ms(pct(r.times, 1))} ms${r.failed ? `, ${r.failed} failed` : ''}, ${(r.bytes / 1024).toFixed(0)} KB`;
    }
  } finally {
    clearInterval(sampler);
    out['server RSS: peak sampled / high-water mark'] = `${(peak / 2 ** 20).toFixed(0)} / ${(rssOf(child.pid!, 'VmHWM') / 2 ** 20).toFixed(0)} MiB`;
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  return out;
}

// ---------------------------------------------------------------- run

async function runBackend(name: string, open: () => Promise<{ store: Store; dataDir: string; databaseUrl: string; dispose(): Promise<void> }>): Promise<Figures> {
  const log = (s: string) => process.stderr.write(`[${name}] ${s}`);
  const b = await open();
  try {
    const corpus = REUSE ? { corpus: `database ${REUSE}, built by an earlier run` } : await buildCorpus(b.store, log);
    log('corpus built; searching in process\n');
    const search = await searchFigures(b.store);
    await b.store.close();
    log('starting the server\n');
    return { ...corpus, ...search, ...(await serverFigures(b.dataDir, b.databaseUrl)) };
  } finally {
    await b.dispose();
  }
}

const results: Array<[string, Figures]> = [];
if (!PG_ONLY) results.push([
  'PGlite',
  await runBackend('pglite', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'planatlas-bench-scale-'));
    const store = await openStore({ dataDir });
    return { store, dataDir, databaseUrl: '', dispose: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }),
]);
if (PG_URL) {
  results.push([
    'PostgreSQL',
    await runBackend('postgres', async () => {
      const name = REUSE || `planatlas_bench_${process.pid}`;
      if (!REUSE) {
        const admin = new pg.Client({ connectionString: PG_URL });
        await admin.connect();
        await admin.query(`create database ${name} template template0 encoding 'UTF8'`);
        await admin.end();
      }
      const u = new URL(PG_URL);
      u.pathname = '/' + name;
      const store = await openStore({ databaseUrl: u.toString() });
      return {
        store,
        dataDir: os.tmpdir(),
        databaseUrl: u.toString(),
        dispose: async () => {
          await store.close().catch(() => {});
          if (KEEP || REUSE) return void process.stderr.write(`kept database ${name}\n`);
          const a = new pg.Client({ connectionString: PG_URL });
          await a.connect();
          await a.query(`drop database if exists ${name} with (force)`);
          await a.end();
        },
      };
    }),
  ]);
}

const labels = [...new Set(results.flatMap(([, f]) => Object.keys(f)))];
const width = Math.max(...labels.map((l) => l.length)) + 2;
console.log(`\nReads that scale: ${PLANS} plans (${DISTINCT} ingested, the rest SQL copies), ${CLIENTS} concurrent clients × ${ROUNDS} requests, ${SEARCH_ROUNDS} search rounds\n`);
console.log(''.padEnd(width) + results.map(([n]) => n.padEnd(44)).join(''));
for (const l of labels) console.log(l.padEnd(width) + results.map(([, f]) => (f[l] ?? '—').padEnd(44)).join(''));
console.log('\nTargets: search handler/SQL p95 ≤ 1.5; place page and plan list p95 < 300 ms on PostgreSQL with 20 clients; server RSS < 1 GiB.');
