// 报送进展: one unit of a task reports progress for a reporting period (default: the current one),
// with status, percent, text and an optional attachment. Field errors from the server sit at the field.
import { useState, type FormEvent } from 'react';
import { useLang, useT } from '../i18n';
import { PROGRESS_NAMES, type LedgerTask } from './MonitorFormat';

const strings = {
  zh: {
    unit: '报送单位',
    period: '报送期',
    periodHint: '如 2025、2025H1、2025Q3、2025-06',
    status: '进展状态',
    percent: '完成比例（%）',
    text: '进展情况',
    attachment: '附件',
    submit: '提交',
    sending: '提交中…',
    cancel: '取消',
  },
  en: {
    unit: 'Reporting unit',
    period: 'Period',
    periodHint: 'e.g. 2025, 2025H1, 2025Q3, 2025-06',
    status: 'Status',
    percent: 'Percent done',
    text: 'Progress',
    attachment: 'Attachment',
    submit: 'Submit',
    sending: 'Submitting…',
    cancel: 'Cancel',
  },
};

type Field = 'unit' | 'period' | 'status' | 'percent' | 'text' | 'attachment';

export function TaskUpdateForm({ slug, task, onDone, onCancel }: { slug: string; task: LedgerTask; onDone: () => void; onCancel: () => void }) {
  const t = useT(strings);
  const { lang } = useLang();
  const units = [...task.lead, ...task.support.filter((u) => !task.lead.includes(u))];
  const [unit, setUnit] = useState(units[0] ?? '');
  const [period, setPeriod] = useState(task.flags.current.key);
  const [status, setStatus] = useState('in-progress');
  const [percent, setPercent] = useState('');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', string>>>({});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    const form = new FormData();
    form.append('unit', unit);
    form.append('period', period.trim());
    form.append('status', status);
    if (percent.trim()) form.append('percent', percent.trim());
    form.append('text', text);
    if (file) form.append('attachment', file, file.name);
    try {
      const res = await fetch(`/api/plans/${encodeURIComponent(slug)}/tasks/${encodeURIComponent(task.key)}/updates`, { method: 'POST', body: form });
      if (!res.ok) {
        const body = (await res.json().catch(() => ({}))) as { error?: { message?: string; field?: string } };
        const f = body.error?.field as Field | undefined;
        const msg = body.error?.message ?? `${res.status} ${res.statusText}`;
        setErrors(f && ['unit', 'period', 'status', 'percent', 'text', 'attachment'].includes(f) ? { [f]: msg } : { form: msg });
        return;
      }
      onDone();
    } catch (err) {
      setErrors({ form: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const err = (f: Field | 'form') =>
    errors[f] && (
      <span className="obs-error" role="alert" id={`task-error-${task.key}-${f}`} data-testid={`task-error-${f}`}>
        {errors[f]}
      </span>
    );
  const described = (f: Field) => (errors[f] ? `task-error-${task.key}-${f}` : undefined);

  return (
    <form className="tasks-form" onSubmit={submit} data-testid="task-form" data-key={task.key}>
      <label>
        <span>{t.unit}</span>
        <select value={unit} onChange={(e) => setUnit(e.target.value)} data-testid="task-unit" aria-describedby={described('unit')}>
          {units.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </select>
        {err('unit')}
      </label>
      <label>
        <span>{t.period}</span>
        <input value={period} onChange={(e) => setPeriod(e.target.value)} placeholder={t.periodHint} title={t.periodHint} size={9} data-testid="task-period" aria-invalid={!!errors.period} aria-describedby={described('period')} />
        {err('period')}
      </label>
      <label>
        <span>{t.status}</span>
        <select value={status} onChange={(e) => setStatus(e.target.value)} data-testid="task-status">
          {Object.entries(PROGRESS_NAMES).map(([k, v]) => (
            <option key={k} value={k}>
              {v[lang]}
            </option>
          ))}
        </select>
        {err('status')}
      </label>
      <label>
        <span>{t.percent}</span>
        <input type="number" min={0} max={100} step={1} value={percent} onChange={(e) => setPercent(e.target.value)} data-testid="task-percent" aria-invalid={!!errors.percent} aria-describedby={described('percent')} />
        {err('percent')}
      </label>
      <label className="tasks-form-text">
        <span>{t.text}</span>
        <textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} data-testid="task-text" aria-describedby={described('text')} />
        {err('text')}
      </label>
      <label className="tasks-form-file">
        <span>{t.attachment}</span>
        <input type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="task-attachment" />
        {err('attachment')}
      </label>
      <div className="tasks-form-actions">
        <button type="submit" className="primary" disabled={busy || !unit} data-testid="task-submit">
          {busy ? t.sending : t.submit}
        </button>
        <button type="button" onClick={onCancel}>
          {t.cancel}
        </button>
        {err('form')}
      </div>
    </form>
  );
}
