// The data files themselves: counts, codes, parents, points inside their province.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { DEFAULT_PLACES_DIR, loadGazetteer } from './index';

const read = (file: string, free = false) =>
  parseCsv(readFileSync(join(DEFAULT_PLACES_DIR, file), 'utf8'), file, free);
const geoDir = join(DEFAULT_PLACES_DIR, '..', 'geo', 'echarts-4.9.0-decoded');

interface Feature {
  id: string;
  properties: { name: string; cp: [number, number] };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
}
function readGeo(province: string): Feature[] {
  return JSON.parse(readFileSync(join(geoDir, `${province}.geojson`), 'utf8')).features;
}
function bbox(features: Feature[]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    } else for (const d of c as unknown[]) visit(d);
  };
  for (const f of features) visit(f.geometry.coordinates);
  return b;
}

describe('divisions.csv', () => {
  const rows = read('divisions.csv');
  const gaz = loadGazetteer();

  it('has the header the runtime expects and no duplicate codes', () => {
    expect(Object.keys(rows[0])).toEqual(['code', 'name', 'level', 'parent']);
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
  });

  it('has the 34 province-level units', () => {
    const provinces = gaz.places.filter((p) => p.level === 'province');
    expect(provinces).toHaveLength(34);
    expect(provinces.map((p) => p.code)).toEqual(expect.arrayContaining(['110000', '440000', '450000', '460000', '710000', '810000', '820000']));
  });

  it('has 333 prefecture-level units, 21 of them under 广东, 14 under 广西', () => {
    expect(gaz.places.filter((p) => p.level === 'prefecture')).toHaveLength(333);
    expect(gaz.childrenOf('440000').map((p) => p.name)).toHaveLength(21);
    expect(gaz.childrenOf('450000').filter((p) => p.level === 'prefecture')).toHaveLength(14);
  });

  it('has no placeholder rows (市辖区, 县, 省直辖县级行政区划) and no functional zones', () => {
    const names = new Set(rows.map((r) => r.name));
    for (const n of ['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']) expect(names.has(n)).toBe(false);
    expect(rows.filter((r) => r.level === 'county' && r.code[4] === '7')).toEqual([]);
    expect(rows.some((r) => r.name.includes('开发区'))).toBe(false);
  });

  it('gives every row a parent of the level above (or the province for directly administered units)', () => {
    for (const p of gaz.places) {
      if (p.level === 'province') {
        expect(p.parent).toBeNull();
        expect(p.code.endsWith('0000')).toBe(true);
        continue;
      }
      const parent = gaz.byCode(p.parent ?? '');
      expect(parent, p.code).toBeDefined();
      expect(parent!.code.slice(0, 2)).toBe(p.code.slice(0, 2));
      if (p.level === 'prefecture') expect(parent!.level).toBe('province');
      else expect(parent!.level === 'prefecture' || parent!.level === 'province').toBe(true);
    }
  });

  it('keeps 东莞 and 中山 as prefectures without counties, and Hainan’s directly administered units under the province', () => {
    for (const code of ['441900', '442000']) {
      expect(gaz.byCode(code)?.level).toBe('prefecture');
      expect(gaz.childrenOf(code)).toEqual([]);
    }
    expect(gaz.byCode('469005')).toMatchObject({ name: '文昌市', level: 'county', parent: '460000' });
    expect(gaz.byCode('429004')).toMatchObject({ name: '仙桃市', parent: '420000' });
  });

  it('puts the districts of the 直辖市 directly under the province', () => {
    expect(gaz.byCode('110105')).toMatchObject({ name: '朝阳区', level: 'county', parent: '110000' });
    expect(gaz.byCode('500240')).toMatchObject({ name: '石柱土家族自治县', parent: '500000' });
    expect(gaz.childrenOf('110000')).toHaveLength(16);
  });
});

describe('points.csv', () => {
  const gaz = loadGazetteer();
  const rows = read('points.csv');

  it('has a point for every prefecture of 广东, 广西 and 海南 (and Hainan’s county-level units)', () => {
    for (const prov of ['440000', '450000', '460000']) {
      for (const child of gaz.childrenOf(prov)) expect(child.point, `${child.code} ${child.name}`).not.toBeNull();
    }
    expect(rows).toHaveLength(21 + 14 + 19);
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
  });

  it('puts each point inside the bounds of its province’s shapes', () => {
    for (const [prov, file] of [['440000', 'guangdong'], ['450000', 'guangxi'], ['460000', 'hainan']] as const) {
      const [x0, y0, x1, y1] = bbox(readGeo(file));
      for (const child of gaz.childrenOf(prov)) {
        const [lon, lat] = child.point!;
        expect(lon, child.name).toBeGreaterThanOrEqual(x0);
        expect(lon, child.name).toBeLessThanOrEqual(x1);
        expect(lat, child.name).toBeGreaterThanOrEqual(y0);
        expect(lat, child.name).toBeLessThanOrEqual(y1);
      }
    }
  });

  it('keeps Guangdong within the bounds recorded in SOURCES.md (lon 109.66–117.32, lat 20.21–25.52)', () => {
    for (const p of gaz.childrenOf('440000')) {
      const [lon, lat] = p.point!;
      expect(lon).toBeGreaterThanOrEqual(109.66);
      expect(lon).toBeLessThanOrEqual(117.32);
      expect(lat).toBeGreaterThanOrEqual(20.21);
      expect(lat).toBeLessThanOrEqual(25.52);
    }
  });

  it('matches the geo features by code and name', () => {
    for (const file of ['guangdong', 'guangxi', 'hainan']) {
      for (const f of readGeo(file)) {
        const p = gaz.byCode(f.id);
        expect(p?.name).toBe(f.properties.name);
        expect(p?.point).toEqual(f.properties.cp);
      }
    }
    expect(gaz.byCode('440800')?.point).toEqual([110.364977, 21.274898]);
  });
});

describe('aliases.csv and not-places.csv', () => {
  const gaz = loadGazetteer();

  it('point at existing codes', () => {
    for (const r of read('aliases.csv', true)) expect(gaz.byCode(r.code), r.alias).toBeDefined();
    for (const r of read('not-places.csv', true)) if (r.within) expect(gaz.byCode(r.within), r.word).toBeDefined();
  });

  it('do not repeat a word', () => {
    const words = read('not-places.csv', true).map((r) => r.word);
    expect(new Set(words).size).toBe(words.length);
    const pairs = read('aliases.csv', true).map((r) => `${r.code}:${r.alias}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });
});
