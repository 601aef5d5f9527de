// Benchmark: ingest every sample plan (decode, normalize, parse, extract, store on PGlite) and print
// wall time, throughput and peak memory. Run: npm run bench
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ingestBytes } from '../src/ingest/index';
import { parsePlan } from '../src/parse/index';
import { loadGazetteer } from '../src/places/index';
import { extractAll } from '../src/extract/index';
import { loadLexicons } from '../src/extract/lexicons';
import { ingestPlan } from '../src/commands/ingest-plan';
import { openStore } from '../src/store/db';
import { samplePlanFiles } from '../src/commands/samples';
import { getSegmenter } from '../src/search/segmenter';

const files = samplePlanFiles();
const inputs = files.map((f) => ({ name: path.basename(f), bytes: new Uint8Array(fs.readFileSync(f)) }));
const totalBytes = inputs.reduce((n, f) => n + f.bytes.length, 0);

let t = performance.now();
const gaz = loadGazetteer();
console.log(`gazetteer load: ${(performance.now() - t).toFixed(1)} ms (${gaz.places.length} units)`);

// 1. pure pipeline, repeated to get a stable figure: ingest, parse, extract timed apart
const lex = loadLexicons();
const rounds = 20;
let chars = 0;
let findings = 0;
const ms = { ingest: 0, parse: 0, extract: 0 };
for (let i = 0; i < rounds; i++) {
  for (const f of inputs) {
    let t0 = performance.now();
    const text = await ingestBytes(f.bytes, f.name);
    ms.ingest += performance.now() - t0;
    t0 = performance.now();
    const doc = parsePlan(text, gaz);
    ms.parse += performance.now() - t0;
    t0 = performance.now();
    findings += extractAll(doc, { gazetteer: gaz, lexicons: lex }).length;
    ms.extract += performance.now() - t0;
    chars += text.text.length;
  }
}
const per = (x: number) => x / rounds;
const total = per(ms.ingest + ms.parse + ms.extract);
const perPass = chars / rounds;
console.log(`${inputs.length} plans, ${(totalBytes / 1024).toFixed(0)} KB, ${perPass} chars, ${findings / rounds} findings; per pass (mean of ${rounds}):`);
console.log(`  ingest  ${per(ms.ingest).toFixed(1)} ms`);
console.log(`  parse   ${per(ms.parse).toFixed(1)} ms`);
console.log(`  extract ${per(ms.extract).toFixed(1)} ms`);
console.log(`  ingest+parse+extract ${total.toFixed(1)} ms = ${((perPass / total) * 1000 / 1e6).toFixed(2)} M chars/s`);

// 1b. extraction against jieba segmentation of the same texts, in the same run (the yardstick of
// issue #8: extract should take no more than 5× as long as segmenting the text)
{
  const texts = await Promise.all(inputs.map(async (f) => (await ingestBytes(f.bytes, f.name)).text));
  const docs = texts.map((_, i) => i);
  const seg = getSegmenter(gaz, lex);
  for (const t of texts) seg.words(t); // warm up the dictionary
  let segMs = 0;
  let extMs = 0;
  const n = 10;
  for (let i = 0; i < n; i++) {
    for (const k of docs) {
      let t0 = performance.now();
      seg.words(texts[k]);
      segMs += performance.now() - t0;
      const doc = parsePlan(await ingestBytes(inputs[k].bytes, inputs[k].name), gaz);
      t0 = performance.now();
      extractAll(doc, { gazetteer: gaz, lexicons: lex });
      extMs += performance.now() - t0;
    }
  }
  const c = texts.reduce((a, t) => a + t.length, 0);
  const rate = (ms: number) => ((c * n) / ms / 1000).toFixed(2);
  console.log(`extract vs jieba on the same ${c} chars (mean of ${n}): jieba ${(segMs / n).toFixed(1)} ms (${rate(segMs)} M chars/s), extract ${(extMs / n).toFixed(1)} ms (${rate(extMs)} M chars/s): extract takes ${(extMs / segMs).toFixed(2)}× as long as segmentation`);
}

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
