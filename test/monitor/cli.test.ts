// The monitoring verbs as a user runs them: import values (a bad row refused with its line, column
// and reason, nothing stored), undo, the plan judged on them, the task ledger.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/stores';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin', 'planatlas.mjs');
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('planatlas observe, monitor, tasks', () => {
  let data: string;
  let csv: string;
  beforeAll(() => {
    data = tempDir('planatlas-cli-monitor-');
    csv = path.join(data, '粤西实际值.csv');
    const r = run(['--data', data, 'ingest', path.join(root, 'data', 'plans', '000_dde77a566d45a381.txt')]);
    expect(r.code, r.stderr).toBe(0);
  });
  afterAll(() => fs.rmSync(data, { recursive: true, force: true }));

  it('refuses a file with a bad row, naming it; imports with --skip; undoes', { timeout: 180_000 }, () => {
    fs.writeFileSync(csv, '\uFEFF指标,地区,年份,数值,单位,来源\r\n地区生产总值,plan:000_dde77a566d45a381,2015,6075.66,亿元,广东统计年鉴2016\r\n地区生产总值,阳江市,2015,1250.01,亿美元,阳江统计年鉴\r\n');
    const bad = run(['--data', data, 'observe', 'import', csv]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('line 3, 单位: 亿美元 does not convert to 亿元');
    expect(run(['--data', data, 'observe', 'list', '--indicator', 'gdp']).stdout).toBe('');

    const ok = run(['--data', data, 'observe', 'import', csv, '--skip', '3']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/imported 1 rows .* as import (\d+); lines left out: 3/);

    const m = run(['--data', data, 'monitor', '粤西', '--as-of', '2015']);
    expect(m.code, m.stderr).toBe(0);
    expect(m.stdout).toMatch(/滞后\t地区生产总值\t2015年地区生产总值为6075.66亿元，2015年目标为6340亿元/);

    const id = /as import (\d+)/.exec(ok.stdout)![1];
    expect(run(['--data', data, 'observe', 'undo', id]).stdout).toContain('1 values removed');
    expect(run(['--data', data, 'monitor', '粤西', '--as-of', '2015']).stdout).toMatch(/无数据\t地区生产总值/);
  });

  it('writes the evaluation report in all four formats', { timeout: 300_000 }, () => {
    const out = (f: string) => path.join(data, `粤西评估.${f}`);
    for (const format of ['html', 'xlsx', 'docx', 'pdf']) {
      const r = run(['--data', data, 'report', '粤西', '--as-of', '2015', '--format', format, '--out', out(format)]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`wrote ${out(format)} (${format}, 粤西地区经济社会发展规划纲要（2011—2015年）, 2015年)`);
    }
    const html = fs.readFileSync(out('html'), 'utf8');
    expect(html).toMatch(/截至2015年，\d+项目标中/);
    expect(html).toContain('地区生产总值');
    for (const f of ['xlsx', 'docx']) expect(fs.readFileSync(out(f)).subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    const docx = unzipSync(new Uint8Array(fs.readFileSync(out('docx'))));
    expect(strFromU8(docx['word/document.xml'])).toContain('粤西地区经济社会发展规划纲要');
    expect(fs.readFileSync(out('pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(run(['--data', data, 'report', '粤西', '--format', 'odt']).stderr).toMatch(/"odt" is not one of html, docx, pdf, xlsx/);
  });

  it('prints the task ledger with its flags', () => {
    const r = run(['--data', data, 'tasks', '粤西', '--today', '2013-03-01']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/牵头：省发展改革委.*未报送.*2013年上半年未报送/);
  });
});
