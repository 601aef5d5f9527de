// Benchmark: the evaluation report of the 粤西 plan judged in 2015 on the shipped statistics.
// Target (issue #10): a report is built in under 2 s on this machine.
//
// Prints the time to monitor the plan and build the model, then, for each format, medians of
// several runs:
// - cold: a fresh Node process renders one report with nothing running, as the CLI does — Chromium
//   launched (and closed) for the call, the Noto CJK faces read into the subsetter; Node's own
//   start-up and module loading are left out (the child reports its own timing);
// - warm: one process with one running Chromium, as the server keeps it, after a first report
//   (whose time is shown on its own: the server's first report after start-up).
// The machine is shared, so single runs are noisy: compare medians.
// Run: npx tsx bench/report.ts [--runs N]     (a child: --cold FORMAT)
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { hasChromium, launchChromium } from '../src/browser/chromium';
import { buildReportModel, renderReport, REPORT_FORMATS, type ReportFormat } from '../src/report/index';
import { yuexiReportInput } from '../src/report/testing/yuexi';

const TARGET_MS = 2000;
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const f0 = (x: number) => x.toFixed(0);
const verdict = (ms: number) => (ms < TARGET_MS ? `under ${TARGET_MS / 1000} s` : `OVER ${TARGET_MS / 1000} s`);

const cold = arg('--cold') as ReportFormat | undefined;
if (cold) {
  // A child: one cold report, its time on stdout as JSON.
  const model = buildReportModel(await yuexiReportInput(2015));
  const t = performance.now();
  const out = await renderReport(model, cold);
  process.stdout.write(JSON.stringify({ ms: performance.now() - t, size: out.length }) + '\n');
  process.exit(0);
}

const runs = Number(arg('--runs') ?? 5);
let t = performance.now();
const input = await yuexiReportInput(2015);
console.log(`analyse the plan and monitor ${input.targets.length} targets (fixture, not part of a report): ${f0(performance.now() - t)} ms`);
const builds: number[] = [];
for (let i = 0; i < 5; i++) {
  t = performance.now();
  buildReportModel(input);
  builds.push(performance.now() - t);
}
const model = buildReportModel(input);
console.log(`build the model: median ${median(builds).toFixed(1)} ms of 5 (${model.targets.length} targets, ${model.charts.length} charts, ${model.sources.length} sources)`);
console.log(`target: a report in under ${TARGET_MS / 1000} s; medians of ${runs} runs (shared machine: single runs are noisy)\n`);

const self = fileURLToPath(import.meta.url);
const rows: string[] = [];
for (const format of REPORT_FORMATS) {
  const browserFormat = format === 'pdf' || format === 'docx';
  if (browserFormat && !hasChromium) {
    rows.push(`${format}: Chromium missing${format === 'docx' ? ' (the DOCX would leave its charts out)' : ', skipped'}`);
    continue;
  }
  // cold: a fresh process per run
  const colds: number[] = [];
  let size = 0;
  for (let i = 0; i < runs; i++) {
    const out = JSON.parse(execFileSync(process.execPath, [...process.execArgv, self, '--cold', format], { encoding: 'utf8' }).trim().split('\n').pop()!);
    colds.push(out.ms);
    size = out.size;
  }
  // warm: one Chromium for all runs (browser formats), after a first report
  const browser = browserFormat ? await launchChromium() : undefined;
  try {
    t = performance.now();
    await renderReport(model, format, { browser });
    const first = performance.now() - t;
    const warms: number[] = [];
    for (let i = 0; i < runs; i++) {
      t = performance.now();
      await renderReport(model, format, { browser });
      warms.push(performance.now() - t);
    }
    const c = median(colds);
    const w = median(warms);
    rows.push(
      `${format.padEnd(4)} cold ${f0(c).padStart(5)} ms (${verdict(c)}; runs ${colds.map(f0).join(' ')})` +
        `   warm ${f0(w).padStart(5)} ms (${verdict(w)}; runs ${warms.map(f0).join(' ')}; first on a fresh ${browserFormat ? 'Chromium' : 'process'} ${f0(first)} ms)` +
        `   ${size} ${format === 'html' ? 'chars' : 'bytes'}`,
    );
  } finally {
    await browser?.close();
  }
}
t = performance.now();
await renderReport(model, 'docx', { charts: false });
rows.push(`docx without charts (no Chromium): ${f0(performance.now() - t)} ms`);
console.log(rows.join('\n'));
