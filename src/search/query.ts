// Searching the passages of current plan versions. One SQL statement for PGlite and PostgreSQL:
// the query's jieba words as a tsquery against the token vectors (GIN), OR the query as a literal
// substring (ILIKE, served by the pg_trgm index) for 3+ characters, so text that jieba cut
// differently is still found. User input only ever reaches SQL as bound parameters.
import { sql, type SQL } from 'drizzle-orm';
import type { HitFinding, SearchHit, SearchResult } from '../core/api-types';
import { queryRows, type Store } from '../store/db';
import { LONG_SPAN } from '../store/schema';
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
  /** The first overlapping effective findings (json_agg: null when none; a string if the driver leaves JSON unparsed). */
  findings: HitFinding[] | string | null;
  finding_total: number | string;
}

/** Findings sent with each hit; the rest (hit.findingTotal says how many) come from passageFindings on demand. */
export const HIT_FINDINGS = 8;

/**
 * The effective findings (rejected ones left out) whose span overlaps the passage [start, end) of
 * version `version`, as a row source aliased e (the columns a hit shows, and year and seq). Two bounded index ranges: short findings overlapping
 * it start in (start - LONG_SPAN, end) (effective_findings_version_start); long ones are few
 * (effective_findings_long).
 */
const FINDING_COLUMNS = sql.raw('e.identity, e.kind, e.summary, e.start, e."end", e.seq, e.year');
const overlapping = (version: SQL, start: SQL, end: SQL) =>
  sql`(select ${FINDING_COLUMNS} from effective_findings e
        where e.version_id = ${version} and e.start > ${start} - ${sql.raw(String(LONG_SPAN))} and e.start < ${end} and e."end" > ${start}
          and e.status <> 'rejected' and e.status <> 'orphan'
       union all
       select ${FINDING_COLUMNS} from effective_findings e
        where e.version_id = ${version} and e."end" - e.start > ${sql.raw(String(LONG_SPAN))} and e.start <= ${start} - ${sql.raw(String(LONG_SPAN))} and e."end" > ${start}
          and e.status <> 'rejected' and e.status <> 'orphan') e`;

const hitFinding = sql`json_build_object('key', e.identity, 'kind', e.kind, 'summary', e.summary, 'start', e.start, 'end', e."end")`;

const toHitFinding = (f: HitFinding): HitFinding => ({ key: f.key, kind: f.kind, summary: f.summary, start: Number(f.start), end: Number(f.end) });

/** All findings overlapping one passage of a plan version, in text order (a hit's "N more"). */
export async function passageFindings(store: Store, versionId: number, start: number, end: number): Promise<HitFinding[]> {
  const [row] = await queryRows<{ findings: HitFinding[] | string | null }>(
    store.db,
    sql`select json_agg(${hitFinding} order by e.seq) as findings from ${overlapping(sql`${versionId}::int`, sql`${start}::int`, sql`${end}::int`)}`,
  );
  const findings = typeof row?.findings === 'string' ? (JSON.parse(row.findings) as HitFinding[] | null) : row?.findings;
  return (findings ?? []).map(toHitFinding);
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

  // One statement: the page of passages, then for each its first HIT_FINDINGS overlapping findings
  // (those a kind or year filter asked for first, then those whose text holds a query term, then in
  // text order) and how many overlap it.
  const termArray = sql`${`{${terms.map((t) => '"' + t.replace(/["\\]/g, '\\$&') + '"').join(',')}}`}::text[]`;
  const inHit = overlapping(sql`h.version_id`, sql`h.start`, sql`h."end"`);
  // The findings a filter asked for come before the others.
  const wanted = params.kind ? sql`(e.kind = ${params.kind})` : params.year != null ? sql`(e.kind in ('target', 'fact') and e.year = ${params.year})` : sql`false`;
  const rows = await queryRows<Row>(
    store.db,
    sql`with h as (
          select p.version_id, p.plan_id, p.seq, pl.slug, pl.title, p.section_path, p.section_title, p.start, p."end", p.text,
            ${score} as score, count(*) over () as total
          from passages p join plans pl on pl.current_version_id = p.version_id
          where ${sql.join(where, sql` and `)}
          order by score desc, p.plan_id, p.seq
          limit ${params.limit} offset ${params.offset})
        select h.*, x.findings, x.n as finding_total
        from h left join lateral (
          select json_agg(json_build_object('key', f.identity, 'kind', f.kind, 'summary', f.summary, 'start', f.start, 'end', f."end") order by f.rn)
              filter (where f.rn <= ${HIT_FINDINGS}) as findings,
            count(*) as n
          from (select e.identity, e.kind, e.summary, e.start, e."end",
                  row_number() over (order by ${wanted} desc, exists (select 1 from unnest(${termArray}) t(w)
                    where strpos(lower(substr(h.text, greatest(e.start - h.start, 0) + 1, least(e."end", h."end") - greatest(e.start, h.start))), lower(t.w)) > 0) desc, e.seq) as rn
                from ${inHit}) f) x on true
        order by h.score desc, h.plan_id, h.seq`,
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
    const findings = typeof r.findings === 'string' ? (JSON.parse(r.findings) as HitFinding[] | null) : r.findings;
    return {
      plan: { slug: r.slug, title: r.title },
      section: r.section_path != null ? { path: r.section_path, title: r.section_title ?? '' } : null,
      start,
      end,
      text: r.text,
      highlights: highlightRanges(r.text, terms),
      findings: (findings ?? []).map(toHitFinding),
      findingTotal: Number(r.finding_total),
    };
  });
  return { q, terms, total, hits };
}
