// Task ledgers: deadlines as plans write them, reporting periods, the flags a ledger shows, the 牵头/参加 matrix.
import { describe, expect, it } from 'vitest';
import { dutyMatrix, parseDeadline, periodOf, periodStart, taskFlags, type ProgressUpdate } from './tasks';

describe('deadlines', () => {
  it('reads the last day of what is written', () => {
    expect(parseDeadline('2025年底前')?.date).toBe('2025-12-31');
    expect(parseDeadline('2024年6月底前')?.date).toBe('2024-06-30');
    expect(parseDeadline('2024年2月')?.date).toBe('2024-02-29');
    expect(parseDeadline('2024—2025年')?.date).toBe('2025-12-31');
    expect(parseDeadline('2026年上半年')?.date).toBe('2026-06-30');
    expect(parseDeadline('规划期内', 2025)?.date).toBe('2025-12-31');
  });

  it('keeps open-ended work open and unknown wording as text', () => {
    expect(parseDeadline('持续推进')).toEqual({ date: null, text: '持续推进', ongoing: true });
    expect(parseDeadline('长期坚持')?.ongoing).toBe(true);
    expect(parseDeadline('尽快')).toEqual({ date: null, text: '尽快', ongoing: false });
    expect(parseDeadline(null)).toBeNull();
  });
});

describe('reporting periods', () => {
  it('labels periods as planners do', () => {
    expect(periodOf('2025-08-15', 'year')).toMatchObject({ key: '2025', label: '2025年', start: '2025-01-01', end: '2025-12-31' });
    expect(periodOf('2025-08-15', 'half')).toMatchObject({ key: '2025H2', label: '2025年下半年' });
    expect(periodOf('2025-08-15', 'quarter')).toMatchObject({ key: '2025Q3', label: '2025年第三季度', end: '2025-09-30' });
    expect(periodOf('2025-02-03', 'month')).toMatchObject({ key: '2025-02', label: '2025年2月', end: '2025-02-28' });
  });
});

describe('ledger flags', () => {
  const u = (period: string, status: ProgressUpdate['status'], at: string): ProgressUpdate => ({ period, unit: '省发展改革委', status, percent: null, text: '', at });
  const deadline = parseDeadline('2025年6月底前');

  it('flags a task past its deadline that no update calls completed', () => {
    expect(taskFlags(deadline, [u('2025Q2', 'in-progress', '2025-06-20')], '2025-07-10', 'quarter')).toMatchObject({ overdue: true, noUpdate: true });
    expect(taskFlags(deadline, [u('2025Q2', 'completed', '2025-06-20')], '2025-07-10', 'quarter')).toMatchObject({ overdue: false, noUpdate: false });
    expect(taskFlags(deadline, [], '2025-05-10', 'quarter').overdue).toBe(false);
  });

  it('flags a task with no update in the current period', () => {
    const f = taskFlags(parseDeadline('持续推进'), [u('2025Q1', 'in-progress', '2025-03-30')], '2025-05-10', 'quarter');
    expect(f).toMatchObject({ overdue: false, noUpdate: true });
    expect(f.current.label).toBe('2025年第二季度');
    expect(taskFlags(null, [u('2025Q2', 'in-progress', '2025-04-30')], '2025-05-10', 'quarter').noUpdate).toBe(false);
  });

  it('judges a past day on the updates for the periods up to it', () => {
    const updates = [u('2025H1', 'in-progress', '2025-06-20'), u('2025H2', 'completed', '2026-01-10')];
    const mid = taskFlags(deadline, updates, '2025-06-30', 'half');
    expect(mid).toMatchObject({ overdue: false, noUpdate: false, latest: { period: '2025H1', status: 'in-progress' } });
    expect(taskFlags(deadline, updates, '2025-12-31', 'half')).toMatchObject({ overdue: false, noUpdate: false, latest: { period: '2025H2', status: 'completed' } });
    expect(taskFlags(deadline, updates, '2024-12-31', 'half')).toMatchObject({ overdue: false, noUpdate: true, latest: null });
    // made by that day, an update for a later period counts (reported ahead): nothing is left out for today
    expect(taskFlags(deadline, [u('2025H2', 'completed', '2025-06-20')], '2025-06-30', 'half')).toMatchObject({ overdue: false, latest: { period: '2025H2' } });
    expect([periodStart('2025'), periodStart('2025H2'), periodStart('2025Q3'), periodStart('2025-06'), periodStart('x')]).toEqual(['2025-01-01', '2025-07-01', '2025-07-01', '2025-06-01', null]);
  });
});

describe('牵头/参加 matrix', () => {
  it('puts the units that lead most first and marks each task’s roles', () => {
    const m = dutyMatrix([
      { key: 'a', task: '构建互联互通综合交通运输体系', lead: ['省发展改革委', '省交通运输厅'], support: ['省自然资源厅'] },
      { key: 'b', task: '建设绿色低碳能源保障体系', lead: ['省能源局'], support: ['省发展改革委', '省自然资源厅'] },
      { key: 'c', task: '加强规划实施保障', lead: ['省发展改革委'], support: ['省财政厅'] },
    ]);
    expect(m.units.slice(0, 1)).toEqual(['省发展改革委']);
    expect(m.counts['省发展改革委']).toEqual({ lead: 2, support: 1 });
    expect(m.counts['省自然资源厅']).toEqual({ lead: 0, support: 2 });
    const b = m.rows.find((r) => r.key === 'b')!;
    expect(b.roles[m.units.indexOf('省能源局')]).toBe('牵头');
    expect(b.roles[m.units.indexOf('省发展改革委')]).toBe('参加');
    expect(b.roles[m.units.indexOf('省财政厅')]).toBe('');
  });
});
