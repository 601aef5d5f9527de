// Benchmark: the evaluation report of the 粤西 plan judged in 2015 on the shipped statistics.
// Prints the time to monitor the plan and build the model, and to render each format — cold (a
// Chromium launched for the call, as the CLI does) and warm (one running Chromium, as a server
// would keep). Target: under 2 s per report. Run: npx tsx bench/report.ts
import { performance } from 'node:perf_hooks';
import { hasChromium, launchChromium } from '../src/browser/chromium';
import { buildReportModel, renderReport, REPORT_FORMATS } from '../src/report/index';
import { yuexiReportInput } from '../src/report/testing/yuexi';

const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

let t = performance.now();
const input = await yuexiReportInput(2015);
console.log(`analyse the plan and monitor ${input.targets.length} targets (fixture, not part of a report): ${ms(t)}`);

const builds: number[] = [];
for (let i = 0; i < 5; i++) {
  t = performance.now();
  buildReportModel(input);
  builds.push(performance.now() - t);
}
const model = buildReportModel(input);
console.log(`build the model: median ${median(builds).toFixed(1)} ms of 5 (${model.targets.length} targets, ${model.charts.length} charts, ${model.sources.length} sources)`);

for (const format of REPORT_FORMATS) {
  if ((format === 'pdf' || format === 'docx') && !hasChromium) {
    console.log(`${format}: Chromium missing${format === 'docx' ? ' (charts left out)' : ', skipped'}`);
    if (format === 'pdf') continue;
  }
  t = performance.now();
  const out = await renderReport(model, format);
  console.log(`${format} (cold${format === 'pdf' || format === 'docx' ? ', Chromium launched' : ''}): ${ms(t)}, ${out.length} ${typeof out === 'string' ? 'chars' : 'bytes'}`);
}

t = performance.now();
await renderReport(model, 'docx', { charts: false });
console.log(`docx without charts (no Chromium): ${ms(t)}`);

if (hasChromium) {
  t = performance.now();
  const browser = await launchChromium();
  console.log(`launch Chromium: ${ms(t)}`);
  try {
    for (const format of ['pdf', 'docx'] as const) {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        t = performance.now();
        await renderReport(model, format, { browser });
        times.push(performance.now() - t);
      }
      console.log(`${format} (warm Chromium): median ${median(times).toFixed(0)} ms of 3`);
    }
  } finally {
    await browser.close();
  }
}
