// 实际值: the entry form (one figure typed in; the server's field errors shown at the field) and
// the import form (choose a CSV/XLSX file → checked preview with every bad row → skip rows, replace
// toggle → import). Both call onSaved so the lists on the page reload.
import { useState, type FormEvent } from 'react';
import type { IndicatorInfoDto, ObservationPreviewDto } from '../../../src/core/api-types';
import { ApiError, sendJSON, useApi } from '../api';
import { useT } from '../i18n';
import { plainNumber } from './TargetsFormat';

const strings = {
  zh: {
    entry: '录入实际值',
    indicator: '指标',
    place: '地区',
    placeHint: '行政区划代码或名称，或 plan:规划编号',
    year: '年份',
    value: '数值',
    unit: '单位',
    caliber: '口径',
    source: '来源',
    sourceHint: '如：2015年湛江市统计年鉴',
    save: '保存',
    saving: '保存中…',
    saved: '已保存：{what}',
    replaced: '（替换了原有数值）',
    importTitle: '导入文件',
    importHint: 'CSV 或 Excel 文件，列：指标、地区、年份、数值、单位、口径、来源。',
    file: '选择文件',
    checking: '检查中…',
    replace: '替换已有数值',
    rowsOk: '{n} 行可导入',
    errors: '{n} 处问题',
    line: '行',
    column: '列',
    reason: '原因',
    skip: '跳过',
    replaces: '将替换',
    doImport: '导入',
    importing: '导入中…',
    imported: '已导入 {n} 行（编号 {id}）',
    importedReplaced: '，替换 {n} 个数值',
    nothing: '有问题的行未跳过，未导入任何数据。',
    required: '必填',
  },
  en: {
    entry: 'Enter an actual value',
    indicator: 'Indicator',
    place: 'Place',
    placeHint: 'Division code or name, or plan:<slug>',
    year: 'Year',
    value: 'Value',
    unit: 'Unit',
    caliber: 'Caliber',
    source: 'Source',
    sourceHint: 'e.g. Zhanjiang Statistical Yearbook 2015',
    save: 'Save',
    saving: 'Saving…',
    saved: 'Saved: {what}',
    replaced: ' (replaced the earlier value)',
    importTitle: 'Import a file',
    importHint: 'CSV or Excel, columns: indicator, place, year, value, unit, caliber, source (Chinese headers work too).',
    file: 'Choose file',
    checking: 'Checking…',
    replace: 'Replace stored values',
    rowsOk: '{n} rows ready',
    errors: '{n} problems',
    line: 'Line',
    column: 'Column',
    reason: 'Reason',
    skip: 'Skip',
    replaces: 'Replaces',
    doImport: 'Import',
    importing: 'Importing…',
    imported: 'Imported {n} rows (import {id})',
    importedReplaced: ', {n} values replaced',
    nothing: 'Bad rows are not skipped: nothing was imported.',
    required: 'required',
  },
};

export type IndicatorInfo = IndicatorInfoDto;

type Field = 'indicator' | 'place' | 'year' | 'value' | 'unit' | 'caliber' | 'source';

export function ObservationEntry({ initial, onSaved }: { initial: { indicator?: string; place?: string }; onSaved: () => void }) {
  const t = useT(strings);
  const inds = useApi<{ indicators: IndicatorInfo[] }>('/api/indicators');
  const [v, setV] = useState<Record<Field, string>>({ indicator: initial.indicator ?? '', place: initial.place ?? '', year: '', value: '', unit: '', caliber: '', source: '' });
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', string>>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const set = (f: Field, x: string) => {
    setV((s) => {
      const next = { ...s, [f]: x };
      if (f === 'indicator' && !s.unit) {
        const i = inds.data?.indicators.find((i) => i.id === x || i.name === x);
        if (i?.unit) next.unit = i.unit;
      }
      return next;
    });
    setErrors((e) => ({ ...e, [f]: undefined }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const missing: Partial<Record<Field, string>> = {};
    for (const f of ['indicator', 'place', 'year', 'value', 'unit', 'source'] as Field[]) if (!v[f].trim()) missing[f] = t.required;
    if (Object.keys(missing).length) return setErrors(missing);
    setBusy(true);
    try {
      const body = {
        indicator: v.indicator.trim(),
        place: v.place.trim(),
        year: Number(v.year),
        value: Number(v.value),
        unit: v.unit.trim(),
        ...(v.caliber.trim() ? { caliber: v.caliber.trim() } : {}),
        source: v.source.trim(),
      };
      if (!Number.isInteger(body.year)) return setErrors({ year: `${t.year}: ${v.year}?` });
      if (!Number.isFinite(body.value)) return setErrors({ value: `${t.value}: ${v.value}?` });
      const r = await sendJSON<{ id: number; replaced: number; observation: { indicator: string; place: string; year: number; value: number; unit: string } }>('/api/observations', body);
      const o = r.observation;
      setDone(t.saved.replace('{what}', `${o.indicator} · ${o.place} · ${o.year} · ${plainNumber(o.value)}${o.unit}`) + (r.replaced ? t.replaced : ''));
      setV((s) => ({ ...s, year: '', value: '' }));
      onSaved();
    } catch (err) {
      const a = err as ApiError;
      const f = a.field as Field | undefined;
      if (f && f in v) setErrors({ [f]: a.message });
      else setErrors({ form: a.message });
    } finally {
      setBusy(false);
    }
  };

  const input = (f: Field, label: string, props: Record<string, unknown> = {}) => (
    <label className={`obs-field obs-field-${f}`}>
      <span>{label}</span>
      <input
        value={v[f]}
        onChange={(e) => set(f, e.target.value)}
        aria-invalid={!!errors[f]}
        aria-describedby={errors[f] ? `obs-error-${f}` : undefined}
        data-testid={`obs-${f}`}
        {...props}
      />
      {errors[f] && (
        <span className="obs-error" id={`obs-error-${f}`} role="alert" data-testid={`obs-error-${f}`}>
          {errors[f]}
        </span>
      )}
    </label>
  );

  return (
    <form className="obs-form" onSubmit={submit} data-testid="obs-form" noValidate>
      <h2>{t.entry}</h2>
      <div className="obs-grid">
        {input('indicator', t.indicator, { list: 'obs-indicators' })}
        <datalist id="obs-indicators">
          {inds.data?.indicators.map((i) => (
            <option key={i.id} value={i.name} label={i.unit ? `${i.id} · ${i.unit}` : i.id} />
          ))}
        </datalist>
        {input('place', t.place, { placeholder: t.placeHint })}
        {input('year', t.year, { inputMode: 'numeric', size: 6 })}
        {input('value', t.value, { inputMode: 'decimal', size: 10 })}
        {input('unit', t.unit, { size: 6 })}
        {input('caliber', t.caliber)}
        {input('source', t.source, { placeholder: t.sourceHint })}
      </div>
      <div className="obs-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="obs-save">
          {busy ? t.saving : t.save}
        </button>
        {done && (
          <span className="obs-done" role="status" data-testid="obs-saved">
            {done}
          </span>
        )}
        {errors.form && (
          <span className="obs-error" role="alert" data-testid="obs-error-form">
            {errors.form}
          </span>
        )}
      </div>
    </form>
  );
}

type Preview = ObservationPreviewDto;

/** POSTs the file as multipart; keeps the server's error body (invalid-rows lists the rows). */
async function postFile<T>(url: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await fetch(url, { method: 'POST', body: form });
  const body = (await res.json().catch(() => ({}))) as T & { error?: { code: string; message: string; field?: string; rows?: Preview['errors'] } };
  if (!res.ok) {
    const e = new ApiError(res.status, body.error?.code ?? `http-${res.status}`, body.error?.message ?? res.statusText, body.error?.field) as ApiError & { rows?: Preview['errors'] };
    e.rows = body.error?.rows;
    throw e;
  }
  return body;
}

export function ObservationImport({ onImported }: { onImported: () => void }) {
  const t = useT(strings);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [replace, setReplace] = useState(false);
  const [skip, setSkip] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [error, setError] = useState<{ message: string; rows?: Preview['errors'] } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const check = async (f: File, rep: boolean) => {
    setBusy('check');
    setError(null);
    setPreview(null);
    try {
      const p = await postFile<Preview>(`/api/observations/import/preview${rep ? '?replace=true' : ''}`, f);
      setPreview(p);
      setSkip(new Set());
    } catch (e) {
      setError({ message: (e as Error).message });
    } finally {
      setBusy(null);
    }
  };
  const choose = (f: File | null) => {
    setFile(f);
    setDone(null);
    if (f) void check(f, replace);
  };
  const toggleReplace = (rep: boolean) => {
    setReplace(rep);
    if (file) void check(file, rep);
  };
  const run = async () => {
    if (!file) return;
    setBusy('import');
    setError(null);
    setDone(null);
    try {
      const q = new URLSearchParams();
      if (skip.size) q.set('skip', [...skip].sort((a, b) => a - b).join(','));
      if (replace) q.set('replace', 'true');
      const r = await postFile<{ importId: number; rows: number; replaced: number; skipped: number[] }>(`/api/observations/import${q.size ? `?${q}` : ''}`, file);
      setDone(t.imported.replace('{n}', String(r.rows)).replace('{id}', String(r.importId)) + (r.replaced ? t.importedReplaced.replace('{n}', String(r.replaced)) : ''));
      setPreview(null);
      setFile(null);
      onImported();
    } catch (e) {
      const a = e as ApiError & { rows?: Preview['errors'] };
      setError({ message: a.code === 'invalid-rows' ? t.nothing : a.message, rows: a.rows });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="obs-import" data-testid="import-form">
      <h2>{t.importTitle}</h2>
      <p className="muted">{t.importHint}</p>
      <div className="toolbar">
        <label className="obs-file">
          <span className="sr-only">{t.file}</span>
          <input
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
            data-testid="import-file"
            key={done ?? 'file'}
          />
        </label>
        <label>
          <input type="checkbox" checked={replace} onChange={(e) => toggleReplace(e.target.checked)} data-testid="import-replace" /> {t.replace}
        </label>
        <button type="button" className="primary" disabled={!preview || busy != null} onClick={run} data-testid="import-run">
          {busy === 'import' ? t.importing : t.doImport}
        </button>
        {busy === 'check' && <span className="muted">{t.checking}</span>}
      </div>
      {done && (
        <p className="obs-done" role="status" data-testid="import-done">
          {done}
        </p>
      )}
      {error && (
        <div className="error" role="alert" data-testid="import-error">
          {error.message}
          {error.rows && (
            <ul>
              {error.rows.map((r, i) => (
                <li key={i} data-testid="import-error-row">
                  {t.line} {r.line} · {r.column}: {r.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {preview && (
        <div className="obs-preview" data-testid="import-preview">
          <p>
            <strong>{preview.fileName}</strong> · {t.rowsOk.replace('{n}', String(preview.rows.length))}
            {preview.errors.length > 0 && <span className="obs-error-count"> · {t.errors.replace('{n}', String(preview.errors.length))}</span>}
          </p>
          {preview.errors.length > 0 && (
            <div className="table-wrap">
              <table className="data obs-errors" data-testid="import-errors">
                <caption className="sr-only">{t.errors.replace('{n}', String(preview.errors.length))}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.skip}</th>
                    <th scope="col" className="num">{t.line}</th>
                    <th scope="col">{t.column}</th>
                    <th scope="col">{t.reason}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.errors.map((e, i) => (
                    <tr key={i} data-testid="import-error-line" data-line={e.line}>
                      <td>
                        {preview.errors.findIndex((x) => x.line === e.line) === i && (
                          <input
                            type="checkbox"
                            aria-label={`${t.skip} ${t.line} ${e.line}`}
                            checked={skip.has(e.line)}
                            onChange={(ev) =>
                              setSkip((s) => {
                                const n = new Set(s);
                                if (ev.target.checked) n.add(e.line);
                                else n.delete(e.line);
                                return n;
                              })
                            }
                            data-testid="import-skip"
                            data-line={e.line}
                          />
                        )}
                      </td>
                      <td className="num">{e.line}</td>
                      <td>{e.column}</td>
                      <td className="obs-reason">{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {preview.rows.length > 0 && (
            <div className="table-wrap obs-preview-rows">
              <table className="data" data-testid="import-rows">
                <thead>
                  <tr>
                    <th scope="col" className="num">{t.line}</th>
                    <th scope="col">{t.indicator}</th>
                    <th scope="col">{t.place}</th>
                    <th scope="col" className="num">{t.year}</th>
                    <th scope="col" className="num">{t.value}</th>
                    <th scope="col">{t.caliber}</th>
                    <th scope="col">{t.source}</th>
                    <th scope="col">{t.replaces}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((r) => (
                    <tr key={r.line} data-testid="import-row" data-line={r.line}>
                      <td className="num">{r.line}</td>
                      <td>{r.observation.indicator}</td>
                      <td>{r.observation.place}</td>
                      <td className="num">{r.observation.year}</td>
                      <td className="num">
                        {plainNumber(r.observation.value)}
                        {r.observation.unit}
                      </td>
                      <td>{r.observation.caliber ?? ''}</td>
                      <td>{r.observation.source}</td>
                      <td className="num">{r.replaces ? `${plainNumber(r.replaces.value)}${r.replaces.unit}` : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
