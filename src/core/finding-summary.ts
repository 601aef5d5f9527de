// One short Chinese line per finding (CLI tables, the web app's lists, exports).
const CMP: Record<string, string> = { eq: '', ge: '≥', gt: '>', le: '≤', lt: '<', approx: '≈' };
const MEASURE: Record<string, string> = { level: '水平值', growth: '增速', increment: '增量', ratio: '比例' };

type D = Record<string, unknown>;
const s = (v: unknown) => (v == null ? '' : Array.isArray(v) ? v.join('、') : String(v));

export function summarize(kind: string, d: D): string {
  switch (kind) {
    case 'target': {
      const range = Array.isArray(d.range) ? `${d.range[0]}–${d.range[1]}` : s(d.value);
      const base = d.baselineValue != null ? `（基期${s(d.baselineYear)}年${s(d.baselineValue)}）` : '';
      return `${s(d.indicator)} | ${s(d.scope)} | ${s(d.year)}年 | ${CMP[s(d.comparator)] ?? ''}${range}${d.unit === 'ratio' ? '' : s(d.unit)} | ${MEASURE[s(d.measure)] ?? s(d.measure)}${d.binding ? ' | ' + (d.binding === 'constraint' ? '约束性' : '预期性') : ''}${base}`;
    }
    case 'fact':
      return `${s(d.indicator)} | ${s(d.scope)} | ${s(d.year)}年 | ${s(d.value)}${s(d.unit)}`;
    case 'structure':
      return `“${s(d.code)}”${d.subject ? s(d.subject) : ''}: ${((d.elements as D[]) ?? []).map((e) => `${s(e.name)}(${((e.members as string[]) ?? []).length})`).join(' ')}`;
    case 'duty':
      return `${s(d.task)} | 牵头：${s(d.lead)} | 参加：${s(d.support)}${d.deadline ? ' | ' + s(d.deadline) : ''}`;
    case 'project': {
      const inv = d.investment as { value: number; unit: string } | null;
      return `${s(d.name)}${d.category ? ' | ' + s(d.category) : ''}${inv ? ` | 投资${inv.value}${inv.unit}` : ''}${d.count != null ? ` | ${s(d.count)}项` : ''}`;
    }
    case 'place':
      return `${s(d.name)} ${s(d.code)}`;
    case 'reference':
      return `《${s(d.title)}》${d.docNumber ? '（' + s(d.docNumber) + '）' : ''}`;
    default:
      return JSON.stringify(d);
  }
}

/** Finding counts in one line (12 targets, 3 structures, 40 duties), kinds in their display order. */
export function formatCounts(counts: Record<string, number>): string {
  const order = ['target', 'fact', 'structure', 'duty', 'project', 'place', 'reference'];
  const plural: Record<string, string> = { duty: 'duties' };
  return order.filter((k) => counts[k]).map((k) => `${counts[k]} ${plural[k] ?? k + 's'}`).join(', ') || 'no findings';
}
