// Findings: what the extractors read out of a parsed plan. Every finding keeps its span in the
// normalized text, a confidence in [0, 1] and flags naming anything repaired, inferred or doubtful.
import type { FindingDataMap, FindingKind, FindingOf } from './kinds/index';
import type { Gazetteer, PlanDoc } from './types';

export type {
  Binding,
  Comparator,
  DutyData,
  FactData,
  FindingDataMap,
  FindingEvidence,
  FindingKind,
  PlaceData,
  ProjectData,
  ReferenceData,
  StructureData,
  StructureElement,
  TargetData,
  TargetMeasure,
} from './kinds/index';

/** A finding of one kind, its data typed by the kind's schema. */
export type Finding<K extends FindingKind = FindingKind> = FindingOf<FindingDataMap[K], K>;

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
