// Terminal formatting of plans: aligned columns that respect the double width of Chinese characters.
import type { PlanSummary } from '../store/queries';

/** Display width: CJK and full-width forms take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000 ? 2 : 1;
  }
  return w;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

export function periodText(p: PlanSummary): string {
  if (!p.period) return '';
  return `${p.period[0]}—${p.period[1]}年` + (p.horizon ? `（展望${p.horizon}年）` : '');
}

export function formatPlanTable(rows: PlanSummary[]): string {
  if (!rows.length) return 'No plans stored yet (planatlas ingest FILE…).\n';
  return table(
    ['id', 'slug', '规划 title', '期限 period', '发布 issuer', '章节', 'ver'],
    rows.map((p) => [String(p.id), p.slug, p.title, periodText(p), p.issuer.join('、'), String(p.sections), `v${p.version ?? '-'}`]),
  );
}

export function formatSummary(p: PlanSummary): string {
  const kv: Array<[string, string]> = [
    ['规划 title', p.title],
    ['编号 id / slug', `${p.id} / ${p.slug}`],
    ['发布 issuer', p.issuer.join('、') || '—'],
    ['文号 doc number', p.docNumber ?? '—'],
    ['日期 issued', p.issued ?? '—'],
    ['期限 period', periodText(p) || '—'],
    ['层级 level', p.level ?? '—'],
    ['范围 scope', p.scope.join('、') || '—'],
    ['文件 file', `${p.fileName ?? '—'} (${p.format ?? '?'}), version ${p.version ?? '-'} of ${p.versions}`],
    ['结构 outline', `${p.sections} sections, ${p.repairs} repairs`],
  ];
  const w = Math.max(...kv.map(([k]) => displayWidth(k)));
  return kv.map(([k, v]) => `${pad(k, w)}  ${v}`).join('\n') + '\n';
}

