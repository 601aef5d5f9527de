// 实际值 (/observations): enter one figure, import a file with a checked preview, undo an import,
// and browse the figures in force filtered by indicator and place (filters and page in the URL).
import { useState } from 'react';
import type { ObservationDto, ObservationImportDto } from '../../../src/core/api-types';
import { ApiError, qs, sendJSON, useApi } from '../api';
import { DataTable } from '../components/DataTable';
import { ErrorBox, Loading } from '../components/Status';
import { useLang, useT } from '../i18n';
import { Link, setQuery, useLocation } from '../router';
import { ORIGIN_NAMES } from './MonitorFormat';
import { ObservationEntry, ObservationImport, type IndicatorInfo } from './ObservationsForms';
import { plainNumber } from './TargetsFormat';
import './Observations.css';

const strings = {
  zh: {
    title: '实际值',
    intro: '监测用的统计数据：人工录入或从文件导入，新数值取代同一指标、地区、年份的旧数值，导入可撤销。',
    imports: '导入记录',
    noImports: '还没有导入。',
    file: '文件',
    rows: '行数',
    skipped: '跳过',
    by: '操作人',
    at: '时间',
    undo: '撤销',
    undone: '已撤销',
    undoConfirm: '撤销导入 {id}（{n} 行）？导入的数值将删除，被替换的数值将恢复。',
    undoDone: '已撤销导入 {id}：删除 {removed} 个数值，恢复 {restored} 个',
    list: '现行数值',
    indicator: '指标',
    place: '地区',
    allIndicators: '全部指标',
    placeFilter: '地区代码或 plan:规划编号',
    year: '年份',
    value: '数值',
    caliber: '口径',
    source: '来源',
    origin: '方式',
    total: '共 {n} 个数值',
    prev: '上一页',
    next: '下一页',
    page: '第 {p} / {n} 页',
    none: '没有符合条件的数值。',
    monitor: '规划监测',
    indicators: '指标一览',
  },
  en: {
    title: 'Actual values',
    intro: 'The statistics monitoring reads: typed in or imported from a file. A new value supersedes the one for the same indicator, place and year; imports can be undone.',
    imports: 'Imports',
    noImports: 'No imports yet.',
    file: 'File',
    rows: 'Rows',
    skipped: 'Skipped',
    by: 'By',
    at: 'When',
    undo: 'Undo',
    undone: 'Undone',
    undoConfirm: 'Undo import {id} ({n} rows)? Its values are removed and the ones it replaced come back.',
    undoDone: 'Import {id} undone: {removed} values removed, {restored} restored',
    list: 'Values in force',
    indicator: 'Indicator',
    place: 'Place',
    allIndicators: 'All indicators',
    placeFilter: 'Place code or plan:<slug>',
    year: 'Year',
    value: 'Value',
    caliber: 'Caliber',
    source: 'Source',
    origin: 'How',
    total: '{n} values',
    prev: 'Previous',
    next: 'Next',
    page: 'Page {p} of {n}',
    none: 'No value matches.',
    monitor: 'Plan monitoring',
    indicators: 'Indicators',
  },
};

const PAGE = 50;

type ImportItem = ObservationImportDto;
type Observation = ObservationDto;

export function ObservationsPage() {
  const t = useT(strings);
  const { lang } = useLang();
  const { query } = useLocation();
  const indicator = query.get('indicator') ?? '';
  const place = query.get('place') ?? '';
  const page = Math.max(1, Number(query.get('page')) || 1);
  const inds = useApi<{ indicators: IndicatorInfo[] }>('/api/indicators');
  const imports = useApi<{ imports: ImportItem[] }>('/api/observations/imports');
  const list = useApi<{ total: number; observations: Observation[] }>(`/api/observations${qs({ indicator, place, limit: PAGE, offset: (page - 1) * PAGE })}`);
  const [placeDraft, setPlaceDraft] = useState(place);
  const [flash, setFlash] = useState<string | null>(null);
  const [undoError, setUndoError] = useState<ApiError | null>(null);
  const reload = () => {
    imports.reload();
    list.reload();
  };
  const nameOf = (id: string) => inds.data?.indicators.find((i) => i.id === id)?.name ?? id;

  const undo = async (i: ImportItem) => {
    if (!window.confirm(t.undoConfirm.replace('{id}', String(i.id)).replace('{n}', String(i.rows)))) return;
    setUndoError(null);
    try {
      const r = await sendJSON<{ removed: number; restored: number }>(`/api/observations/imports/${i.id}/undo`, {});
      setFlash(t.undoDone.replace('{id}', String(i.id)).replace('{removed}', String(r.removed)).replace('{restored}', String(r.restored)));
      reload();
    } catch (e) {
      setUndoError(e as ApiError);
    }
  };
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE));
  const when = (s: string) => new Date(s).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });

  return (
    <section className="page observations-page">
      <p className="monitor-crumbs">
        <Link href="/monitor">{t.monitor}</Link>
        <Link href="/indicators">{t.indicators}</Link>
      </p>
      <h1>{t.title}</h1>
      <p className="muted">{t.intro}</p>
      <div className="obs-columns">
        <ObservationEntry initial={{ indicator: indicator ? nameOf(indicator) : '', place }} onSaved={reload} />
        <ObservationImport onImported={reload} />
      </div>

      <h2>{t.imports}</h2>
      {flash && (
        <p className="obs-done" role="status" data-testid="undo-done">
          {flash}
        </p>
      )}
      {undoError && <ErrorBox error={undoError} />}
      {imports.error && <ErrorBox error={imports.error} />}
      {imports.data &&
        (imports.data.imports.length === 0 ? (
          <p className="status">{t.noImports}</p>
        ) : (
          <div className="table-wrap">
            <table className="data obs-imports" data-testid="imports">
              <thead>
                <tr>
                  <th scope="col" className="num">#</th>
                  <th scope="col">{t.file}</th>
                  <th scope="col" className="num">{t.rows}</th>
                  <th scope="col">{t.skipped}</th>
                  <th scope="col">{t.by}</th>
                  <th scope="col">{t.at}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {imports.data.imports.map((i) => (
                  <tr key={i.id} data-testid="import-item" data-id={i.id} data-undone={i.undoneAt ? 'true' : 'false'} className={i.undoneAt ? 'obs-undone' : undefined}>
                    <td className="num">{i.id}</td>
                    <td className="obs-filename">{i.fileName}</td>
                    <td className="num">{i.rows}</td>
                    <td>{i.skipped.join(', ')}</td>
                    <td>{i.actor}</td>
                    <td className="obs-nowrap">{when(i.createdAt)}</td>
                    <td>
                      {i.undoneAt ? (
                        <span className="badge">{t.undone}</span>
                      ) : (
                        <button type="button" onClick={() => undo(i)} data-testid="import-undo">
                          {t.undo}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}

      <h2>{t.list}</h2>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ place: placeDraft.trim(), page: null });
        }}
      >
        <select value={indicator} onChange={(e) => setQuery({ indicator: e.target.value, page: null })} aria-label={t.indicator} data-testid="obs-filter-indicator">
          <option value="">{t.allIndicators}</option>
          {inds.data?.indicators.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </select>
        <input type="search" value={placeDraft} onChange={(e) => setPlaceDraft(e.target.value)} placeholder={t.placeFilter} aria-label={t.place} data-testid="obs-filter-place" />
        <button type="submit">{lang === 'zh' ? '筛选' : 'Filter'}</button>
        {list.data && (
          <span className="muted" data-testid="obs-total" data-total={list.data.total}>
            {t.total.replace('{n}', String(list.data.total))}
          </span>
        )}
      </form>
      {list.error && <ErrorBox error={list.error} />}
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <>
          <DataTable
            className="obs-list"
            testId="obs-list"
            columns={[{ label: t.indicator }, { label: t.place }, { label: t.year, num: true }, { label: t.value, num: true }, { label: t.caliber }, { label: t.source }, { label: t.origin }]}
          >
            {list.data.observations.map((o) => (
              <tr key={`${o.id}-${o.indicator}-${o.place}-${o.year}`} data-testid="obs-row" data-indicator={o.indicator} data-place={o.place} data-year={o.year}>
                <td>
                  <Link href={`/indicators/${encodeURIComponent(o.indicator)}${qs({ place: o.place })}`}>{nameOf(o.indicator)}</Link>
                </td>
                <td>{/^\d{6}$/.test(o.place) ? <Link href={`/places/${o.place}`}>{o.place}</Link> : o.place}</td>
                <td className="num">{o.year}</td>
                <td className="num" data-testid="obs-value">
                  {plainNumber(o.value)}
                  {o.unit}
                </td>
                <td className="obs-small">{o.caliber ?? ''}</td>
                <td className="obs-small">{o.source}</td>
                <td>
                  <span className={`badge origin-${o.origin}`}>{ORIGIN_NAMES[o.origin]?.[lang] ?? o.origin}</span>
                </td>
              </tr>
            ))}
          </DataTable>
          {list.data.observations.length === 0 && <p className="status">{t.none}</p>}
          {pages > 1 && (
            <nav className="toolbar obs-pager" aria-label={t.page.replace('{p}', String(page)).replace('{n}', String(pages))}>
              <button type="button" disabled={page <= 1} onClick={() => setQuery({ page: page - 1 > 1 ? page - 1 : null })} data-testid="obs-prev">
                {t.prev}
              </button>
              <span data-testid="obs-page">{t.page.replace('{p}', String(page)).replace('{n}', String(pages))}</span>
              <button type="button" disabled={page >= pages} onClick={() => setQuery({ page: page + 1 })} data-testid="obs-next">
                {t.next}
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
