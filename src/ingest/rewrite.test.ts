import { describe, expect, it } from 'vitest';
import { Rewriter, sourceSpan, toSourceOffset, type Edit } from './rewrite';

const e = (start: number, end: number, replacement: string, rule = 'test'): Edit => ({ start, end, replacement, rule, message: rule });

describe('Rewriter', () => {
  it('composes maps across passes so spans always reach the original source', () => {
    // 002: a TOC page number, then a page number glued into 云浮.
    const source = '展望到2030年。1第一章发展背景…肇庆德庆、云11浮古丰核电';
    const rw = new Rewriter(source);
    rw.apply([e(source.indexOf('1第'), source.indexOf('1第') + 1, '', 'page-number-removed')]);
    const t1 = rw.text;
    rw.apply([e(t1.indexOf('11浮'), t1.indexOf('11浮') + 2, '', 'page-number-removed')]);
    expect(rw.text).toBe('展望到2030年。第一章发展背景…肇庆德庆、云浮古丰核电');
    const pt = { source, map: rw.map() };
    const at = rw.text.indexOf('云浮古丰');
    expect(sourceSpan(pt, at, at + 4).text).toBe('云11浮古丰');
    expect(sourceSpan(pt, at + 2, at + 4).text).toBe('古丰');
    const h = rw.text.indexOf('第一章');
    expect(sourceSpan(pt, h, h + 3).text).toBe('第一章');
  });

  it('reports each repair at its final place, after later passes shift the text', () => {
    const source = '<p>前言</p>\n规划期为2014至2020年';
    const rw = new Rewriter(source);
    rw.apply([e(0, 3, '', 'markup-removed'), e(5, 9, '', 'markup-removed')]);
    rw.apply([e(0, 0, '# ', 'insert')]);
    const repairs = rw.repairs();
    const closing = repairs.find((r) => r.before === '</p>');
    expect(closing).toBeDefined();
    // "# 前言" → the deletion of </p> sits right after 前言, at offset 4 of the final text.
    expect(rw.text).toBe('# 前言\n规划期为2014至2020年');
    expect(closing!.start).toBe(4);
    expect(closing!.end).toBe(4);
    expect(closing!.sourceStart).toBe(5);
    expect(closing!.sourceEnd).toBe(9);
  });

  it('widens an edit that cuts an earlier replacement instead of inventing a mapping', () => {
    const source = 'AB<br>CD';
    const rw = new Rewriter(source);
    rw.apply([e(2, 6, '\n\n', 'br')]); // "AB\n\nCD"
    rw.apply([e(3, 4, '', 'collapse')]); // cuts inside the 2-char replacement
    expect(rw.text).toBe('AB\nCD');
    const pt = { source, map: rw.map() };
    expect(sourceSpan(pt, 2, 3).text).toBe('<br>');
    expect(sourceSpan(pt, 3, 5).text).toBe('CD');
  });

  it('maps deletions so span starts skip them and span ends stop before them', () => {
    const source = '同\n\n时具备';
    const rw = new Rewriter(source);
    rw.apply([e(1, 3, '', 'line-join')]);
    expect(rw.text).toBe('同时具备');
    const pt = { source, map: rw.map() };
    expect(sourceSpan(pt, 0, 1).text).toBe('同');
    expect(sourceSpan(pt, 1, 4).text).toBe('时具备');
    expect(sourceSpan(pt, 0, 4).text).toBe('同\n\n时具备');
    expect(toSourceOffset(pt.map, 1)).toBe(3);
    expect(toSourceOffset(pt.map, 1, 'end')).toBe(1);
  });

  it('refuses overlapping edits from one pass', () => {
    const rw = new Rewriter('湛茂都市圈');
    expect(() => rw.apply([e(0, 3, ''), e(2, 4, '')])).toThrow(/overlapping/);
  });

  it('folds aggregate edits into one summary repair per rule', () => {
    const rw = new Rewriter('a\r\nb\r\nc');
    rw.apply([
      { ...e(1, 3, '\n', 'whitespace'), message: 'CRLF → LF', record: 'aggregate' },
      { ...e(4, 6, '\n', 'whitespace'), message: 'CRLF → LF', record: 'aggregate' },
    ]);
    const repairs = rw.repairs();
    expect(repairs).toHaveLength(1);
    expect(repairs[0].message).toContain('CRLF → LF (2×)');
  });
});
