// One readable line per finding for the terminal.
import type { EffectiveFinding } from '../core/curation';
import { table } from './format';
import { summarize } from '../core/finding-summary';

export { summarize };

const STATUS: Record<string, string> = { pending: '待审', accepted: '已接受', corrected: '已更正', rejected: '已驳回', added: '人工添加' };
const s = (v: unknown) => (v == null ? '' : Array.isArray(v) ? v.join('、') : String(v));

export function formatFindings(list: readonly EffectiveFinding[], textOf: (f: EffectiveFinding) => string): string {
  if (!list.length) return 'No findings.\n';
  return table(
    ['id', 'kind', '状态', '置信', '内容 fields', '原文 quote'],
    list.map((f) => {
      const q = textOf(f).replace(/\s+/g, ' ');
      return [
        f.id == null ? `+${f.decision?.id ?? ''}` : String(f.id),
        f.kind,
        STATUS[f.status] ?? f.status,
        f.confidence.toFixed(2),
        clip(summarize(f.kind, f.data), 90) + (f.flags.length ? ` [${f.flags.join(',')}]` : ''),
        clip(q, 40),
      ];
    }),
  );
}

function clip(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}
