// The `planatlas` command, run as a user runs it (a child process), on an embedded database folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers/stores';

const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'bin', 'planatlas.mjs');
const plans = ['000_dde77a566d45a381', '001_240daae8c4bbf10a', '002_cf5822304d6f3ba0'].map((id) =>
  path.join(root, 'data', 'plans', `${id}.txt`),
);

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', ...env },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('planatlas CLI', () => {
  let data: string;
  let scratch: string;
  beforeAll(() => {
    data = tempDir('planatlas-cli-');
    scratch = tempDir('planatlas-files-');
  });
  afterAll(() => {
    fs.rmSync(data, { recursive: true, force: true });
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('db migrate creates the embedded database', () => {
    const r = run(['--data', data, 'db', 'migrate']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/pglite .*applied 0000_init/);
    expect(fs.existsSync(path.join(data, 'pgdata'))).toBe(true);
  });

  it('ingests several files, reports a bad one with its reason, and stores the others', () => {
    const empty = path.join(scratch, 'empty.txt');
    fs.writeFileSync(empty, '');
    const r = run(['--data', data, 'ingest', plans[0], empty, plans[1], plans[2]]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\[2\/4\] empty\.txt: FAILED — empty\.txt: .*empty/i);
    expect(r.stdout).toMatch(/\[1\/4\] 000_dde77a566d45a381\.txt: new plan/);
    expect(r.stdout).toMatch(/\[4\/4\] 002_cf5822304d6f3ba0\.txt: new plan/);
    expect(r.stdout).toMatch(/3 of 4 files stored, 1 failed/);

    const list = run(['--data', data, 'list', '--json']);
    expect(list.code).toBe(0);
    const titles = (JSON.parse(list.stdout) as Array<{ title: string }>).map((p) => p.title);
    expect(titles).toEqual(['粤西地区经济社会发展规划纲要（2011—2015年）', '湛茂都市圈发展规划', '珠江—西江经济带发展规划']);
  });

  it('show --outline prints the ten chapters of the 粤西 plan with their sections', () => {
    const r = run(['--data', data, 'show', '粤西', '--outline']);
    expect(r.code).toBe(0);
    const chapterLines = r.stdout.split('\n').filter((l) => /^[一二三四五六七八九十]+、/.test(l));
    expect(chapterLines.map((l) => l.split('、')[0])).toEqual(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']);
    expect(r.stdout).toMatch(/^一、发展背景\n\s+（一）发展基础/m);
    expect(r.stdout).toContain('粤府〔2011〕152号');
  });

  it('show --outline works for the chaptered plans, with the annex', () => {
    for (const ref of ['湛茂', '珠江']) {
      const r = run(['--data', data, 'show', ref, '--outline']);
      expect(r.code, r.stderr).toBe(0);
      const chapters = r.stdout.split('\n').filter((l) => /^第[一二三四五六七八九十]+章/.test(l));
      expect(chapters.length, ref).toBeGreaterThanOrEqual(9);
      expect(chapters[0]).toMatch(/^第一章\s*发展背景/);
      expect(r.stdout).toMatch(/^\s*第一节\s*\S+/m);
    }
    expect(run(['--data', data, 'show', '湛茂', '--outline']).stdout).toMatch(/^附件\s*重点任务分工方案/m);
  });

  it('a changed file becomes version 2; the same file again changes nothing; the old file again is a revert (v3)', () => {
    const changed = path.join(scratch, '000_dde77a566d45a381.txt');
    fs.writeFileSync(changed, fs.readFileSync(plans[0], 'utf8').replace('年均增长12.5%以上', '年均增长13%以上'));
    const r1 = run(['--data', data, 'ingest', changed]);
    expect(r1.code, r1.stderr).toBe(0);
    expect(r1.stdout).toMatch(/new version v2/);
    const r2 = run(['--data', data, 'ingest', changed]);
    expect(r2.stdout).toMatch(/unchanged/);
    const r3 = run(['--data', data, 'ingest', plans[0]]);
    expect(r3.stdout).toMatch(/new version v3/);
    const show = run(['--data', data, 'show', '粤西', '--versions']);
    expect(show.stdout).toMatch(/v3 .*\n\s+v2 .*\n\s+v1 /);
  });

  it('findings lists what was extracted; review verbs record decisions that findings then shows', () => {
    const list = run(['--data', data, 'findings', '粤西', '--kind', 'targets', '--json']);
    expect(list.code, list.stderr).toBe(0);
    const j = JSON.parse(list.stdout) as { findings: Array<{ id: number; quote: string; status: string; data: Record<string, unknown> }> };
    expect(j.findings.length).toBeGreaterThan(10);
    const gdp = j.findings.find((f) => f.quote.includes('生产总值达到6340亿元') && f.data.unit === '亿元')!;
    expect(gdp.status).toBe('pending');

    const table = run(['--data', data, 'findings', '粤西', '--kind', 'targets']);
    expect(table.stdout).toMatch(new RegExp(`^${gdp.id}\\s+target\\s+待审`, 'm'));

    const bad = run(['--data', data, 'review', 'correct', String(gdp.id), '--set', 'comparator=more']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/target\.comparator/);

    const ok = run(['--data', data, 'review', 'correct', String(gdp.id), '--set', 'value=6400', '--set', 'comparator=ge', '--by', '审核员']);
    expect(ok.code, ok.stderr).toBe(0);
    const add = run(['--data', data, 'review', 'add', '粤西', '--kind', 'target', '--quote', '县域经济焕发生机与活力', '--set', 'indicator=县域经济活力', '--set', 'year=2015']);
    expect(add.code, add.stderr).toBe(0);

    const after = JSON.parse(run(['--data', data, 'findings', '粤西', '--kind', 'target', '--json']).stdout) as typeof j;
    const g2 = after.findings.find((f) => f.id === gdp.id)!;
    expect(g2.status).toBe('corrected');
    expect(g2.data).toMatchObject({ value: 6400, comparator: 'ge' });
    expect(after.findings.filter((f) => f.status === 'added').map((f) => f.quote)).toEqual(['县域经济焕发生机与活力']);

    // the addition is listed as +N; it can be corrected and withdrawn by that reference
    const listed = run(['--data', data, 'findings', '粤西', '--kind', 'target', '--status', 'added']).stdout;
    const ref = listed.match(/^(\+\d+)\s+target/m)![1];
    const fix = run(['--data', data, 'review', 'correct', ref, '--set', 'year=2020']);
    expect(fix.code, fix.stderr).toBe(0);
    const fixed = JSON.parse(run(['--data', data, 'findings', '粤西', '--kind', 'target', '--status', 'added', '--json']).stdout) as typeof j;
    expect(fixed.findings.map((f) => f.data.year)).toEqual([2020]);
    const badRef = run(['--data', data, 'review', 'reject', '+99999']);
    expect(badRef.code).not.toBe(0);
    expect(badRef.stderr).toMatch(/no decision 99999/);
    const withdraw = run(['--data', data, 'review', 'reject', ref]);
    expect(withdraw.code, withdraw.stderr).toBe(0);
    expect(withdraw.stdout).toMatch(/^withdrew target \+\d+/);
    const none = JSON.parse(run(['--data', data, 'findings', '粤西', '--kind', 'target', '--status', 'added', '--json']).stdout) as typeof j & { orphans: unknown[] };
    expect(none.findings).toEqual([]);
    expect(none.orphans).toEqual([]);
  }, 240_000); // twelve CLI processes: 66–190 s on a loaded 2-core machine, over the 60 s default

  it('refuses a file over the size limit before reading it', () => {
    const r = run(['--data', data, 'ingest', '--max-size', '10KB', plans[0]]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/000_dde77a566d45a381\.txt: the file is .* over the limit/);
  });

  it('extract --json prints the metadata of the 粤西 plan', () => {
    const r = run(['extract', plans[0], '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.meta).toMatchObject({
      title: '粤西地区经济社会发展规划纲要（2011—2015年）',
      issuer: ['广东省人民政府'],
      doc_number: '粤府〔2011〕152号',
      issued: '2011-12-31',
      period: [2011, 2015],
      scope: ['湛江市', '茂名市', '阳江市'],
    });
    for (const k of ['targets', 'structures', 'duties', 'facts']) expect(Array.isArray(j[k])).toBe(true);
  });

  it('fails with a message on stderr for a missing file and for an unknown plan', () => {
    const a = run(['extract', path.join(scratch, 'nope.txt'), '--json']);
    expect(a.code).not.toBe(0);
    expect(a.stderr).toMatch(/nope\.txt: no such file/);
    const b = run(['--data', data, 'show', '不存在']);
    expect(b.code).not.toBe(0);
    expect(b.stderr).toMatch(/no plan matches "不存在"/);
  });

  it('a second process cannot open a data folder that is in use', () => {
    fs.writeFileSync(path.join(data, 'planatlas.lock'), String(process.pid));
    try {
      const r = run(['--data', data, 'list']);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/in use by process/);
    } finally {
      fs.unlinkSync(path.join(data, 'planatlas.lock'));
    }
  });
});
