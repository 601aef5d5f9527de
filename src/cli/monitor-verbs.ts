// The monitoring verbs of the `planatlas` command: observe (add, import, undo, list), monitor,
// tasks. Each parses its arguments and calls a command or a read view.
import fs from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { hasChromium, launchChromium } from '../browser/chromium';
import { preloadReportFonts } from '../report/fonts';
import { warmUp } from '../report/pdf';
import { buildReportModel, renderReport, REPORT_FORMATS, type ReportFormat, type ReportModel } from '../report/index';
import { getReportInput } from '../store/report-input';
import { importObservations, previewObservationImport, recordObservation, undoImport } from '../commands/observations';
import { readFileChecked } from '../commands/read-file';
import { RowsError } from '../core/errors';
import { loadLexicons } from '../extract/lexicons';
import { STATUS_LABELS } from '../monitor/progress';
import { MAX_TABLE_BYTES } from '../monitor/table-file';
import { loadGazetteer } from '../places/index';
import type { Store } from '../store/db';
import { getPlanMonitor, getTaskLedger, taskDay } from '../store/monitor-views';
import { activeObservations, listImports } from '../store/observations';
import { findPlan } from '../store/queries';

type WithStore = <T>(fn: (s: Store) => Promise<T>) => Promise<T>;

const year = (v: string) => {
  if (!/^\d{4}$/.test(v)) throw new InvalidArgumentError(`"${v}" is not a year`);
  return Number(v);
};
const lines = (v: string) =>
  v.split(/[,，]/).map((x) => {
    if (!/^\d+$/.test(x.trim())) throw new InvalidArgumentError(`"${x}" is not a line number`);
    return Number(x.trim());
  });

async function planRef(store: Store, ref: string) {
  const p = await findPlan(store, ref);
  if (p.currentVersionId == null) throw new Error(`plan ${p.slug} has no stored version`);
  return { id: p.id, slug: p.slug, title: p.title, currentVersionId: p.currentVersionId };
}

function printRowErrors(e: RowsError): void {
  process.stderr.write(`planatlas: ${e.file}: nothing was imported; fix these rows or leave them out with --skip:\n`);
  for (const r of e.rows) process.stderr.write(`  line ${r.line}, ${r.column || 'file'}: ${r.message}\n`);
}

export function addMonitorVerbs(program: Command, withStore: WithStore): void {
  const ctx = () => ({ gazetteer: loadGazetteer(), lexicons: loadLexicons() });
  const observe = program.command('observe').description('actual values (实际值): add one, import a CSV/XLSX file, undo an import, list');

  observe
    .command('add')
    .description('record a value: planatlas observe add --indicator 地区生产总值 --place 湛江市 --year 2015 --value 2380.02 --unit 亿元 --source "湛江统计年鉴2016"')
    .requiredOption('--indicator <id>', 'indicator id, name or alias (data/lexicons/indicators.csv)')
    .requiredOption('--place <place>', 'gazetteer code or name, or plan:<slug> for a plan’s region')
    .requiredOption('--year <year>', 'year', year)
    .requiredOption('--value <number>', 'value')
    .requiredOption('--unit <unit>', 'unit (亿元, %, 万人 …)')
    .requiredOption('--source <text>', 'where the figure comes from')
    .option('--caliber <text>', '口径')
    .option('--by <name>', 'who records it', process.env.USER || 'cli')
    .action(async (o: { indicator: string; place: string; year: number; value: string; unit: string; source: string; caliber?: string; by: string }) => {
      const r = await withStore((store) => recordObservation(store, { ...o, actor: o.by }, ctx()));
      const v = r.observation;
      process.stdout.write(`recorded ${v.indicator} ${v.place} ${v.year}: ${v.value}${v.unit} (#${r.id}${r.replaced ? `, replaces ${r.replaced}` : ''})\n`);
    });

  observe
    .command('import')
    .description('import a CSV or XLSX file of values (columns 指标, 地区, 年份, 数值, 单位, 口径, 来源); nothing is stored while a row is bad')
    .argument('<file>', 'CSV or XLSX file')
    .option('--preview', 'check every row and store nothing')
    .option('--skip <lines>', 'leave out these lines, e.g. 3,7', lines)
    .option('--replace', 'rows may replace stored values that differ')
    .option('--by <name>', 'who imports it', process.env.USER || 'cli')
    .action(async (file: string, o: { preview?: boolean; skip?: number[]; replace?: boolean; by: string }) => {
      const bytes = readFileChecked(file, MAX_TABLE_BYTES);
      await withStore(async (store) => {
        if (o.preview) {
          const p = await previewObservationImport(store, { bytes, fileName: file, replace: o.replace }, ctx());
          process.stdout.write(`${file}: ${p.rows.length} rows ready, ${p.errors.length} problem(s)\n`);
          for (const e of p.errors) process.stdout.write(`  line ${e.line}, ${e.column}: ${e.message}\n`);
          if (p.errors.length) process.exitCode = 1;
          return;
        }
        try {
          const r = await importObservations(store, { bytes, fileName: file, skip: o.skip, replace: o.replace, actor: o.by }, ctx());
          process.stdout.write(`imported ${r.rows} rows from ${file} as import ${r.importId}${r.replaced ? ` (${r.replaced} replaced)` : ''}${r.skipped.length ? `; lines left out: ${r.skipped.join(', ')}` : ''}\n`);
        } catch (e) {
          if (!(e instanceof RowsError)) throw e;
          printRowErrors(e);
          process.exitCode = 1;
        }
      });
    });

  observe
    .command('undo')
    .description('undo an import: its values are removed and the ones they replaced come back')
    .argument('<import>', 'import number (planatlas observe imports)')
    .action(async (id: string) => {
      if (!/^\d+$/.test(id)) throw new InvalidArgumentError(`"${id}" is not an import number`);
      const r = await withStore((store) => undoImport(store, { importId: Number(id) }));
      process.stdout.write(`undid import ${id}: ${r.removed} values removed, ${r.restored} restored\n`);
    });

  observe
    .command('imports')
    .description('the latest imports')
    .action(async () => {
      const rows = await withStore((store) => listImports(store.db));
      for (const i of rows) process.stdout.write(`${i.id}\t${i.createdAt.toISOString().slice(0, 16)}\t${i.rows} rows\t${i.fileName}${i.undoneAt ? '\t(undone)' : ''}\n`);
    });

  observe
    .command('list')
    .description('values in force for an indicator and/or a place')
    .option('--indicator <id>', 'canonical indicator id')
    .option('--place <code>', 'gazetteer code or plan:<slug>')
    .option('--json', 'print JSON')
    .action(async (o: { indicator?: string; place?: string; json?: boolean }) => {
      const rows = await withStore((store) => activeObservations(store.db, { indicators: o.indicator ? [o.indicator] : undefined, places: o.place ? [o.place] : undefined }));
      if (o.json) process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
      else for (const r of rows) process.stdout.write(`${r.indicator}\t${r.place}\t${r.year}\t${r.value}${r.unit}\t${r.origin}\t${r.source}\n`);
    });

  program
    .command('monitor')
    .description('the plan’s targets judged on actual values: status, expected value, explanation (年度监测)')
    .argument('<plan>', 'plan id, slug, or a unique part of the title')
    .option('--as-of <year>', 'the year judged (default: the plan’s last year, or last year)', year)
    .option('--json', 'print JSON')
    .action(async (ref: string, o: { asOf?: number; json?: boolean }) => {
      const m = await withStore(async (store) => getPlanMonitor(store, loadGazetteer(), loadLexicons().indicators, await planRef(store, ref), o.asOf));
      if (o.json) {
        process.stdout.write(JSON.stringify(m, null, 2) + '\n');
        return;
      }
      process.stdout.write(`${m.plan.title}\n${m.summary}\n\n`);
      for (const r of m.rows) process.stdout.write(`${STATUS_LABELS[r.assessment.status].zh}\t${r.target.data.indicator}\t${r.assessment.explanation}\n`);
    });

  program
    .command('tasks')
    .description('the plan’s task ledger (台账): tasks, lead and supporting units, deadlines, latest progress, flags')
    .argument('<plan>', 'plan id, slug, or a unique part of the title')
    .option('--today <date>', 'the day the flags are computed for (YYYY-MM-DD; default: the end of --as-of, or today)')
    .option('--as-of <year>', 'the year judged: flags as of its last day, or today if that is earlier', year)
    .option('--json', 'print JSON')
    .action(async (ref: string, o: { today?: string; asOf?: number; json?: boolean }) => {
      const today = o.today ?? taskDay(o.asOf);
      const ledger = await withStore(async (store) => getTaskLedger(store, await planRef(store, ref), today));
      if (o.json) {
        process.stdout.write(JSON.stringify(ledger, null, 2) + '\n');
        return;
      }
      for (const t of ledger) {
        const flags = [t.flags.overdue ? '逾期' : '', t.flags.noUpdate ? `${t.flags.current.label}未报送` : ''].filter(Boolean).join('、');
        process.stdout.write(`${t.task.slice(0, 40)}\t牵头：${t.lead.join('、') || '—'}\t${t.deadline?.text ?? ''}\t${t.flags.latest ? `${t.flags.latest.status} ${t.flags.latest.percent ?? ''}` : '未报送'}\t${flags}\n`);
      }
    });

  program
    .command('report')
    .description('the plan’s evaluation report (评估报告): planatlas report 粤西 --as-of 2015 --format docx --out 粤西评估.docx')
    .argument('<plan>', 'plan id, slug, or a unique part of the title')
    .option('--as-of <year>', 'the year judged (default: the plan’s last year, or last year); tasks are flagged as of its last day, or today if earlier', year)
    .option('--format <format>', `one of ${REPORT_FORMATS.join(', ')}`, (v: string) => {
      if (!(REPORT_FORMATS as readonly string[]).includes(v)) throw new InvalidArgumentError(`"${v}" is not one of ${REPORT_FORMATS.join(', ')}`);
      return v as ReportFormat;
    }, 'docx' as ReportFormat)
    .option('--out <file>', 'where to write it (default: SLUG-report-YEAR.FORMAT)')
    .action(async (ref: string, o: { asOf?: number; format: ReportFormat; out?: string }) => {
      // Chromium starts and opens its page (and the fonts are read) while the store is opened and the plan monitored.
      const needsBrowser = o.format === 'pdf' || (o.format === 'docx' && hasChromium);
      if (o.format === 'pdf') preloadReportFonts();
      const launching = needsBrowser && hasChromium ? launchChromium().then((b) => (warmUp(b), b)) : undefined;
      launching?.catch(() => undefined); // reported where it is awaited
      let body: Buffer | string;
      let model: ReportModel;
      try {
        model = await withStore(async (store) => buildReportModel(await getReportInput(store, loadGazetteer(), loadLexicons(), await planRef(store, ref), o.asOf)));
        body = await renderReport(model, o.format, { browser: await launching, charts: o.format === 'docx' ? hasChromium : undefined });
      } finally {
        await (await launching?.catch(() => undefined))?.close();
      }
      const out = o.out ?? `${model.plan.slug}-report-${model.asOf}.${o.format}`;
      fs.writeFileSync(out, body);
      process.stdout.write(`wrote ${out} (${o.format}, ${model.plan.title}, ${model.asOf}年)\n`);
    });
}
