// Evaluation reports (issue #10 item 4): buildReportModel turns monitored targets into a model,
// renderReport lays it out as HTML, DOCX, PDF or XLSX. The store, the CLI and the web call these.
import type { Browser } from 'playwright-core';
import { renderDocx } from './docx';
import { renderHtml } from './html';
import type { ReportModel } from './model';
import { printPdf } from './pdf';
import { renderXlsx } from './xlsx';

export { buildReportModel, NONE, type Passage, type ProjectRow, type ReportInput, type ReportModel, type ReportPlan, type TaskRow } from './model';

export const REPORT_FORMATS = ['html', 'docx', 'pdf', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_MIME: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface RenderOptions {
  /** A running Chromium for PDF and the DOCX charts (one is launched per call otherwise). */
  browser?: Browser;
  /** DOCX: false leaves the charts out (no Chromium needed; the document says so). */
  charts?: boolean;
}

/** HTML as a string; DOCX, PDF and XLSX as bytes. PDF needs Chromium (PLANATLAS_CHROMIUM or /usr/bin/chromium). */
export function renderReport(model: ReportModel, format: 'html', opts?: RenderOptions): Promise<string>;
export function renderReport(model: ReportModel, format: 'docx' | 'pdf' | 'xlsx', opts?: RenderOptions): Promise<Buffer>;
export function renderReport(model: ReportModel, format: ReportFormat, opts?: RenderOptions): Promise<Buffer | string>;
export async function renderReport(model: ReportModel, format: ReportFormat, opts: RenderOptions = {}): Promise<Buffer | string> {
  switch (format) {
    case 'html':
      return renderHtml(model);
    case 'docx':
      return renderDocx(model, { browser: opts.browser, charts: opts.charts });
    case 'pdf':
      return printPdf(renderHtml(model), opts.browser);
    case 'xlsx':
      return renderXlsx(model);
  }
}
