// npm run eval: extracts every sample plan that has gold annotations and scores it with
// shared/eval/score.mjs (the yardstick kept outside this repository), printing its figures.
//   PLANATLAS_EVAL_DIR   folder with gold/ and score.mjs (default: ../shared/eval beside the repo)
//   --verbose            list misses and extras
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ingestBytes, sourceSpan } from '../src/ingest/index';
import { loadGazetteer } from '../src/places/index';
import { loadLexicons } from '../src/extract/lexicons';
import { analyze } from '../src/extract/analyze';
import { toExtractJson } from '../src/extract/index';
import { repoRoot, samplePlanFiles } from '../src/cli/samples';

const evalDir = path.resolve(process.env.PLANATLAS_EVAL_DIR ?? path.join(repoRoot, '..', 'shared', 'eval'));
const goldDir = path.join(evalDir, 'gold');
if (!fs.existsSync(path.join(evalDir, 'score.mjs')) || !fs.existsSync(goldDir)) {
  console.error(`eval: no score.mjs and gold/ in ${evalDir}; set PLANATLAS_EVAL_DIR to the shared eval folder`);
  process.exit(2);
}

const predDir = fs.mkdtempSync(path.join(os.tmpdir(), 'planatlas-eval-'));
const gaz = loadGazetteer();
const lex = loadLexicons();
let n = 0;
for (const file of samplePlanFiles()) {
  const id = path.basename(file).replace(/\.[^.]+$/, '');
  if (!fs.existsSync(path.join(goldDir, `${id}.meta.json`))) continue;
  const text = await ingestBytes(new Uint8Array(fs.readFileSync(file)), file);
  const { doc, findings } = analyze(text, gaz, lex);
  fs.writeFileSync(path.join(predDir, `${id}.json`), JSON.stringify(toExtractJson(doc, findings, (s, e) => sourceSpan(text, s, e).text)));
  n++;
}
console.log(`eval: ${n} plans with gold in ${goldDir}`);
const args = [path.join(evalDir, 'score.mjs'), '--gold', goldDir, '--pred-dir', predDir];
if (process.argv.includes('--verbose')) args.push('--verbose');
const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
fs.rmSync(predDir, { recursive: true, force: true });
process.exit(r.status ?? 1);
