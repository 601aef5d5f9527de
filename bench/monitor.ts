// Benchmark: monitoring on the sample corpus. Loads the sample plans and the shipped statistics
// into a fresh PGlite folder, then times computing every status of every plan (the stored read path:
// findings, observations, aggregation, assessment) and, per plan, the pure assessment alone.
// Run: npx tsx bench/monitor.ts [rounds]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ingestPlan } from '../src/commands/ingest-plan';
import { loadSampleObservations } from '../src/commands/observations';
import { samplePlanFiles } from '../src/commands/samples';
import { loadLexicons } from '../src/extract/lexicons';
import { loadGazetteer } from '../src/places/index';
import { openStore } from '../src/store/db';
import { getPlanMonitor } from '../src/store/monitor-views';
import { listPlans } from '../src/store/queries';

const rounds = Number(process.argv[2] ?? 20);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planatlas-bench-monitor-'));
const store = await openStore({ dataDir: dir });
const gaz = loadGazetteer();
const lex = loadLexicons();
try {
  for (const f of samplePlanFiles()) await ingestPlan(store, { bytes: fs.readFileSync(f), fileName: path.basename(f) }, gaz, lex);
  let t = performance.now();
  const n = await loadSampleObservations(store);
  console.log(`load sample statistics: ${n} observations in ${(performance.now() - t).toFixed(0)} ms`);
  const plans = (await listPlans(store)).filter((p) => p.currentVersionId != null);
  const times: number[] = [];
  let targets = 0;
  for (let i = 0; i < rounds; i++) {
    t = performance.now();
    targets = 0;
    for (const p of plans) {
      const m = await getPlanMonitor(store, gaz, lex.indicators, { id: p.id, slug: p.slug, title: p.title, currentVersionId: p.currentVersionId! });
      targets += m.rows.length;
    }
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
  console.log(`every status of the corpus (${plans.length} plans, ${targets} targets), ${rounds} rounds: p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1)} ms`);
  console.log(`peak RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
} finally {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
