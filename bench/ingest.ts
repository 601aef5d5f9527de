// Benchmark: ingest every sample plan (decode, normalize, parse, store on PGlite) and print
// wall time and peak memory. Run: npm run bench
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ingestBytes } from '../src/ingest/index';
import { parsePlan } from '../src/parse/index';
import { loadGazetteer } from '../src/places/index';
import { ingestPlan } from '../src/commands/ingest-plan';
import { openStore } from '../src/store/db';
import { samplePlanFiles } from '../src/cli/samples';

const files = samplePlanFiles();
const inputs = files.map((f) => ({ name: path.basename(f), bytes: new Uint8Array(fs.readFileSync(f)) }));
const totalBytes = inputs.reduce((n, f) => n + f.bytes.length, 0);

let t = performance.now();
const gaz = loadGazetteer();
console.log(`gazetteer load: ${(performance.now() - t).toFixed(1)} ms (${gaz.places.length} units)`);

// 1. pure pipeline, repeated to get a stable figure
const rounds = 20;
let chars = 0;
t = performance.now();
for (let i = 0; i < rounds; i++) {
  for (const f of inputs) {
    const text = await ingestBytes(f.bytes, f.name);
    parsePlan(text, gaz);
    chars += text.text.length;
  }
}
const pureMs = (performance.now() - t) / rounds;
console.log(`ingest+parse (pure), ${inputs.length} plans, ${(totalBytes / 1024).toFixed(0)} KB: ${pureMs.toFixed(1)} ms per pass, ${((chars / rounds / pureMs) * 1000 / 1e6).toFixed(2)} M chars/s`);

// 2. into a fresh embedded database
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planatlas-bench-'));
t = performance.now();
const store = await openStore({ dataDir: dir });
console.log(`open + migrate fresh PGlite: ${(performance.now() - t).toFixed(0)} ms`);
t = performance.now();
for (const f of inputs) {
  const t1 = performance.now();
  const r = await ingestPlan(store, { bytes: f.bytes, fileName: f.name }, gaz);
  console.log(`  ${f.name}: ${(performance.now() - t1).toFixed(0)} ms, ${r.sections} sections, ${r.repairs} repairs`);
}
console.log(`store all ${inputs.length} plans (first run, incl. gazetteer sync): ${(performance.now() - t).toFixed(0)} ms`);
t = performance.now();
for (const f of inputs) await ingestPlan(store, { bytes: f.bytes, fileName: f.name }, gaz);
console.log(`re-ingest (unchanged, idempotent): ${(performance.now() - t).toFixed(0)} ms`);
await store.close();
fs.rmSync(dir, { recursive: true, force: true });
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
