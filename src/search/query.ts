// Searching the passages of current plan versions. One SQL statement for PGlite and PostgreSQL:
// the query's jieba words as a tsquery against the token vectors (GIN), OR the query as a literal
// substring (ILIKE, served by the pg_trgm index) for 3+ characters, so text that jieba cut
// differently is still found. User input only ever reaches SQL as bound parameters.
import { sql, type SQL } from 'drizzle-orm';
import type { HitFinding, SearchHit, SearchResult } from '../core/api-types';
import { queryRows, type Store } from '../store/db';
import { overlappingFindings } from '../store/effective';
import { LONG_SPAN, type PassageFinding } from '../store/schema';
import { caseFolded, highlightRanges } from './highlight';
import type { Segmenter } from './segmenter';
import { containsPattern, tsqueryText } from './syntax';

export interface SearchParams {
  q: string;
  /** Plan slug. */
  plan?: string;
  /** Section path ('3', '3.2': that section and those inside it) or words of a section title (发展目标). */
  section?: string;
  /** Only passages containing a finding of this kind. */
  kind?: string;
  /** Only passages with a target or fact for this year, or the year written in them. */
  year?: number;
  limit: number;
  offset: number;
}

export type { HitFinding, SearchHit, SearchResult };

/** Shortest query searched as a literal substring too (pg_trgm needs three characters). */
export const MIN_LITERAL = 3;

interface Row {
  version_id: number;
  plan_id: number;
  slug: string;
  title: string;
  section_path: string | null;
  section_title: string | null;
  start: number;
  end: number;
  text: string;
  total: number | string;
  /** passages.finding_list (a string if the driver leaves JSON unparsed). */
  finding_list: PassageFinding[] | string;
  finding_count: number | string;
}

/** Findings sent with each hit; the rest (hit.findingTotal says how many) come from passageFindings on demand. */
export const HIT_FINDINGS = 8;

const toHitFinding = ([key, kind, summary, start, end]: PassageFinding): HitFinding => ({ key, kind, summary, start: Number(start), end: Number(end) });

/** All findings overlapping one passage of a plan version, in text order (a hit's "N more"). */
export async function passageFindings(store: Store, versionId: number, start: number, end: number): Promise<HitFinding[]> {
  const rows = await queryRows<HitFinding>(
    store.db,
    sql`select e.identity as key, e.kind, e.summary, e.start, e."end" from ${overlappingFindings(sql`${versionId}::int`, sql`${start}::int`, sql`${end}::int`)} order by e.seq`,
  );
  return rows.map((f) => ({ key: f.key, kind: f.kind, summary: f.summary, start: Number(f.start), end: Number(f.end) }));
}

/**
 * The findings a hit sends: those a kind or year filter asked for first, then those whose part
 * inside the passage holds a query term (case-insensitive), then in text order; HIT_FINDINGS of them.
 */
export function hitFindings(
  passage: { start: number; end: number; text: string },
  list: readonly PassageFinding[],
  terms: readonly string[],
  filter: { kind?: string; year?: number },
): HitFinding[] {
  const { hay, words } = caseFolded(passage.text, terms);
  const holds = ([, , , start, end]: PassageFinding) => {
    const part = hay.slice(Math.max(start, passage.start) - passage.start, Math.min(end, passage.end) - passage.start);
    return words.some((w) => part.includes(w));
  };
  const wanted = ([, kind, , , , year]: PassageFinding) =>
    filter.kind ? kind === filter.kind : filter.year != null ? (kind === 'target' || kind === 'fact') && year === filter.year : false;
  return list
    .map((f, i) => ({ f, i, rank: (wanted(f) ? 2 : 0) + (holds(f) ? 1 : 0) }))
    .sort((a, b) => b.rank - a.rank || a.i - b.i)
    .slice(0, HIT_FINDINGS)
    .map(({ f }) => toHitFinding(f));
}

export async function searchPassages(store: Store, params: SearchParams, seg: Segmenter): Promise<SearchResult> {
  const q = params.q.trim();
  const words = seg.queryTerms(q);
  const tsq = tsqueryText(words);
  const literal = [...q].length >= MIN_LITERAL ? q : '';
  const terms = [...new Set([...(literal && !/\s/.test(literal) ? [literal.toLowerCase()] : []), ...words])];

  const tokenMatch = tsq ? sql`p.tokens @@ ${tsq}::tsquery` : null;
  const literalMatch = literal ? sql`p.text ilike ${containsPattern(literal)}` : null;
  const match = [tokenMatch, literalMatch].filter((x): x is SQL => x != null);
  if (!match.length) return { q, terms, total: 0, hits: [] };

  const where: SQL[] = [sql`(${sql.join(match, sql` or `)})`];
  if (params.plan) where.push(sql`pl.slug = ${params.plan}`);
  if (params.section) {
    const s = params.section.trim();
    where.push(
      sql`(p.section_path = ${s} or left(p.section_path, ${s.length + 1}) = ${s + '.'} or p.section_trail ilike ${containsPattern(s)})`,
    );
  }
  // Kind and year filters look at findings as people reviewed them (a rejected target does not
  // count, an added one does): effective_findings, not the raw findings table.
  // (One index range with the overlap test: an exists over overlappingFindings' two ranges plans worse here.)
  const findingIn = (cond: SQL) => sql`exists (select 1 from effective_findings e where e.version_id = p.version_id
      and e.status <> 'rejected' and e.status <> 'orphan' and e.start < p."end" and e."end" > p.start
      and (e.start > p.start - ${LONG_SPAN} or e."end" - e.start > ${sql.raw(String(LONG_SPAN))}) and ${cond})`;
  if (params.kind) where.push(findingIn(sql`e.kind = ${params.kind}`));
  if (params.year != null) {
    const y = params.year;
    where.push(sql`(${findingIn(sql`e.kind in ('target', 'fact') and e.year = ${y}`)} or strpos(p.text, ${String(y)}) > 0)`);
  }
  const score = sql.join(
    [
      tokenMatch ? sql`(case when ${tokenMatch} then ts_rank(p.tokens, ${tsq}::tsquery, 1) else 0 end)` : sql`0`,
      literalMatch ? sql`(case when ${literalMatch} then 0.05 else 0 end)` : sql`0`,
    ],
    sql` + `,
  );

  // One statement: the page of passages, each with the list of findings it overlaps (kept with the passage).
  const rows = await queryRows<Row>(
    store.db,
    sql`select p.version_id, p.plan_id, pl.slug, pl.title, p.section_path, p.section_title, p.start, p."end", p.text,
          p.finding_list, p.finding_count, count(*) over () as total
        from passages p join plans pl on pl.current_version_id = p.version_id
        where ${sql.join(where, sql` and `)}
        order by ${score} desc, p.plan_id, p.seq
        limit ${params.limit} offset ${params.offset}`,
  );
  let total = rows.length ? Number(rows[0].total) : 0;
  if (!rows.length && params.offset > 0) {
    const [c] = await queryRows<{ n: number | string }>(
      store.db,
      sql`select count(*) as n from passages p join plans pl on pl.current_version_id = p.version_id where ${sql.join(where, sql` and `)}`,
    );
    total = Number(c.n);
  }

  const hits = rows.map((r): SearchHit => {
    const start = Number(r.start);
    const end = Number(r.end);
    return {
      plan: { slug: r.slug, title: r.title },
      section: r.section_path != null ? { path: r.section_path, title: r.section_title ?? '' } : null,
      start,
      end,
      text: r.text,
      highlights: highlightRanges(r.text, terms),
      findings: hitFindings({ start, end, text: r.text }, typeof r.finding_list === 'string' ? (JSON.parse(r.finding_list) as PassageFinding[]) : r.finding_list, terms, params),
      findingTotal: Number(r.finding_count),
    };
  });
  return { q, terms, total, hits };
}
