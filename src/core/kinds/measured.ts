// What a target and a fact share: an indicator of a place in a year (their first fields, and
// those fields' labels).
import { areaCode, text, year } from './define';

export const measuredShape = {
  /** Indicator as the plan names it (地区生产总值年均增长率 may be composed from 地区生产总值 + 年均增长). */
  indicator: text,
  /** Canonical indicator id from data/lexicons/indicators.csv, or null when not in the lexicon. */
  canonical: text.nullable(),
  /** Place or base it is for (粤西地区, 湛江市, 地级市市区); the plan's region when the sentence names none. */
  scope: text.nullable(),
  /** Gazetteer code of the scope where it is an administrative unit. */
  scopeCode: areaCode.nullable(),
  year: year.nullable(),
};

export const measuredLabels = {
  indicator: { zh: '指标', en: 'Indicator' },
  canonical: { zh: '标准指标代码', en: 'Canonical indicator' },
  scope: { zh: '范围', en: 'Scope' },
  scopeCode: { zh: '区划代码', en: 'Area code' },
  year: { zh: '年份', en: 'Year' },
};
