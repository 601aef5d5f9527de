// Observation commands on PGlite and PostgreSQL: typed-in figures, CSV/XLSX imports that store
// nothing while a row is bad, skipping named rows, replacing figures, and undoing an import.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { importObservations, previewObservationImport, recordObservation, undoImport } from '../../src/commands/observations';
import { FieldError, RowsError } from '../../src/core/errors';
import { loadLexicons } from '../../src/extract/lexicons';
import { IngestError } from '../../src/ingest/errors';
import { loadGazetteer } from '../../src/places/index';
import { activeObservations } from '../../src/store/observations';
import { tableCounts } from '../../src/store/queries';
import { backends, type TestStore } from '../helpers/stores';

const ctx = { gazetteer: loadGazetteer(), lexicons: loadLexicons() };
const csv = (...lines: string[]) => strToU8('\uFEFF' + lines.join('\r\n') + '\r\n');
const HEADER = '指标,地区,年份,数值,单位,口径,来源';

for (const backend of backends) {
  describe(`observations on ${backend.name}`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await backend.create();
    });
    afterAll(async () => {
      await t?.dispose();
    });
    const gdp = async (place: string, year: number) => (await activeObservations(t.store.db, { indicators: ['gdp'], places: [place] })).filter((o) => o.year === year);

    it('a CSV with one bad row changes nothing and names the row, the column and the reason', async () => {
      const before = await tableCounts(t.store);
      const file = csv(HEADER, '地区生产总值,湛江市,2014,2258.99,亿元,现价,湛江统计年鉴', '地区生产总值,湛江市,2015,二千三百,亿元,现价,湛江统计年鉴', '地区生产总值,茂名市,2015,2445.63,亿元,现价,茂名统计年鉴');
      const err = await importObservations(t.store, { bytes: file, fileName: 'gdp.csv' }, ctx).catch((e) => e);
      expect(err).toBeInstanceOf(RowsError);
      expect((err as RowsError).rows).toEqual([{ line: 3, column: '数值', message: '"二千三百" is not a number' }]);
      expect(err.message).toMatch(/^gdp\.csv: 1 problem, nothing was imported; line 3, 数值/);
      expect(await tableCounts(t.store)).toEqual(before);

      // skipping the named row imports the others
      const ok = await importObservations(t.store, { bytes: file, fileName: 'gdp.csv', skip: [3], actor: '统计科' }, ctx);
      expect([ok.rows, ok.replaced, ok.skipped]).toEqual([2, 0, [3]]);
      expect((await gdp('440800', 2014)).map((o) => [o.value, o.origin, o.source])).toEqual([[2258.99, 'import', '湛江统计年鉴']]);
    });

    it('refuses a figure that differs from the stored one unless asked to replace; undoing the import restores it', async () => {
      const change = csv(HEADER, '地区生产总值,湛江市,2014,2260,亿元,修订,湛江统计年鉴2016');
      const preview = await previewObservationImport(t.store, { bytes: change, fileName: 'rev.csv' }, ctx);
      expect(preview.errors.map((e) => [e.line, e.column])).toEqual([[2, '数值']]);
      expect(preview.errors[0].message).toContain('stored as 2258.99亿元');
      await expect(importObservations(t.store, { bytes: change, fileName: 'rev.csv' }, ctx)).rejects.toThrow(RowsError);

      const r = await importObservations(t.store, { bytes: change, fileName: 'rev.csv', replace: true }, ctx);
      expect(r.replaced).toBe(1);
      expect((await gdp('440800', 2014)).map((o) => o.value)).toEqual([2260]);
      expect(await undoImport(t.store, { importId: r.importId })).toEqual({ removed: 1, restored: 1 });
      expect((await gdp('440800', 2014)).map((o) => o.value)).toEqual([2258.99]);
      await expect(undoImport(t.store, { importId: r.importId })).rejects.toThrow(/undone already/);
      await expect(undoImport(t.store, { importId: 99999 })).rejects.toMatchObject({ field: 'id' });
    });

    it('a person’s figure replaces the one in force and is checked field by field', async () => {
      const before = await tableCounts(t.store);
      await expect(recordObservation(t.store, { indicator: '地区生产总值', place: '湛江市', year: 2014, value: 2259, unit: '亿美元', source: '录入' }, ctx)).rejects.toMatchObject({ field: 'unit' });
      await expect(recordObservation(t.store, { indicator: '地区生产总值', place: '不存在市', year: 2014, value: 2259, unit: '亿元', source: '录入' }, ctx)).rejects.toMatchObject({ field: 'place' });
      await expect(recordObservation(t.store, { indicator: '地区生产总值', place: '湛江市', year: 2014, value: 2259, unit: '亿元', source: ' ' }, ctx)).rejects.toThrow(FieldError);
      expect(await tableCounts(t.store)).toEqual(before);
      const r = await recordObservation(t.store, { indicator: 'gdp', place: '440800', year: 2014, value: 2259, unit: '亿元', caliber: '快报', source: '市统计局', actor: '规划处' }, ctx);
      expect(r.replaced).toBe(1);
      expect((await gdp('440800', 2014)).map((o) => [o.value, o.origin])).toEqual([[2259, 'manual']]);
    });

    it('reads XLSX and GB18030 CSV as Excel and WPS save them; empty and binary files get a clear error', async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('数据');
      ws.addRow(HEADER.split(','));
      ws.addRow(['常住人口城镇化率', '阳江市', 2020, 54.16, '%', '七普', '阳江市统计局']);
      const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
      const x = await importObservations(t.store, { bytes: xlsx, fileName: 'urban.xlsx' }, ctx);
      expect(x.rows).toBe(1);
      expect((await activeObservations(t.store.db, { indicators: ['urbanization'], places: ['441700'] })).map((o) => o.value)).toEqual([54.16]);

      const gbk = new Uint8Array(iconv.encode([HEADER, '地区生产总值,阳江市,2015,1250.01,亿元,现价,阳江统计年鉴'].join('\r\n'), 'gb18030'));
      expect((await importObservations(t.store, { bytes: gbk, fileName: 'gbk.csv' }, ctx)).rows).toBe(1);

      await expect(importObservations(t.store, { bytes: new Uint8Array(), fileName: 'empty.csv' }, ctx)).rejects.toThrow(IngestError);
      const binary = new Uint8Array(256).map((_, i) => i);
      await expect(importObservations(t.store, { bytes: binary, fileName: 'x.csv' }, ctx)).rejects.toThrow(/x\.csv: .*binary|NUL/);
      await expect(importObservations(t.store, { bytes: strToU8('PK\u0003\u0004garbage'), fileName: 'bad.xlsx' }, ctx)).rejects.toThrow(/bad\.xlsx: the workbook cannot be read/);
    });

    it('runs in the caller’s transaction: a failure after the import leaves nothing', async () => {
      const before = await tableCounts(t.store);
      await expect(
        t.store.db.transaction(async (tx) => {
          await importObservations(t.store, { bytes: csv(HEADER, '地区生产总值,茂名市,2016,2636.74,亿元,,'), fileName: 'tx.csv' }, ctx, { tx });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await tableCounts(t.store)).toEqual(before);
    });
  });
}
