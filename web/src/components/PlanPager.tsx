// Previous / next over a view paged by plan (the department and indicator pages): the API answers
// `limit` plans from `offset`, with the total over all plans.
import { useT } from '../i18n';

const strings = {
  zh: { pageOf: '第 {from}—{to} 部规划，共 {n} 部', prev: '上一页', next: '下一页' },
  en: { pageOf: 'Plans {from}–{to} of {n}', prev: 'Previous', next: 'Next' },
};

export function PlanPager({ offset, limit, total, onPage, testId }: { offset: number; limit: number; total: number; onPage: (offset: number) => void; testId: string }) {
  const t = useT(strings);
  if (total <= limit && offset === 0) return null;
  return (
    <p className="plan-pager" data-testid={testId}>
      <button type="button" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - limit))}>
        {t.prev}
      </button>{' '}
      <span className="muted">
        {t.pageOf.replace('{from}', String(offset + 1)).replace('{to}', String(Math.min(offset + limit, total))).replace('{n}', String(total))}
      </span>{' '}
      <button type="button" data-testid={`${testId}-next`} disabled={offset + limit >= total} onClick={() => onPage(offset + limit)}>
        {t.next}
      </button>
    </p>
  );
}
