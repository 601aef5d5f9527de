// Blocks: the paragraphs and tables of a plan, parsed once so that every extractor reads the same
// units instead of re-scanning the text.
//
//   paragraphs  lines of body text, cut at headings, outside the table of contents
//   tables      cells with spans and a role per column (指标 / 单位 / 2025年 / 属性 / 牵头单位 …, from
//               data/lexicons/table-headers.json), in two layouts:
//                 grid   one row a line, cells separated by tabs (HTML, DOCX and Markdown tables after ingest)
//                 cells  one cell a paragraph, as scrapers and some converters write tables:
//                        序号 / 指标名称 / 单位 / 属性 / “十五五”目标 / 1 / 地区生产总值年均增速 / % / …
// Tables a PDF conversion flattened into one run of text have no cell boundaries left; the
// indicator-table reader (src/extract/tables.ts) finds those in the text itself.
import type { Blocks, ColumnRole, Section, Span, Table, TableCell, TableColumn, TableRow } from '../core/types';
import lexicon from '../../data/lexicons/table-headers.json' with { type: 'json' };
import { parseChineseInt } from './numerals';

const ROLE_WORDS: Array<{ word: string; role: ColumnRole }> = Object.entries(lexicon.roles as Record<string, string[]>)
  .flatMap(([role, words]) => words.map((word) => ({ word, role: role as ColumnRole })))
  .sort((a, b) => b.word.length - a.word.length);

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** The blocks of a text whose outline is known. */
export function parseBlocks(text: string, sections: readonly Section[], toc: Span | null): Blocks {
  const headings = flatten(sections)
    .map((s) => ({ start: s.headingStart, end: s.headingEnd }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const paragraphs = bodyParagraphs(text, headings, toc);
  const outsideToc = (t: Table) => !(toc && t.start >= toc.start && t.end <= toc.end);
  const tables = [...gridTables(text), ...cellTables(text, paragraphs)].filter(outsideToc).sort((a, b) => a.start - b.start);
  return { paragraphs, tables };
}

function flatten(list: readonly Section[]): Section[] {
  return list.flatMap((s) => [s, ...flatten(s.children)]);
}

/** Lines of body text cut at headings, trimmed, outside the table of contents. */
function bodyParagraphs(text: string, headings: readonly Span[], toc: Span | null): Span[] {
  const out: Span[] = [];
  let pos = 0;
  let h = 0;
  for (const line of text.split('\n')) {
    const p = { start: pos, end: pos + line.length };
    pos = p.end + 1;
    let a = p.start;
    while (h < headings.length && headings[h].end <= a) h++;
    for (let k = h; k < headings.length && headings[k].start < p.end; k++) {
      const hd = headings[k];
      if (hd.start > a) out.push({ start: a, end: hd.start });
      a = Math.max(a, hd.end);
    }
    if (a < p.end) out.push({ start: a, end: p.end });
  }
  return out
    .map((s) => trimSpan(text, s))
    .filter((s) => s.end > s.start && !(toc && s.start >= toc.start && s.end <= toc.end));
}

export function trimSpan(text: string, s: Span): Span {
  let a = s.start;
  let b = s.end;
  while (a < b && /[\s—-]/.test(text[a])) a++;
  while (b > a && /\s/.test(text[b - 1])) b--;
  return { start: a, end: b };
}

// ---- header cells ----------------------------------------------------------------------------

/** What a header cell says its column holds; null when it is no header word (a data cell). */
export function headerRole(cell: string): { role: ColumnRole; year: number | null } | null {
  const t = cell
    .replace(/\s+/g, '')
    .replace(/[（(][^（）()]*[）)]/g, '')
    .replace(/[“”"'《》]/g, '');
  if (!t || t.length > 16) return null;
  // 目标值（2025年）, 现状值（2020年）: the year in the brackets
  const inBrackets = /[（(]\s*((?:19|20)\d{2})\s*年?\s*[）)]/.exec(cell);
  if (inBrackets && !/^(?:19|20)\d{2}/.test(t)) {
    const r = headerRole(t);
    if (r && (r.role === 'target' || r.role === 'base')) return { role: r.role, year: Number(inBrackets[1]) };
  }
  // 2025年, 2030年目标, 2020年（基期）, 2025年预期
  const y = /^((?:19|20)\d{2})年?(.*)$/.exec(t);
  if (y && (y[2] === '' || /^(?:目标|目标值|预期|预期目标|规划目标|基期|基期值|现状|现状值|基数|实际|实际值|完成|完成值|底|末)?(?:值)?$/.test(y[2]))) {
    const base = /基期|现状|基数|实际|完成/.test(y[2]);
    return { role: base ? 'base' : 'target', year: Number(y[1]) };
  }
  // “十五五”目标, 十四五末, 2030年远景
  const fy = /^十([一二三四五六七八九])五(?:规划)?(?:目标|目标值|期末|末|预期目标)?$/.exec(t);
  if (fy) return { role: 'target', year: 1955 + 5 * (10 + CN_DIGIT[fy[1]]) };
  for (const { word, role } of ROLE_WORDS) {
    if (t === word || (t.endsWith(word) && word.length >= 2 && t.length - word.length <= 4)) return { role, year: null };
  }
  // 年均增长/累计, 单位/计量单位: the first part that names a role
  const parts = t.split(/[/／、]/).filter(Boolean);
  if (parts.length > 1) for (const part of parts) {
    const r = headerRole(part);
    if (r) return r;
  }
  return null;
}

/** Roles for a header row (several rows joined per column); null when it is not a header. */
function readHeader(rows: ReadonlyArray<ReadonlyArray<TableCell | undefined>>, width: number): TableColumn[] | null {
  const cols: TableColumn[] = [];
  let named = 0;
  for (let c = 0; c < width; c++) {
    const parts = rows.map((r) => r[c]).filter((x): x is TableCell => !!x && !!x.text.trim());
    let role: ColumnRole = 'other';
    let year: number | null = null;
    for (const p of parts) {
      const r = headerRole(p.text);
      if (!r) continue;
      if (r.year !== null) year = r.year;
      // 2025年 over 年均增长 in a two-row header: the lower row says what the year column holds
      if (role === 'other' || (r.role !== 'target' && r.role !== 'base')) role = r.role;
    }
    if (role !== 'other') named++;
    const at = parts.length ? { start: parts[0].start, end: parts[parts.length - 1].end } : null;
    cols.push({ role, header: parts.map((p) => p.text).join(' / '), year, at });
  }
  const key = cols.some((c) => c.role === 'indicator' || c.role === 'task' || c.role === 'project');
  if (!key || named < Math.min(3, width)) return null;
  // two year columns, neither called 基期/目标: the earlier is the base
  const years = cols.filter((c) => c.year !== null && c.role === 'target');
  if (years.length >= 2 && !cols.some((c) => c.role === 'base')) {
    const first = years.reduce((a, b) => ((a.year ?? 0) <= (b.year ?? 0) ? a : b));
    first.role = 'base';
  }
  return cols;
}

// ---- grid tables (tab-separated lines) -------------------------------------------------------

function gridTables(text: string): Table[] {
  const out: Table[] = [];
  const lines: Array<{ start: number; end: number; cells: TableCell[] }> = [];
  let pos = 0;
  for (const line of text.split('\n')) {
    const start = pos;
    pos += line.length + 1;
    const cells: TableCell[] = [];
    let a = 0;
    for (const piece of line.split('\t')) {
      const s = trimSpan(text, { start: start + a, end: start + a + piece.length });
      cells.push({ ...s, text: text.slice(s.start, s.end) });
      a += piece.length + 1;
    }
    lines.push({ start, end: start + line.length, cells });
  }
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].cells.length < 3) continue;
    // a header: one line, or two when the second is header words too (2020年 | 2025年 over 绝对值 | 年均增长)
    const width = Math.max(lines[i].cells.length, lines[i + 1]?.cells.length ?? 0);
    const one = readHeader([lines[i].cells], lines[i].cells.length);
    if (!one) continue;
    let first = i + 1;
    let columns = one;
    const next = lines[i + 1];
    if (next && next.cells.length >= 2 && next.cells.every((c) => !c.text || headerRole(c.text))) {
      const two = readHeader([lines[i].cells, alignRight<TableCell | undefined>(next.cells, width, () => undefined)], width);
      if (two) {
        columns = two;
        first = i + 2;
      }
    }
    const rows: TableRow[] = [];
    let k = first;
    let group: string | undefined;
    for (; k < lines.length; k++) {
      // a cell merged across the row (一、经济发展（40分）) heads a group of rows: read on past it
      if (lines[k].cells.length < 2 && !isGroupRow(lines, k, columns.length)) break;
      if (lines[k].cells.length < 2) {
        group = lines[k].cells[0]?.text;
        continue;
      }
      const cells = alignRight(lines[k].cells, columns.length, (at) => ({ start: at, end: at, text: '' }), lines[k].start);
      rows.push({ start: lines[k].start, end: lines[k].end, cells, ...(group ? { group } : {}) });
    }
    while (k > first && lines[k - 1].cells.length < 2) k--;
    if (rows.length) {
      out.push({ layout: 'grid', title: titleBefore(text, lines[i].start), columns, start: lines[i].start, end: rows[rows.length - 1].end, rows });
      i = k - 1;
    }
  }
  return out;
}

/**
 * A line of one cell inside a table heads the rows after it (一、经济发展（40分）): short, no sentence,
 * and the next line is a row of the table, not the header of another.
 */
function isGroupRow(lines: ReadonlyArray<{ cells: TableCell[] }>, k: number, width: number): boolean {
  const t = lines[k].cells[0]?.text ?? '';
  const next = lines[k + 1]?.cells;
  if (!t || t.length > 40 || /[。；]/.test(t) || !next) return false;
  return next.length >= Math.max(2, width - 2) && !readHeader([next], next.length);
}

/** A row short of cells lost its leading ones to a merged cell (类别): pad on the left. */
function alignRight<T>(cells: T[], width: number, empty?: (at: number) => T, at = 0): T[] {
  if (cells.length >= width) return cells.slice(0, width);
  const pad = width - cells.length;
  return [...Array.from({ length: pad }, () => (empty ? empty(at) : ('' as T))), ...cells];
}

function titleBefore(text: string, at: number): string | null {
  const before = text.slice(Math.max(0, at - 200), at).replace(/\s+$/, '');
  const line = before.slice(before.lastIndexOf('\n') + 1).trim();
  return line && line.length <= 60 && !/[。；]$/.test(line) ? line : null;
}

// ---- cell-paragraph tables (one cell a paragraph) ----------------------------------------------

/** Cell-like paragraph: short, no sentence end inside. */
const cellLike = (s: string) => s.length <= 40 && !/[。；]/.test(s);

function cellTables(text: string, paragraphs: readonly Span[]): Table[] {
  const out: Table[] = [];
  const ps = paragraphs.map((p) => ({ ...p, text: text.slice(p.start, p.end) }));
  for (let i = 0; i < ps.length; i++) {
    // a run of header words, one a paragraph
    let j = i;
    while (j < ps.length && ps[j].text.length <= 16 && headerRole(ps[j].text)) j++;
    const width = j - i;
    if (width < 3) continue;
    const columns = readHeader([ps.slice(i, j)], width);
    if (!columns) continue;
    const rows = cellRows(ps, j, columns);
    if (rows.rows.length >= 2) {
      out.push({ layout: 'cells', title: titleBefore(text, ps[i].start), columns, start: ps[i].start, end: rows.rows[rows.rows.length - 1].end, rows: rows.rows });
      i = rows.next - 1;
    }
  }
  return out;
}

type Para = Span & { text: string };

/**
 * Rows after a header of `columns.length` cells. With a 序号 column a row runs from its number to
 * the next number, and a cell broken over two paragraphs (与全市经济增速 / 保持同步) is joined back;
 * without one, rows are read `width` paragraphs at a time while they look like cells. A task column
 * (重点任务, 考核内容) may hold sentences. A short paragraph between rows that is not the next number
 * heads a group of rows (经济发展 over the rows 1–5) and is read past.
 */
function cellRows(ps: readonly Para[], from: number, columns: readonly TableColumn[]): { rows: TableRow[]; next: number } {
  const width = columns.length;
  const rows: TableRow[] = [];
  const seqCol = columns.findIndex((c) => c.role === 'seq');
  const textCol = (c: number) => columns[c]?.role === 'task';
  const hasText = columns.some((_, c) => textCol(c));
  const hasLead = columns.some((c) => c.role === 'lead');
  let k = from;
  if (seqCol === 0) {
    const taskCol = columns.findIndex((c) => c.role === 'task');
    // a short paragraph, no number, before the next number (or a 1 starting again): a group heading
    const groupLike = (i: number) => i < ps.length && cellLike(ps[i].text) && seqValue(ps[i].text) === null;
    let n = 1;
    for (;;) {
      if (k + 1 < ps.length && seqValue(ps[k].text) !== n && groupLike(k)) {
        const after = seqValue(ps[k + 1].text);
        if (after === n || (after === 1 && rows.length > 0)) {
          k++;
          n = after;
        }
      }
      // (a row short of an empty cell may end the text)
      if (!(k + (hasLead ? 2 : width) <= ps.length && seqValue(ps[k].text) === n)) break;
      let e = hasLead ? dutyRowEnd(ps, k, n, columns, groupLike, rows) : k + width;
      if (!hasLead) {
        // a row has a cell for every column (a value may equal the next number: read past it)
        const isNext = (i: number) => seqValue(ps[i].text) === n + 1 || (hasText && seqValue(ps[i].text) === 1 && groupLike(i - 1));
        while (e < ps.length && !isNext(e) && (cellLike(ps[e].text) || hasText) && e - k < width * 2) e++;
        if (e < ps.length && isNext(e)) {
          // in a task table, paragraphs ending in 。 after the task cell are its broken sentences; one more
          // short paragraph before the next number heads the next group of rows
          const extra = e - k - width;
          let broken = 0;
          while (hasText && taskCol >= 0 && broken < extra && /[。；;]$/.test(ps[k + taskCol + 1 + broken].text)) broken++;
          if (hasText && extra - broken === 1 && groupLike(e - 1)) e--;
        } else {
          // the last row: a full row, no more; in a task table, one whose text cell was broken, up to
          // the last short paragraph (持续推进) after it
          let last = k + width;
          if (hasText) while (last < ps.length && last - k < width * 2 - 1 && groupLike(last)) last++;
          e = last;
        }
      }
      const cells = fitCells(ps.slice(k, e), columns);
      if (!cells) break;
      rows.push({ start: ps[k].start, end: ps[e - 1].end, cells });
      k = e;
      n++;
    }
    return { rows, next: k };
  }
  const looksLikeRow = (at: number) => ps.slice(at, at + width).every((p, c) => cellLike(p.text) || textCol(c)) && !headerRole(ps[at].text);
  while (k + width <= ps.length && looksLikeRow(k)) {
    const cells = fitCells(ps.slice(k, k + width), columns);
    if (!cells) break;
    rows.push({ start: ps[k].start, end: ps[k + width - 1].end, cells });
    k += width;
  }
  return { rows, next: k };
}

/**
 * Where the row numbered `n` at `k` ends in a table with a 牵头单位 column. An empty cell leaves no
 * paragraph (the row is short) and a task cell may be broken into sentences (the row is long), so
 * every next number within two widths is a candidate: the one nearest a full row wins, helped when
 * the row after it is full too (a 分值 cell equal to the next number is no row start). A short
 * paragraph just before the next number heads a group of rows. Short rows are padded by fitCells;
 * the duty reader puts their cells back under the columns they fit.
 */
function dutyRowEnd(
  ps: readonly Para[],
  k: number,
  n: number,
  columns: readonly TableColumn[],
  groupLike: (i: number) => boolean,
  above: readonly TableRow[],
): number {
  const width = columns.length;
  // columns that hold sentences: the task column, and any whose cells above did (评分标准)
  const prose = (c: number) => columns[c]?.role === 'task' || above.some((r) => r.cells[c] && !cellLike(r.cells[c].text));
  const taskCol = columns.findIndex((c) => c.role === 'task');
  const numberAt = (i: number, v: number) => i < ps.length && seqValue(ps[i].text) === v;
  const startsRow = (i: number) => numberAt(i, n + 1) || (numberAt(i, 1) && groupLike(i - 1));
  const fitAfter = (i: number) => {
    const next = seqValue(ps[i].text)! + 1;
    let best = 0;
    for (let j = i + 2; j <= i + width * 2 && j < ps.length; j++) if (numberAt(j, next)) best = Math.max(best, 3 - Math.abs(j - i - width));
    return best;
  };
  let end = -1;
  let score = -Infinity;
  // a row holds at least its number, a task and a lead
  for (let i = k + Math.min(3, width); i <= k + width * 2 && i < ps.length; i++) {
    if (!startsRow(i)) continue;
    const s = -Math.abs(i - k - width) + fitAfter(i);
    if (s > score) [end, score] = [i, s];
  }
  if (end < 0) {
    // the last row: its cells while they look like cells (a task cell may be a sentence), then the
    // short paragraphs of a broken cell
    end = k + 1;
    let pieces = 0;
    while (end < ps.length && end - k < width + pieces) {
      const col = end - k - pieces;
      const t = ps[end].text;
      if (taskCol >= 0 && col === taskCol + 1 && /[。；;]$/.test(t) && /[。；;]$/.test(ps[end - 1].text)) pieces++;
      else if (!(cellLike(t) || prose(col))) break;
      end++;
    }
    return end;
  }
  // paragraphs ending in 。 after the task cell are its broken sentences; one more short paragraph
  // before the next number heads the next group of rows
  const extra = end - k - width;
  let broken = 0;
  while (taskCol >= 0 && broken < extra && /[。；;]$/.test(ps[k + taskCol + 1 + broken]?.text ?? '')) broken++;
  if (extra >= 1 && extra - broken >= 1 && groupLike(end - 1) && !/[。；;]$/.test(ps[end - 1].text)) {
    if (extra - broken === 1 || !cellLike(ps[end - 2]?.text ?? '')) return end - 1;
  }
  return end;
}

function seqValue(s: string): number | null {
  const t = s.trim().replace(/[.、．]$/, '');
  if (/^\d{1,3}$/.test(t)) return Number(t);
  return /^[一二三四五六七八九十]{1,3}$/.test(t) ? parseChineseInt(t) : null;
}

/** Cells of one row: as many paragraphs as columns, or more when a text cell was broken in two. */
function fitCells(ps: readonly Para[], columns: readonly TableColumn[]): TableCell[] | null {
  const width = columns.length;
  const cell = (p: readonly Para[]): TableCell => ({ start: p[0].start, end: p[p.length - 1].end, text: p.map((x) => x.text).join('') });
  if (ps.length < width) {
    // a row whose empty cells left no paragraph (only in tables with a 牵头单位 column, see dutyRowEnd):
    // padded on the left like a grid row short of a merged cell
    if (ps.length < 2 || !columns.some((c) => c.role === 'lead')) return null;
    const at = ps[0].start;
    return [...Array.from({ length: width - ps.length }, () => ({ start: at, end: at, text: '' })), ...ps.map((p) => cell([p]))];
  }
  if (ps.length === width) return ps.map((p) => cell([p]));
  // anchor the columns whose cells can be recognised (属性, 单位); join the extra paragraphs into the
  // text column between anchors (a broken 指标名称 or 目标 cell)
  const extra = ps.length - width;
  const bindingCol = columns.findIndex((c) => c.role === 'binding');
  const bindingAt = ps.findIndex((p) => /^(?:约束性|预期性)$/.test(p.text));
  // a text column (重点任务, 考核内容) is where a cell broken into sentences comes from
  const taskCol = columns.findIndex((c) => c.role === 'task');
  let joinAt = taskCol >= 0 ? taskCol : width - 1;
  if (bindingCol >= 0 && bindingAt >= 0 && bindingAt !== bindingCol) {
    // the binding cell came late: a cell before it was broken; join in the indicator column
    joinAt = Math.max(0, columns.findIndex((c) => c.role === 'indicator' || c.role === 'task'));
  }
  const out: TableCell[] = [];
  let p = 0;
  for (let c = 0; c < width; c++) {
    const take = c === joinAt ? 1 + extra : 1;
    out.push(cell(ps.slice(p, p + take)));
    p += take;
  }
  return out;
}
