// The plan text of the reader: one element per line, findings as <mark className="f f-<kind>">.
// Overlapping findings are split at every boundary; a piece covered by several findings takes the
// class of the innermost one and lists all of them (innermost first) in data-keys.
// Plan text is untrusted: it is only ever rendered as React text nodes.
import { memo, type ReactNode } from 'react';
import type { FindingDto, RepairDto } from '../components/FindingDetails';
import { useKinds } from '../kinds';

export interface Para {
  start: number;
  end: number;
  /** Outline level when the line is a heading (1 = chapter), else 0. */
  heading: number;
}

/** Lines of the text (the text keeps its line breaks: every line is a paragraph). */
export function splitParas(text: string, headingLevels: Map<number, number>): Para[] {
  const out: Para[] = [];
  let s = 0;
  while (s <= text.length) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = text.length;
    out.push({ start: s, end: e, heading: headingLevels.get(s) ?? 0 });
    s = e + 1;
  }
  return out;
}

/** Index of the paragraph containing offset `at` (binary search over starts). */
export function paraIndexAt(paras: Para[], at: number): number {
  let lo = 0;
  let hi = paras.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paras[mid].start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Puts each item into every paragraph its span touches. */
export function distribute<T extends { start: number | null; end: number | null }>(paras: Para[], items: T[], emptyOk = false): T[][] {
  const out: T[][] = paras.map(() => []);
  for (const it of items) {
    if (it.start == null || it.end == null) continue;
    if (it.end <= it.start && !emptyOk) continue;
    const a = paraIndexAt(paras, it.start);
    const b = it.end > it.start ? paraIndexAt(paras, it.end - 1) : a;
    for (let i = a; i <= b; i++) out[i].push(it);
  }
  return out;
}

/** Shorter first; of the same length, the more specific kind first (its nesting in the registry). */
export const innermostFirst =
  (nesting: (kind: string) => number) =>
  (a: FindingDto, b: FindingDto): number =>
    a.end! - a.start! - (b.end! - b.start!) || nesting(a.kind) - nesting(b.kind);

export interface ParaProps {
  text: string;
  para: Para;
  findings: FindingDto[];
  repairs: Array<{ r: RepairDto; i: number }>;
  /** Only set on the paragraphs the selected finding touches (keeps the others from re-rendering). */
  selectedKey: string | null;
  /** Index of the repair whose note is open, when it is in this paragraph. */
  openRepair: number | null;
  repairLabel: (r: RepairDto) => string;
  /** The evidence span asked for (?ev=), only on the paragraphs it touches. */
  evidence: { start: number; end: number } | null;
}

export const Paragraph = memo(function Paragraph({ text, para, findings, repairs, selectedKey, openRepair, repairLabel, evidence }: ParaProps) {
  const { nesting } = useKinds();
  const { start: s, end: e } = para;
  const cls = para.heading ? `reader-p reader-h reader-h${Math.min(para.heading, 4)}` : 'reader-p';
  if (s === e && !repairs.length) return <div className="reader-blank" id={`rp-${s}`} />;

  const bounds = new Set<number>([s, e]);
  for (const f of findings) {
    bounds.add(Math.max(s, f.start!));
    bounds.add(Math.min(e, f.end!));
  }
  for (const { r } of repairs) bounds.add(Math.min(Math.max(s, r.start), e));
  if (evidence) {
    bounds.add(Math.min(Math.max(s, evidence.start), e));
    bounds.add(Math.min(Math.max(s, evidence.end), e));
  }
  const cuts = [...bounds].sort((a, b) => a - b);

  const markers = (at: number) =>
    repairs
      .filter(({ r }) => Math.min(Math.max(s, r.start), e) === at)
      .map(({ r, i }) => (
        <span key={`r${i}`} className="reader-repair-wrap">
          <span className="reader-repair" data-ri={i} data-testid="repair-marker" title={repairLabel(r)} role="button" tabIndex={0} aria-label={repairLabel(r)}>
            ⌁
          </span>
          {openRepair === i ? (
            <span className="reader-repair-note" role="note" data-testid="repair-note">
              {repairLabel(r)}
              {r.before && r.before.length <= 40 ? <span className="reader-repair-before">「{r.before}」</span> : null}
            </span>
          ) : null}
        </span>
      ));

  const out: ReactNode[] = [];
  for (let k = 0; k < cuts.length - 1; k++) {
    const a = cuts[k];
    const b = cuts[k + 1];
    if (repairs.length) out.push(...markers(a));
    if (a === b) continue;
    const piece = text.slice(a, b);
    const ev = evidence != null && evidence.start <= a && evidence.end >= b;
    const covering = findings.filter((f) => f.start! <= a && f.end! >= b);
    if (!covering.length) {
      out.push(
        ev ? (
          <mark key={a} className="ev" data-testid="evidence-mark">
            {piece}
          </mark>
        ) : (
          piece
        ),
      );
      continue;
    }
    covering.sort(innermostFirst(nesting));
    const sel = selectedKey != null && covering.some((f) => f.key === selectedKey);
    out.push(
      <mark
        key={a}
        className={`f f-${covering[0].kind}${sel ? ' selected' : ''}${ev ? ' ev' : ''}`}
        data-keys={covering.map((f) => f.key).join(' ')}
        data-testid={ev ? 'evidence-mark' : undefined}
      >
        {piece}
      </mark>,
    );
  }
  if (repairs.length) out.push(...markers(e));

  return (
    <p className={cls} id={`rp-${s}`} data-start={s}>
      {out}
    </p>
  );
});
