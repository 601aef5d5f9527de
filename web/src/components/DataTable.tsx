// A data table as the monitoring pages draw it (监测, 任务台账, 指标, 部门, 实际值): a wrapper that
// scrolls sideways on a phone, one header row of columns (numbers right-aligned), the rows given.
import type { ReactNode } from 'react';

export interface Column {
  label: ReactNode;
  /** A column of numbers: right-aligned. */
  num?: boolean;
  className?: string;
}

export function DataTable({ columns, className, testId, children }: { columns: ReadonlyArray<Column | false | null | undefined>; className?: string; testId?: string; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className={className ? `data ${className}` : 'data'} data-testid={testId}>
        <thead>
          <tr>
            {columns
              .filter((c): c is Column => !!c)
              .map((c, i) => (
                <th key={i} scope="col" className={[c.num ? 'num' : '', c.className ?? ''].filter(Boolean).join(' ') || undefined}>
                  {c.label}
                </th>
              ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
