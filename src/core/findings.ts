// Findings: what the extractors read out of a parsed plan. Every finding keeps its span in the
// normalized text, a confidence in [0, 1] and flags naming anything repaired, inferred or doubtful.
import type { Gazetteer, PlanDoc, Span } from './types';

export type FindingKind = 'target' | 'structure' | 'duty' | 'project' | 'fact' | 'place' | 'reference';

export type Comparator = 'eq' | 'ge' | 'gt' | 'le' | 'lt' | 'approx';
/** level: a value to reach; growth: 年均增长 X%; increment: 新增/累计 X; ratio: 13∶47∶40. */
export type TargetMeasure = 'level' | 'growth' | 'increment' | 'ratio';
export type Binding = 'constraint' | 'expected'; // 约束性 / 预期性

export interface TargetData {
  /** Indicator as the plan names it (地区生产总值年均增长率 may be composed from 地区生产总值 + 年均增长). */
  indicator: string;
  /** Canonical indicator id from data/lexicons/indicators.csv, or null when not in the lexicon. */
  canonical: string | null;
  /** Place or base the target is for (粤西地区, 湛江市, 地级市市区); the plan's region when the sentence names none. */
  scope: string | null;
  /** Gazetteer code of the scope where it is an administrative unit. */
  scopeCode: string | null;
  year: number | null;
  /** Number, or a ratio string '13:47:40'. For a range, the lower bound (see range). */
  value: number | string | null;
  /** [low, high] for 5-10家, 6.5%－7%, 一至两个. */
  range: [number, number] | null;
  /** Unit with 万/亿 kept inside (亿元, 万人, 万标箱); percent is '%'; 'ratio' for ratios. */
  unit: string | null;
  comparator: Comparator;
  measure: TargetMeasure;
  /** For 下降/降低 X%: 'down'; for 增长/提高: 'up'; null when not stated. */
  direction: 'up' | 'down' | null;
  baselineValue: number | null;
  baselineYear: number | null;
  binding: Binding | null;
}

export interface FactData {
  indicator: string;
  canonical: string | null;
  scope: string | null;
  scopeCode: string | null;
  year: number | null;
  value: number | string | null;
  unit: string | null;
}

export interface StructureElement {
  /** 三核, 四轴, 两屏 */
  name: string;
  /** null when the plan gives no number (多节点, 多个节点, an unnumbered 延伸区). */
  count: number | null;
  /** Members as the plan names them. */
  members: string[];
  /** Gazetteer code for each member that is a place, else null (same order as members). */
  memberCodes: Array<string | null>;
  /** Where the element is explained, if found. */
  span: Span | null;
}

export interface StructureData {
  /** The pattern code as written, e.g. 三核、四轴、两屏 or 一核一带一区. */
  code: string;
  /** What it structures, e.g. 国土开发格局, 空间布局 (the noun after the code). */
  subject: string | null;
  elements: StructureElement[];
}

export interface DutyData {
  task: string;
  lead: string[];
  support: string[];
  /** As written: 2025年底前, 持续推进 … */
  deadline: string | null;
}

export interface ProjectData {
  name: string;
  /** The 专栏 heading or list heading it was listed under. */
  category: string | null;
  places: string[];
  /** Capacity as written (30万吨级, 100万千瓦). */
  capacity: string | null;
  investment: { value: number; unit: string } | null;
  /** For programme totals (重点建设项目209项): the number of projects. */
  count: number | null;
}

export interface PlaceData {
  code: string;
  name: string;
  level: string;
}

export interface ReferenceData {
  /** Title inside 《》. */
  title: string;
  docNumber: string | null;
}

export interface FindingDataMap {
  target: TargetData;
  structure: StructureData;
  duty: DutyData;
  project: ProjectData;
  fact: FactData;
  place: PlaceData;
  reference: ReferenceData;
}

/** A span some field of a finding was read from: role 'year' is where its year comes from. */
export interface FindingEvidence extends Span {
  role: 'year';
}

export interface Finding<K extends FindingKind = FindingKind> extends Span {
  kind: K;
  /** Path of the innermost section containing the span, or null. */
  section: string | null;
  confidence: number;
  /** e.g. decimal_restored, percent_restored, table_cells_split, year_implied, scope_implied, doubtful_value */
  flags: string[];
  /** The extraction rule that made it (clause.standard, table.grid …), where one rule did. */
  rule?: string;
  /** Spans the finding's fields were read from, beyond its own span (the year's heading, the frame …). */
  evidence?: FindingEvidence[];
  data: FindingDataMap[K];
}

export type AnyFinding = { [K in FindingKind]: Finding<K> }[FindingKind];

/** Lexicons loaded from data/lexicons; passed to extractors so they stay pure. */
export interface Lexicons {
  indicators: IndicatorEntry[];
  agencies: AgencyEntry[];
}

export interface IndicatorEntry {
  /** Canonical id, e.g. 'gdp'. */
  id: string;
  /** Canonical Chinese name, e.g. 地区生产总值. */
  name: string;
  aliases: string[];
  /** Usual unit (亿元, %, 元). */
  unit: string | null;
  higherIsBetter: boolean | null;
}

export interface AgencyEntry {
  /** Canonical name, e.g. 省发展改革委. */
  name: string;
  aliases: string[];
}

export interface ExtractContext {
  gazetteer: Gazetteer;
  lexicons: Lexicons;
}

export type Extractor<K extends FindingKind = FindingKind> = (doc: PlanDoc, ctx: ExtractContext) => Array<Finding<K>>;
