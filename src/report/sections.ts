// Where a passage sits in a plan's outline, as a report cites it.
import type { Section } from '../core/types';

/** 第二章 发展目标 › 二、主要目标: the headings down to the innermost section holding the offset. */
export function sectionPath(sections: readonly Section[], at: number): string | null {
  const names: string[] = [];
  let level: readonly Section[] = sections;
  for (;;) {
    const s = level.find((x) => x.start <= at && at < x.end);
    if (!s) break;
    const sep = !s.label ? '' : /[章节篇]$/.test(s.label) ? ' ' : /^[一二三四五六七八九十]+$/.test(s.label) ? '、' : '';
    names.push(`${s.label ?? ''}${sep}${s.title}`);
    level = s.children;
  }
  return names.length ? names.join(' › ') : null;
}
