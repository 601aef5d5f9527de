// Benchmark: the HTTP API on the sample corpus. Starts the real server (PGlite in a temporary
// folder, sample plans loaded), then requests each list/detail/search address many times over
// loopback HTTP, one request at a time, and prints p50/p95/max latency per address.
// Target (issue #4): p95 under 100 ms on this machine. Run: npx tsx bench/api.ts [rounds]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { serve } from '../src/server/serve';

const rounds = Number(process.argv[2] ?? 60);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'planatlas-bench-api-'));
const sink = { write: () => true } as unknown as NodeJS.WritableStream;
const running = await serve({ dataDir, port: 0, samples: true, maxFileBytes: 50 * 1024 * 1024, out: sink, err: sink });
const base = running.url.replace(/\/$/, '');

try {
  const plans = ((await (await fetch(`${base}/api/plans`)).json()) as { plans: Array<{ slug: string; title: string }> }).plans;
  const zm = plans.find((p) => p.title.includes('湛茂')) ?? plans[0];
  const yx = plans.find((p) => p.title.includes('粤西')) ?? plans[0];
  const q = encodeURIComponent;
  const addresses: Array<[string, string]> = [
    ['plan list', '/api/plans'],
    ['plan list, filtered', `/api/plans?place=${q('湛江市')}`],
    ['plan detail', `/api/plans/${zm.slug}`],
    ['plan text + findings (largest plan)', `/api/plans/${zm.slug}/text`],
    ['targets of a plan', `/api/plans/${yx.slug}/targets`],
    ['review queue', '/api/review?limit=50'],
    ['review stats', '/api/review/stats'],
    ['search 城镇化率', `/api/search?q=${q('城镇化率')}`],
    ['search 湛茂都市圈 港口', `/api/search?q=${q('湛茂都市圈 港口')}`],
    ['search, filtered by plan', `/api/search?q=${q('交通')}&plan=${zm.slug}`],
    ['search, filtered by kind and year', `/api/search?q=${q('港口')}&kind=target&year=2020`],
    ['map units', '/api/map/units?color=plans'],
    ['place page 湛江市', '/api/places/440800'],
    ['structure of a plan', `/api/plans/${zm.slug}/structure`],
  ];
  console.log(`API latency over loopback HTTP, ${rounds} requests each after 3 warm-up requests (PGlite, ${plans.length} sample plans)\n`);
  console.log('address'.padEnd(40) + 'status   p50 ms   p95 ms   max ms   bytes');
  const p95s: number[] = [];
  // The same addresses once more after people reviewed some findings of every plan (lists then
  // count findings with decisions applied).
  const reviewed: Array<[string, string]> = [
    ['plan list (every plan reviewed)', '/api/plans'],
    ['review stats (every plan reviewed)', '/api/review/stats'],
    ['search by kind (every plan reviewed)', `/api/search?q=${q('港口')}&kind=project`],
  ];
  for (const [label, url] of [...addresses, ['', 'review'] as [string, string], ...reviewed]) {
    if (url === 'review') {
      for (const p of plans) {
        const { findings } = (await (await fetch(`${base}/api/plans/${p.slug}/findings`)).json()) as { findings: Array<{ key: string }> };
        for (const [i, f] of findings.slice(0, 10).entries()) {
          await fetch(`${base}/api/plans/${p.slug}/decisions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ key: f.key, action: i % 3 ? 'accept' : 'reject' }),
          });
        }
      }
      continue;
    }
    let status = 0;
    let bytes = 0;
    for (let i = 0; i < 3; i++) await (await fetch(base + url)).arrayBuffer();
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const t = performance.now();
      const res = await fetch(base + url);
      const body = await res.arrayBuffer();
      times.push(performance.now() - t);
      status = res.status;
      bytes = body.byteLength;
    }
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)];
    if (status === 200) p95s.push(pct(0.95));
    console.log(
      label.padEnd(40) +
        String(status).padEnd(6) +
        pct(0.5).toFixed(1).padStart(8) +
        pct(0.95).toFixed(1).padStart(9) +
        times[times.length - 1].toFixed(1).padStart(9) +
        String(bytes).padStart(9),
    );
  }
  const worst = Math.max(...p95s);
  console.log(`\nworst p95 of the ${p95s.length} addresses that answered 200: ${worst.toFixed(1)} ms (target < 100 ms: ${worst < 100 ? 'met' : 'NOT met'})`);
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  await running.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
