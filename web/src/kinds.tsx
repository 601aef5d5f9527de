// The kinds of finding as the server's registry describes them (GET /api/kinds): names, field
// labels, value labels, colours, order. Every page reads them from here; none keeps its own list.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useApi } from './api';
import { ErrorBox, Loading } from './components/Status';
import { useLang, type Lang } from './i18n';
import type { FindingDataMap, FindingKind, KindInfo } from '../../src/core/api-types';

export type { KindInfo };

export interface Kinds {
  /** Every kind, in display order. */
  list: KindInfo[];
  /** Kind names in display order. */
  names: string[];
  /** The kinds the reader highlights unless asked otherwise. */
  shownByDefault: string[];
  /** The kind's label (目标 / Targets). */
  kindName(kind: string, lang: Lang): string;
  /** A field's label (baselineYear → 基期年份). */
  fieldName(kind: string, field: string, lang: Lang): string;
  /** A value's label where the kind names it (comparator ge → 不低于 ≥), else the value itself. */
  valueName(kind: string, field: string, value: string, lang: Lang): string;
  /** Where two findings of the same length overlap, the lower is drawn on top. */
  nesting(kind: string): number;
}

const KindsContext = createContext<Kinds | null>(null);

function kindsOf(list: KindInfo[]): Kinds {
  const by = new Map(list.map((k) => [k.name, k]));
  return {
    list,
    names: list.map((k) => k.name),
    shownByDefault: list.filter((k) => k.shownByDefault).map((k) => k.name),
    kindName: (kind, lang) => by.get(kind)?.[lang] ?? kind,
    fieldName: (kind, field, lang) => by.get(kind)?.fields.find((f) => f.name === field)?.[lang] ?? field,
    valueName: (kind, field, value, lang) => {
      const k = by.get(kind);
      const labels = k?.fields.find((f) => f.name === field)?.options ?? k?.values[field];
      return labels?.find((o) => o.value === value)?.[lang] ?? value;
    },
    nesting: (kind) => by.get(kind)?.nesting ?? list.length + 1,
  };
}

/** The colours of each kind: highlights (mark.f-K, search chips), legend (.rk-K), badges (.review-kind-K, .lc-K, .fk-K). */
function kindStyles(list: KindInfo[]): string {
  return list
    .map(({ name: k, colour: { fill, line } }) =>
      [`mark.f-${k},.search-chip.f-${k}{background:${fill};border-color:${line}}`, `.rk-${k}{border-color:${line}}`, `.fk-${k}{background:${fill};border-color:${line}}`, `.review-kind-${k},.lc-${k}{background:${fill}}`].join(''),
    )
    .join('\n');
}

/** Loads the kinds once for the whole app; pages render when they are known. */
export function KindsProvider({ children }: { children: ReactNode }) {
  const res = useApi<KindInfo[]>('/api/kinds');
  const kinds = useMemo(() => (res.data ? kindsOf(res.data) : null), [res.data]);
  if (res.error) return <ErrorBox error={res.error} />;
  if (!kinds) return <Loading />;
  return (
    <KindsContext.Provider value={kinds}>
      <style data-testid="kind-styles">{kindStyles(kinds.list)}</style>
      {children}
    </KindsContext.Provider>
  );
}

export function useKinds(): Kinds {
  const k = useContext(KindsContext);
  if (!k) throw new Error('useKinds: outside KindsProvider');
  return k;
}

/** Shortcuts bound to the current language. */
export function useKindLabels() {
  const k = useKinds();
  const { lang } = useLang();
  return {
    ...k,
    kind: (kind: string) => k.kindName(kind, lang),
    field: (kind: string, field: string) => k.fieldName(kind, field, lang),
    value: (kind: string, field: string, value: string) => k.valueName(kind, field, value, lang),
  };
}

/** A field of a finding's data read by name (forms and detail lists go through the fields a kind lists). */
export function fieldValue<K extends FindingKind>(data: FindingDataMap[K], field: string): unknown {
  return (data as Partial<Record<string, unknown>>)[field];
}
