// Searching the passages of current plan versions. One SQL statement for PGlite and PostgreSQL:
// the query's jieba words as a tsquery against the token vectors (GIN), OR the query as a literal
// substring (ILIKE, served by the pg_trgm index) for 3+ characters, so text that jieba cut
// differently is still found. User input only ever reaches SQL as bound parameters.
import { sql, type SQL } from 'drizzle-orm';
import type { EffectiveFinding } from '../core/curation';
import type { HitFinding, SearchHit, SearchResult } from '../core/api-types';
import { summarize } from '../core/finding-summary';
import { queryRows, type Store } from '../store/db';
import { effectiveFindingsOf } from './hit-findings';
import { highlightRanges } from './highlight';
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
  // count, an added one does), so they take the spans from the merged findings, not the raw table.
  if (params.kind || params.year != null) {
    const merged = await effectiveFindingsOf(store, await currentVersionIds(store, params.plan));
    const spans = (keep: (f: EffectiveFinding) => boolean) => {
      const out: Array<{ v: number; a: number; b: number }> = [];
      for (const [v, fs] of merged) for (const f of fs) if (f.status !== 'rejected' && f.start != null && f.end != null && keep(f)) out.push({ v, a: f.start, b: f.end });
      return sql`exists (select 1 from jsonb_to_recordset(${JSON.stringify(out)}::jsonb) as s(v int, a int, b int)
        where s.v = p.version_id and s.a < p."end" and s.b > p.start)`;
    };
    if (params.kind) where.push(spans((f) => f.kind === params.kind));
    if (params.year != null) {
      const y = params.year;
      where.push(sql`(${spans((f) => (f.kind === 'target' || f.kind === 'fact') && Number(f.data.year) === y)} or strpos(p.text, ${String(y)}) > 0)`);
    }
  }
  const score = sql.join(
    [
      tokenMatch ? sql`(case when ${tokenMatch} then ts_rank(p.tokens, ${tsq}::tsquery, 1) else 0 end)` : sql`0`,
      literalMatch ? sql`(case when ${literalMatch} then 0.05 else 0 end)` : sql`0`,
    ],
    sql` + `,
  );

  const rows = await queryRows<Row>(
    store.db,
    sql`select p.version_id, p.plan_id, pl.slug, pl.title, p.section_path, p.section_title, p.start, p."end", p.text,
          count(*) over () as total
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

  const byVersion = await effectiveFindingsOf(store, [...new Set(rows.map((r) => Number(r.version_id)))]);
  const hits = rows.map((r): SearchHit => {
    const start = Number(r.start);
    const end = Number(r.end);
    const found = (byVersion.get(Number(r.version_id)) ?? []).filter(
      (f) => f.status !== 'rejected' && f.start != null && f.end != null && f.start < end && f.end > start,
    );
    return {
      plan: { slug: r.slug, title: r.title },
      section: r.section_path != null ? { path: r.section_path, title: r.section_title ?? '' } : null,
      start,
      end,
      text: r.text,
      highlights: highlightRanges(r.text, terms),
      findings: found.map((f) => ({ key: f.identity, kind: f.kind, summary: summarize(f.kind, f.data), start: f.start!, end: f.end! })),
    };
  });
  return { q, terms, total, hits };
}

/** The current version of each plan, or of the one plan asked for. */
async function currentVersionIds(store: Store, slug?: string): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    store.db,
    slug
      ? sql`select current_version_id as id from plans where slug = ${slug} and current_version_id is not null`
      : sql`select current_version_id as id from plans where current_version_id is not null`,
  );
  return rows.map((r) => Number(r.id));
}
