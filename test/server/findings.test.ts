// The targets table and its CSV / XLSX downloads, and the findings list (PGlite and PostgreSQL).
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPlan } from '../../src/commands/ingest-plan';
import { loadLexicons } from '../../src/extract/lexicons';
import { loadGazetteer } from '../../src/places/index';
import { buildApp } from '../../src/server/app';
import type { FindingDto } from '../../src/server/dto';
import type { TargetRow } from '../../src/server/export';
import { backends, type TestStore } from '../helpers/stores';

const plansDir = path.resolve(__dirname, '../../data/plans');
const yuexi = '000_dde77a566d45a381.txt';

/** A minimal RFC 4180 reader (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && s[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      (row = []), (cell = ''), i++;
    } else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

for (const backend of backends) {
  describe(`targets and findings API on ${backend.name}`, () => {
    let t: TestStore;
    let app: FastifyInstance;
    let targets: TargetRow[];
    const evil = '=HYPERLINK("http://example.com","点我")';
    const tricky = '粤西, "湛江"\n茂名';

    beforeAll(async () => {
      t = await backend.create();
      await ingestPlan(t.store, { bytes: fs.readFileSync(path.join(plansDir, yuexi)), fileName: yuexi });
      app = await buildApp({ store: t.store, gazetteer: loadGazetteer(), lexicons: loadLexicons(), maxFileBytes: 10 << 20, actor: 'test' }, { webDir: null });
    });
    afterAll(async () => {
      await app?.close();
      await t?.dispose();
    });

    const get = (url: string) => app.inject({ method: 'GET', url });

    it('lists the target findings as the targets table', async () => {
      const f = await get(`/api/plans/${encodeURIComponent('粤西')}/findings?kind=target`);
      expect(f.statusCode).toBe(200);
      const findings = (f.json() as { findings: Array<FindingDto<'target'>> }).findings;
      expect(findings.length).toBeGreaterThan(10);
      const r = await get('/api/plans/000_dde77a566d45a381/targets');
      expect(r.statusCode).toBe(200);
      const body = r.json() as { plan: { slug: string; title: string }; targets: TargetRow[] };
      expect(body.plan.title).toContain('粤西');
      targets = body.targets;
      expect(targets.map((x) => x.key)).toEqual(findings.map((x) => x.key));
      expect(targets.map((x) => [x.indicator, x.year, x.value, x.unit])).toEqual(findings.map((x) => [x.data.indicator, x.data.year, x.data.value, x.data.unit]));
      const gdp = targets.find((x) => x.quote.includes('6340亿元') && x.unit === '亿元');
      expect(gdp).toMatchObject({ value: 6340, year: 2015, status: 'pending' });
      expect(gdp!.section).toBeTruthy();
      expect((await get('/api/plans/no-such-plan/targets')).statusCode).toBe(404);
      expect((await get('/api/plans/000_dde77a566d45a381/targets?year=abc')).statusCode).toBe(400);
    });

    it('filters and sorts like the page', async () => {
      const years = [...new Set(targets.map((x) => x.year).filter((y) => y != null))] as number[];
      expect(years.length).toBeGreaterThan(0);
      const y = years[0];
      const byYear = (await get(`/api/plans/000_dde77a566d45a381/targets?year=${y}`)).json().targets as TargetRow[];
      expect(byYear.length).toBe(targets.filter((x) => x.year === y).length);
      expect(byYear.every((x) => x.year === y)).toBe(true);
      const growth = (await get('/api/plans/000_dde77a566d45a381/targets?measure=growth')).json().targets as TargetRow[];
      expect(growth.length).toBeGreaterThan(0);
      expect(growth.length).toBeLessThan(targets.length);
      expect(growth.every((x) => x.measure === 'growth')).toBe(true);
      const q = (await get(`/api/plans/000_dde77a566d45a381/targets?q=${encodeURIComponent('生产总值')}`)).json().targets as TargetRow[];
      expect(q.length).toBeGreaterThan(0);
      expect(q.every((x) => x.indicator.includes('生产总值') || (x.scope ?? '').includes('生产总值'))).toBe(true);
      const sorted = (await get('/api/plans/000_dde77a566d45a381/targets?sort=confidence&dir=desc')).json().targets as TargetRow[];
      const confs = sorted.map((x) => x.confidence);
      expect(confs).toEqual([...confs].sort((a, b) => b - a));
    });

    it('writes CSV with BOM, CRLF, RFC 4180 quoting and defused formulas', async () => {
      // A correction can put any text into a target: the export must keep it inert.
      const a = targets.find((x) => x.quote.includes('6340亿元') && x.unit === '亿元')!;
      const b = targets.find((x) => x.id !== a.id && x.id != null)!;
      for (const [id, fields] of [
        [a.id, { indicator: evil }],
        [b.id, { scope: tricky }],
      ] as const) {
        const r = await app.inject({ method: 'POST', url: `/api/findings/${id}/decision`, payload: { action: 'correct', fields } });
        expect(r.statusCode).toBe(200);
      }
      const r = await get('/api/plans/000_dde77a566d45a381/targets.csv');
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toMatch(/^text\/csv/);
      const cd = String(r.headers['content-disposition']);
      expect(cd).toMatch(/^attachment; filename="[\x20-\x7e]+\.csv"; filename\*=UTF-8''/);
      expect(decodeURIComponent(cd.split("UTF-8''")[1])).toMatch(/^粤西.*目标指标\.csv$/);
      const raw = r.rawPayload;
      expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = raw.toString('utf8').slice(1);
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.replace(/"[^"]*"/g, '').split('\n').every((line, i, all) => i === all.length - 1 || line.endsWith('\r'))).toBe(true);
      const rows = parseCsv(text);
      expect(rows[0]).toEqual(['指标', '范围', '年份', '数值', '单位', '比较', '类型', '基期值', '基期年份', '约束性/预期性', '置信度', '审核状态', '原文']);
      expect(rows.length - 1).toBe(targets.length);
      const evilRow = rows.find((row) => row[0].includes('HYPERLINK'))!;
      expect(evilRow[0]).toBe(`'${evil}`);
      expect(evilRow[11]).toBe('已更正');
      expect(text).toContain(`"'=HYPERLINK(""http://example.com"",""点我"")"`);
      expect(rows.find((row) => row[1] === tricky)).toBeTruthy();
      expect(text).toContain('"粤西, ""湛江""\n茂名"');
      expect(evilRow[3]).toBe('6340'); // numbers are written as plain numbers
      expect(evilRow[2]).toBe('2015');
    });

    it('writes an XLSX that reads back to the same rows, numbers as numbers, no formulas', async () => {
      const now = (await get('/api/plans/000_dde77a566d45a381/targets')).json().targets as TargetRow[];
      const r = await get('/api/plans/000_dde77a566d45a381/targets.xlsx');
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toContain('spreadsheetml');
      expect(decodeURIComponent(String(r.headers['content-disposition']).split("UTF-8''")[1])).toMatch(/目标指标\.xlsx$/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      expect(ws.name).toBe('目标指标');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).getCell(1).value).toBe('指标');
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(ws.rowCount - 1).toBe(now.length);
      now.forEach((row, i) => {
        const x = ws.getRow(i + 2);
        expect(x.getCell(1).value).toBe(row.indicator);
        expect(x.getCell(3).value ?? null).toBe(row.year);
        if (typeof row.value === 'number' && !row.range) {
          expect(x.getCell(4).type).toBe(ExcelJS.ValueType.Number);
          expect(x.getCell(4).value).toBe(row.value);
        }
        expect(x.getCell(11).type).toBe(ExcelJS.ValueType.Number);
      });
      const evilCell = ws.getColumn(1).values.findIndex((v) => v === evil);
      expect(evilCell).toBeGreaterThan(1);
      const cell = ws.getRow(evilCell).getCell(1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      // filters apply to the download as well
      const y = now.find((x) => x.year != null)!.year!;
      const f = await get(`/api/plans/000_dde77a566d45a381/targets.xlsx?year=${y}`);
      const wb2 = new ExcelJS.Workbook();
      await wb2.xlsx.load(f.rawPayload as unknown as ArrayBuffer);
      expect(wb2.worksheets[0].rowCount - 1).toBe(now.filter((x) => x.year === y).length);
      const c = await get(`/api/plans/000_dde77a566d45a381/targets.csv?status=corrected`);
      expect(parseCsv(c.rawPayload.toString('utf8').slice(1)).length - 1).toBe(2);
    });

    it('describes the editable fields of each kind from the schemas', async () => {
      const r = await get('/api/finding-fields/target');
      expect(r.statusCode).toBe(200);
      const fields = r.json().fields as Array<{ name: string; type: string; options?: Array<{ value: string }>; zh: string }>;
      const byName = Object.fromEntries(fields.map((f) => [f.name, f]));
      expect(byName.value.type).toBe('number-or-text');
      expect(byName.year.type).toBe('integer');
      expect(byName.comparator.options?.map((o) => o.value)).toContain('ge');
      expect(byName.binding.zh).toBe('约束性/预期性');
      expect((await get('/api/finding-fields/duty')).json().fields.find((f: { name: string }) => f.name === 'lead').type).toBe('list');
      expect((await get('/api/finding-fields/colour')).statusCode).toBe(404);
    });
  });
}
