// Domain types shared by every stage of the pipeline:
//   file bytes ──ingest──▶ PlanText ──parse──▶ PlanDoc ──extract──▶ Findings
// Everything here is plain data (JSON-serialisable), so the store can keep it as is.

/** Half-open span [start, end) of UTF-16 code-unit offsets into PlanText.text (the normalized text). */
export interface Span {
  start: number;
  end: number;
}

export type SourceFormat = 'txt' | 'md' | 'html' | 'docx' | 'pdf';

/**
 * Map from offsets in the normalized text back to offsets in PlanText.source
 * (the text as decoded or extracted from the file, before any repair).
 * Each segment says: normalized [n, n+nLen) came from source [s, s+sLen).
 * Copied runs have nLen === sLen (offsets map 1:1); replaced runs differ
 * (an empty nLen is a deletion, an empty sLen an insertion).
 * Segments are sorted by n, contiguous, and cover the whole normalized text.
 */
export interface OffsetMap {
  segments: Array<[n: number, s: number, nLen: number, sLen: number]>;
}

/** A change made while normalizing, recorded as a message, never silently (cf. vfile messages). */
export interface Repair {
  /** Stable rule id, e.g. 'toc-removed', 'page-number-removed', 'line-join', 'markup-removed', 'width-unified'. */
  rule: string;
  /** Where the change sits in the normalized text (empty span for a deletion). */
  start: number;
  end: number;
  /** What it replaced in the source text. */
  sourceStart: number;
  sourceEnd: number;
  before: string;
  after: string;
  /** One readable sentence: what was changed and why. */
  message: string;
}

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Result of ingest: normalized text that the parser reads, with its way back to the original. */
export interface PlanText {
  fileName: string;
  format: SourceFormat;
  /** Encoding of the file for text formats; null for DOCX/PDF (binary containers). */
  encoding: TextEncoding | null;
  /** True when the file began with a byte-order mark. */
  bom: boolean;
  /** Text as decoded (txt/md/html) or extracted (docx/pdf) from the file, before repairs. */
  source: string;
  /** Normalized text: what parse and extract read; all spans point into it. */
  text: string;
  map: OffsetMap;
  repairs: Repair[];
  /** Notes about the file that are not repairs (e.g. 'PDF has 3 pages without text'). */
  warnings: string[];
}

/**
 * Outline node kinds:
 *  preface 前言/序言 · chapter 第X章 / 一、(top level of plans without 章) · section 第X节
 *  item 一、(below chapters) · subitem （一） · numbered 1. · paren-numbered （1）
 *  box 专栏N · annex 附件 · annex-table 附表 · heading (Markdown #) · runin (run-in heading "港口群。按照…")
 */
export type SectionKind =
  | 'preface'
  | 'chapter'
  | 'section'
  | 'item'
  | 'subitem'
  | 'numbered'
  | 'paren-numbered'
  | 'box'
  | 'annex'
  | 'annex-table'
  | 'heading'
  | 'runin';

export interface Section {
  /** Path in the tree, e.g. '3', '3.2', '3.2.1' (1-based ordinals of siblings). */
  id: string;
  kind: SectionKind;
  /** Depth in the tree, 1 for top level. */
  level: number;
  /** The numbering as written: '第三章', '第二节', '一', '（一）', '专栏1', '附件1'; null when unnumbered. */
  label: string | null;
  /** Ordinal parsed from the label (第三章 → 3, （二） → 2); null when unnumbered. */
  ordinal: number | null;
  /** Heading text without the label, e.g. '发展背景'. */
  title: string;
  /** Whole section including heading and all descendants. */
  start: number;
  end: number;
  /** The heading line itself. */
  headingStart: number;
  headingEnd: number;
  children: Section[];
}

export type PlanLevel = 'national' | 'cross-provincial' | 'provincial' | 'prefectural' | 'county' | 'unknown';

/** Evidence for a metadata field: where in the normalized text it was read. */
export interface MetaEvidence extends Span {
  field: keyof Omit<PlanMeta, 'evidence'>;
}

export interface PlanMeta {
  title: string | null;
  issuer: string[];
  /** e.g. 粤府〔2011〕152号 */
  docNumber: string | null;
  /** ISO date 'YYYY-MM-DD', or 'YYYY-MM' / 'YYYY' when the text gives no more. */
  issued: string | null;
  /** Plan period [first year, last year]. */
  period: [number, number] | null;
  /** Outlook year (展望到2030年). */
  horizon: number | null;
  /** Covered administrative units, full names (湛江市). */
  scope: string[];
  /** Extension area (规划延伸区), full names. */
  extension: string[];
  level: PlanLevel;
  /** Which years the document's numbers belong to when a sentence names none (src/parse/timeframe.ts). */
  frame: TimeFrame;
  evidence: MetaEvidence[];
}

/** plan: 规划/纲要 with a period · report: 政府工作报告 for a year · policy: 意见/方案/行动计划 … */
export type DocType = 'plan' | 'report' | 'policy' | 'unknown';

/** A part of the text with its own time: 一、2025年工作回顾 (past 2025), 三、2026年重点工作 (future 2026). */
export interface FramePart extends Span {
  year: number | null;
  tense: 'past' | 'future';
  /** Where the heading says so. */
  evidence: Span;
}

export interface TimeFrame {
  docType: DocType;
  /** Plan period, or a report's or policy's span from its own year to its last goal year. */
  period: [number, number] | null;
  /** Outlook year after the period (展望到2035年). */
  horizon: number | null;
  /** The year the document speaks from: a report's year (今年), else the issue year. */
  currentYear: number | null;
  /** Goal years the text names within the frame (到2025年 … 到2035年). */
  milestones: number[];
  parts: FramePart[];
}

// ---- blocks: paragraphs and tables (src/parse/blocks.ts) ----

export type ColumnRole =
  | 'seq'
  | 'category'
  | 'indicator'
  | 'unit'
  | 'binding'
  | 'base'
  | 'target'
  | 'growth'
  | 'task'
  | 'lead'
  | 'support'
  | 'deadline'
  | 'score'
  | 'note'
  | 'project'
  | 'content'
  | 'investment'
  | 'place'
  | 'years'
  | 'other';

export interface TableCell extends Span {
  text: string;
}

export interface TableColumn {
  role: ColumnRole;
  /** The header as written (several header rows joined with ' / '). */
  header: string;
  /** Year of a base or target column (2020年 → 2020, “十五五”目标 → 2030), else null. */
  year: number | null;
  /** The header cell(s). */
  at: Span | null;
}

export interface TableRow extends Span {
  /** One cell per column; a cell a merged row lacks is empty (start === end). */
  cells: TableCell[];
  /** The group heading above the row inside the table (一、交通运输（20项）), if any. */
  group?: string;
}

export interface Table extends Span {
  layout: 'grid' | 'cells';
  /** The line before the header when it names the table (长宁区“十五五”经济社会发展主要指标, 表1 …). */
  title: string | null;
  columns: TableColumn[];
  rows: TableRow[];
}

/** The paragraphs and tables of a plan. */
export interface Blocks {
  paragraphs: Span[];
  tables: Table[];
}

/** Result of parse. */
export interface PlanDoc {
  text: PlanText;
  /** Outline tree roots, in document order. */
  sections: Section[];
  /** Table of contents found in the text (kept out of the outline), if any. */
  toc: Span | null;
  meta: PlanMeta;
  /** Paragraphs and tables, parsed once for every extractor (src/parse/blocks.ts). */
  blocks: Blocks;
}

export type PlaceLevel = 'province' | 'prefecture' | 'county';

/** An administrative unit of the gazetteer (GB/T 2260 code). */
export interface Place {
  /** Six-digit GB/T 2260 code, e.g. '440800'. */
  code: string;
  /** Full name, e.g. '湛江市'. */
  name: string;
  /** Short name, e.g. '湛江'. */
  short: string;
  level: PlaceLevel;
  /** Code of the parent unit (province for a prefecture, prefecture for a county); null for provinces. */
  parent: string | null;
  /** Representative point [lon, lat] where known (prefectures of Guangdong, Guangxi, Hainan). */
  point: [number, number] | null;
  /** Other names it is written as (old names, alternative short forms). */
  aliases: string[];
}

/** A place name found in text. */
export interface PlaceMention extends Span {
  place: Place;
  /** The text as written (湛江, 湛江市). */
  surface: string;
}

/** Read-only view of the gazetteer; implemented in src/places. */
export interface Gazetteer {
  readonly places: readonly Place[];
  byCode(code: string): Place | undefined;
  /** Every unit whose full name, short name or alias equals `name` exactly. */
  lookup(name: string): Place[];
  /**
   * The single best unit for a name, preferring (in order) units under `within` (a province
   * or prefecture code), full-name matches, then higher levels (province over prefecture over county).
   */
  resolve(name: string, within?: string): Place | undefined;
  /** Longest-match scan of a text for place names (full, short and alias forms). */
  findMentions(text: string): PlaceMention[];
}
