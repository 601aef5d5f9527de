// Benchmark: 检索 over the sample plans through the HTTP route (app.inject) on PGlite, or on a
// PostgreSQL server with BENCH_DATABASE_URL set (a throwaway database is created there and dropped).
// Prints tokenizing speed and per-query latency (median, p95, max). Run: npx tsx bench/search.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { buildApp } from '../src/server/app';
import { ingestPlan } from '../src/commands/ingest-plan';
import { openStore } from '../src/store/db';
import { samplePlanFiles } from '../src/commands/samples';
import { loadGazetteer } from '../src/places/index';
import { loadLexicons } from '../src/extract/lexicons';
import { getSegmenter } from '../src/search/segmenter';
import { splitPassages } from '../src/search/passages';

const gazetteer = loadGazetteer();
const lexicons = loadLexicons();
let t = performance.now();
const seg = getSegmenter(gazetteer, lexicons);
console.log(`segmenter with planning dictionary: ${(performance.now() - t).toFixed(0)} ms`);

const texts = samplePlanFiles().map((f) => fs.readFileSync(f, 'utf8'));
const chars = texts.reduce((n, s) => n + s.length, 0);
t = performance.now();
let tokens = 0;
for (const s of texts) for (const p of splitPassages(s, [])) tokens += seg.indexTokens(p.text).length;
const ms = performance.now() - t;
console.log(`tokenize: ${chars} chars → ${tokens} tokens in ${ms.toFixed(0)} ms (${((chars / ms) * 1000 / 1e6).toFixed(2)} M chars/s)`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planatlas-bench-'));
const server = process.env.BENCH_DATABASE_URL;
const dbName = `planatlas_bench_${process.pid}`;
async function admin(statement: string) {
  const c = new pg.Client({ connectionString: server });
  await c.connect();
  await c.query(statement);
  await c.end();
}
let databaseUrl: string | undefined;
if (server) {
  await admin(`create database ${dbName} template template0 encoding 'UTF8'`);
  const u = new URL(server);
  u.pathname = '/' + dbName;
  databaseUrl = u.toString();
}
const store = await openStore(databaseUrl ? { databaseUrl } : { dataDir: dir });
try {
  for (const f of samplePlanFiles()) await ingestPlan(store, { bytes: fs.readFileSync(f), fileName: path.basename(f) }, gazetteer, lexicons);
  const app = await buildApp({ store, gazetteer, lexicons, maxFileBytes: 50 << 20, actor: 'bench' }, { webDir: null });
  const queries = ['城镇化率', '湛茂都市圈', '粤港澳大湾区', '港口', '交通基础设施', '口城镇化', '地区生产总值', '北部湾城市群 合作', 'GDP', '生态'];
  const filters = ['', '&kind=target', '&year=2020', '&section=发展目标', '&kind=project&year=2015'];
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of queries) {
      for (const f of filters) {
        const s = performance.now();
        const r = await app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}${f}` });
        times.push(performance.now() - s);
        if (r.statusCode !== 200) throw new Error(`${q}${f}: ${r.statusCode} ${r.body}`);
      }
    }
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
  console.log(`search (${store.kind}, ${times.length} requests): median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${times[times.length - 1].toFixed(1)} ms`);
  await app.close();
} finally {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
  if (server) await admin(`drop database if exists ${dbName} with (force)`);
}
