// The three sample plans end to end: the offset map is exact, repairs land where they say,
// and the known artefacts of each file are gone.
import { describe, expect, it } from 'vitest';
import type { PlanText } from '../core/types';
import { ingestBytes, sourceSpan, toSourceOffset } from './index';
import { samplePlan } from './testing/build';

const plans = ['000', '001', '002'] as const;
const ingestSample = (p: (typeof plans)[number]): Promise<PlanText> => ingestBytes(new TextEncoder().encode(samplePlan(p)), `${p}.txt`);

/** A 1:1 substitution the normalizer may make: full-width → half-width, radical → ideograph, layout space → space. */
const folds = (src: string, out: string): boolean =>
  src === out || src.normalize('NFKC') === out || (/[\u3000\u00a0]/.test(src) && out === ' ');

function checkMap(pt: PlanText): void {
  const segs = pt.map.segments;
  let n = 0;
  let s = 0;
  for (const [sn, ss, nLen, sLen] of segs) {
    // Sorted, contiguous, covering the whole normalized text; source offsets never go back.
    expect(sn).toBe(n);
    expect(ss).toBeGreaterThanOrEqual(s);
    const text = pt.text.slice(sn, sn + nLen);
    const src = pt.source.slice(ss, ss + sLen);
    if (nLen === sLen) {
      // Copied (or substituted character for character): offsets map 1:1.
      for (let i = 0; i < nLen; i++) {
        if (!folds(src[i], text[i])) expect.fail(`at ${sn + i}: ${JSON.stringify(text.slice(i, i + 10))} ← ${JSON.stringify(src.slice(i, i + 10))}`);
      }
    }
    n += nLen;
    s = ss + sLen;
  }
  expect(n).toBe(pt.text.length);
}

describe('sample plans', () => {
  for (const p of plans) {
    it(`${p}: every copied segment equals its source text, and toSourceOffset is monotone`, async () => {
      const pt = await ingestSample(p);
      checkMap(pt);
      let prevStart = -1;
      let prevEnd = -1;
      for (let i = 0; i <= pt.text.length; i += 7) {
        const a = toSourceOffset(pt.map, i);
        const b = toSourceOffset(pt.map, i, 'end');
        expect(a).toBeGreaterThanOrEqual(prevStart);
        expect(b).toBeGreaterThanOrEqual(prevEnd);
        expect(b).toBeLessThanOrEqual(a);
        prevStart = a;
        prevEnd = b;
      }
      // Every line of the normalized text maps back to source text that contains its characters
      // in order (repairs only delete or substitute, never reorder).
      let pos = 0;
      for (const line of pt.text.split('\n')) {
        const span = sourceSpan(pt, pos, pos + line.length);
        const han = line.match(/\p{Script=Han}/gu) ?? [];
        let k = 0;
        for (const ch of span.text) if (ch === han[k]) k++;
        expect(k, `line ${JSON.stringify(line.slice(0, 30))}`).toBe(han.length);
        pos += line.length + 1;
      }
    });

    it(`${p}: each repair's before is the source text at its source span`, async () => {
      const pt = await ingestSample(p);
      for (const r of pt.repairs) {
        expect(pt.source.slice(r.sourceStart, r.sourceEnd)).toBe(r.before);
        expect(r.start).toBeLessThanOrEqual(r.end);
        expect(r.end).toBeLessThanOrEqual(pt.text.length);
      }
    });
  }

  it('000 (web text, 目　录 without page numbers): TOC removed, body and structure kept', async () => {
    const pt = await ingestSample('000');
    const toc = pt.repairs.filter((r) => r.rule === 'toc-removed');
    expect(toc).toHaveLength(1);
    expect(toc[0].before).toMatch(/^目　录/);
    expect(toc[0].before).toContain('（二）国土开发格局（三）产业空间布局');
    expect(pt.text).not.toContain('（一）总体开发策略（二）国土开发格局');
    expect(pt.text).toMatch(/\n前言\n粤西地区包括湛江、茂名、阳江三个地级市。/);
    expect(pt.text).toContain('\n（一）发展基础。\n');
    // Web text wrapped inside words: "沿海海洋水产\n养殖加工产业带".
    expect(pt.text).toContain('沿海海洋水产养殖加工产业带');
    expect(pt.text).toContain('专栏1 粤西三市重点发展地区');
    expect(pt.encoding).toBe('utf-8');
  });

  it('001 (from PDF, dot leaders): TOC, ** and <p> removed, page breaks inside words joined', async () => {
    const pt = await ingestSample('001');
    const toc = pt.repairs.find((r) => r.rule === 'toc-removed');
    expect(toc?.before).toContain('第一章 发展背景.....\t2');
    expect(pt.text).not.toMatch(/\.{5}\t\d/);
    expect(pt.text.startsWith('湛茂都市圈发展规划\n\n前言\n\n湛茂都市圈位于广东省西南部沿海')).toBe(true);
    expect(pt.text).toContain('是全省土地资源最为丰富的区域，同时具备良好的开发建设和农业生产条件。');
    expect(pt.text).not.toMatch(/\*\*|<\/?p>/);
    expect(pt.text).toContain('——一体高效的基础设施支撑能力全面增强。深度参与西部陆海新通道建设');
    expect(pt.text).toContain('\n第一节 发展基础\n');
    expect(pt.text).toContain('\n1.鉴江生态廊道。位于北部山林屏障区');
    // The footnote itself stays; its reference mark in the text goes.
    expect(pt.text).toContain('以湛江“五岛一湾”滨海旅游集聚区');
    expect(pt.text).toContain('\n¹ 五岛一湾：');
  });

  it('002 (one line): TOC removed up to where 前言 reappears; pages 1–38 removed by sequence', async () => {
    const pt = await ingestSample('002');
    const toc = pt.repairs.filter((r) => r.rule === 'toc-removed');
    expect(toc).toHaveLength(1);
    expect(toc[0].before.startsWith('目录前言1第一章发展背景2第一节发展条件2')).toBe(true);
    expect(toc[0].before.endsWith('第二节加强组织协调38')).toBe(true);
    expect(pt.text).toContain('2014年7月\n前言珠江—西江经济带（以下简称经济带）横贯广东、广西');
    const pages = pt.repairs.filter((r) => r.rule === 'page-number-removed');
    expect(pages.map((r) => r.before)).toEqual(['-2-', ...Array.from({ length: 38 }, (_, i) => String(i + 1))]);
    expect(pt.text).toContain('展望到2030年。第一章发展背景');
    expect(pt.text).toContain('肇庆德庆、云浮古丰核电项目厂址');
    expect(pt.text).toContain('雅长兰科植物、崇左白头叶猴');
    // Real numbers stay: years, counts, 南宁7市 (a 7 that is not page 7).
    expect(pt.text).toContain('2013年末常住人口5228万人');
    expect(pt.text).toContain('贵港、南宁7市，加快通道基础设施');
    expect(pt.text).toContain('第二节功能分区按照经济带空间结构');
  });

  it('prints repair counts per sample (for the report)', async () => {
    const counts: Record<string, Record<string, number>> = {};
    for (const p of plans) {
      const pt = await ingestSample(p);
      counts[p] = {};
      for (const r of pt.repairs) counts[p][r.rule] = (counts[p][r.rule] ?? 0) + 1;
    }
    expect(counts['002']['page-number-removed']).toBe(39);
    expect(counts['001']['line-join']).toBeGreaterThan(40);
  });
});
