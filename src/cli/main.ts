// The `planatlas` command. Verbs parse their input and call commands/queries; nothing else.
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { ingestBytes, sourceSpan } from '../ingest/index';
import { outlineToText } from '../parse/index';
import { loadGazetteer } from '../places/index';
import { toExtractJson } from '../extract/index';
import { analyze } from '../extract/analyze';
import { loadLexicons } from '../extract/lexicons';
import { openStore, defaultDataDir, type Store } from '../store/db';
import { runMigrations, appliedMigrations } from '../store/migrate';
import { findPlan, getOutline, getRepairs, getVersion, listPlans, listVersions } from '../store/queries';
import { getDecision, getEffectiveFindings, getFindingRow } from '../store/findings';
import { addFinding, decide, parseKind } from '../commands/curation';
import { reextractVersion } from '../commands/reextract';
import { fieldSpecs, parseFieldAssignments } from '../core/finding-fields';
import { allKinds, kindNames } from '../core/kinds/index';
import type { FindingKind } from '../core/findings';
import { formatFindings } from './findings-format';
import { ingestFiles } from '../commands/ingest-files';
import { formatPlanTable, formatSummary } from './format';
import { formatCounts } from '../core/finding-summary';
import { NotFoundError } from '../core/errors';
import { readFileChecked } from '../commands/read-file';
import { serve } from '../server/serve';
import { addMonitorVerbs } from './monitor-verbs';

export const DEFAULT_MAX_MB = 50;

interface GlobalOpts {
  data?: string;
}

function storeOptions(g: GlobalOpts) {
  return { dataDir: g.data ?? defaultDataDir(), databaseUrl: process.env.DATABASE_URL || undefined };
}

async function withStore<T>(g: GlobalOpts, fn: (s: Store) => Promise<T>): Promise<T> {
  const store = await openStore(storeOptions(g));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

function parseSize(v: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(k|kb|m|mb|g|gb)?$/i.exec(v.trim());
  if (!m) throw new InvalidArgumentError('expected a size such as 50MB, 500KB or 1GB');
  const unit = (m[2] ?? 'mb').toLowerCase()[0];
  return Math.round(Number(m[1]) * (unit === 'k' ? 1024 : unit === 'g' ? 1024 ** 3 : 1024 ** 2));
}

function maxBytesDefault(): number {
  const env = process.env.PLANATLAS_MAX_FILE_SIZE;
  return env ? parseSize(env) : DEFAULT_MAX_MB * 1024 * 1024;
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('planatlas')
    .description('PlanAtlas 规划图谱: ingest, read and connect Chinese development plans')
    .option('--data <dir>', 'embedded database folder (default: $PLANATLAS_DATA or ./.planatlas); ignored when DATABASE_URL is set')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('ingest')
    .description('store plan files (TXT, Markdown, HTML, DOCX, PDF); a changed file becomes a new version')
    .argument('<files...>', 'plan files')
    .option('--max-size <size>', 'largest file accepted, e.g. 50MB (default: $PLANATLAS_MAX_FILE_SIZE or 50MB)', parseSize)
    .action(async (fileArgs: string[], o: { maxSize?: number }) => {
      const g = program.opts<GlobalOpts>();
      const failed = await withStore(g, (store) =>
        ingestFiles(store, fileArgs, { maxBytes: o.maxSize ?? maxBytesDefault(), out: process.stdout, err: process.stderr }),
      );
      if (failed) process.exitCode = 1;
    });

  program
    .command('list')
    .description('list stored plans')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      await withStore(program.opts<GlobalOpts>(), async (store) => {
        const rows = await listPlans(store);
        process.stdout.write(o.json ? JSON.stringify(rows, null, 2) + '\n' : formatPlanTable(rows));
      });
    });

  program
    .command('show')
    .description('show a plan: metadata, and with --outline its outline')
    .argument('<plan>', 'plan id, slug, or a unique part of the title (e.g. 粤西)')
    .option('--outline', 'print the outline (chapters and sections)')
    .option('--repairs', 'print the repairs made while normalizing the text')
    .option('--versions', 'print the stored versions')
    .action(async (ref: string, o: { outline?: boolean; repairs?: boolean; versions?: boolean }) => {
      await withStore(program.opts<GlobalOpts>(), async (store) => {
        const plan = await findPlan(store, ref);
        process.stdout.write(formatSummary(plan));
        if (plan.currentVersionId == null) return;
        if (o.versions) {
          const vs = await listVersions(store, plan.id);
          process.stdout.write('\n版本 versions:\n' + vs.map((v) => `  v${v.version}  ${v.fileName}  ${v.sha256.slice(0, 12)}  ${v.createdAt.toISOString()}`).join('\n') + '\n');
        }
        if (o.outline) {
          process.stdout.write('\n' + outlineToText(await getOutline(store, plan.currentVersionId)) + '\n');
        }
        if (o.repairs) {
          const rs = await getRepairs(store, plan.currentVersionId);
          process.stdout.write(`\n修复 repairs (${rs.length}):\n` + rs.map((r) => `  ${r.start}\t${r.rule}\t${r.message}`).join('\n') + '\n');
        }
      });
    });

  program
    .command('extract')
    .description('read a plan file and print what PlanAtlas finds in it (no database needed)')
    .argument('<file>', 'plan file')
    .option('--json', 'print the JSON described in shared/eval/README.md (the default)')
    .action(async (file: string) => {
      const bytes = readFileChecked(file, maxBytesDefault());
      const text = await ingestBytes(bytes, file, { maxBytes: maxBytesDefault() });
      const { doc, findings } = analyze(text, loadGazetteer(), loadLexicons());
      const json = toExtractJson(doc, findings, (s, e) => sourceSpan(text, s, e).text);
      process.stdout.write(JSON.stringify(json, null, 2) + '\n');
    });

  program
    .command('kinds')
    .description('the kinds of finding and their fields: the names --kind and --set take, with their Chinese and English labels')
    .option('--json', 'as JSON')
    .action((o: { json?: boolean }) => {
      const kinds = allKinds().map((k) => ({ name: k.name, plural: k.plural, zh: k.label.zh, en: k.label.en, fields: fieldSpecs(k.name).map(({ name, zh, en }) => ({ name, zh, en })) }));
      if (o.json) return void process.stdout.write(JSON.stringify(kinds, null, 2) + '\n');
      for (const k of kinds) {
        process.stdout.write(`${k.name} (${k.plural})  ${k.zh} / ${k.en}\n` + k.fields.map((f) => `  ${f.name.padEnd(14)} ${f.zh} / ${f.en}`).join('\n') + '\n');
      }
    });

  program
    .command('findings')
    .description('what was extracted from a plan, with review decisions applied')
    .argument('<plan>', 'plan id, slug, or a unique part of the title')
    .option('--kind <kind>', `only one kind: ${allKinds().map((k) => k.plural).join(', ')}`)
    .option('--status <status>', 'only pending, accepted, corrected, rejected or added')
    .option('--json', 'print JSON')
    .action(async (ref: string, o: { kind?: string; status?: string; json?: boolean }) => {
      await withStore(program.opts<GlobalOpts>(), async (store) => {
        const plan = await findPlan(store, ref);
        if (plan.currentVersionId == null) throw new Error(`plan ${plan.slug} has no stored version`);
        const kind = o.kind ? parseKind(o.kind) : undefined;
        const { findings, orphans } = await getEffectiveFindings(store, plan.currentVersionId, kind);
        const list = o.status ? findings.filter((f) => f.status === o.status) : findings;
        const v = await getVersion(store, plan.currentVersionId);
        const textOf = (f: { start: number | null; end: number | null }) => (f.start == null ? '' : v.text.slice(f.start, f.end ?? f.start));
        if (o.json) {
          process.stdout.write(JSON.stringify({ plan: { id: plan.id, slug: plan.slug, title: plan.title }, findings: list.map((f) => ({ ...f, quote: textOf(f) })), orphans }, null, 2) + '\n');
          return;
        }
        process.stdout.write(`${plan.title} — ${list.length} findings${kind ? ` (${kind})` : ''}\n`);
        process.stdout.write(formatFindings(list, textOf));
        if (orphans.length) {
          process.stdout.write(`\n${orphans.length} earlier decision(s) no longer match a finding (the text changed there); they are kept:\n`);
          for (const d of orphans) process.stdout.write(`  decision ${d.id}: ${d.action} ${d.kind} «${d.quote}» by ${d.actor}\n`);
        }
      });
    });

  const review = program.command('review').description('review findings: accept, correct, reject, add a missed one');
  const decideVerb = (action: 'accept' | 'reject') =>
    review
      .command(action)
      .description(`${action} findings by id (+N: a person's addition, as planatlas findings lists it)`)
      .argument('<ids...>', 'finding ids, or +N for an addition (planatlas findings PLAN)')
      .option('--note <text>', 'why')
      .option('--by <name>', 'reviewer name', process.env.USER || 'cli')
      .action(async (ids: string[], o: { note?: string; by: string }) => {
        await withStore(program.opts<GlobalOpts>(), async (store) => {
          for (const id of ids) {
            const r = await decideRef(store, id, { action, note: o.note, actor: o.by });
            process.stdout.write(`${action === 'reject' && id.startsWith('+') ? 'withdrew' : `${action}ed`} ${r.kind} ${id} (decision ${r.decisionId})\n`);
          }
        });
      });
  decideVerb('accept');
  decideVerb('reject');
  review
    .command('correct')
    .description('correct fields of a finding: planatlas review correct 12 --set value=6500 --set comparator=ge')
    .argument('<id>', 'finding id, or +N for an addition')
    .option('--set <field=value>', 'a corrected field (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--note <text>', 'why')
    .option('--by <name>', 'reviewer name', process.env.USER || 'cli')
    .action(async (id: string, o: { set: string[]; note?: string; by: string }) => {
      await withStore(program.opts<GlobalOpts>(), async (store) => {
        const kind = await kindOfRef(store, id);
        const fields = parseFieldAssignments(kind as FindingKind, o.set);
        const r = await decideRef(store, id, { action: 'correct', fields, note: o.note, actor: o.by });
        process.stdout.write(`corrected ${r.kind} ${id}: ${Object.keys(fields).join(', ')} (decision ${r.decisionId})\n`);
      });
    });
  review
    .command('add')
    .description('add a finding the extractors missed: planatlas review add 粤西 --kind target --quote "…" --set indicator=… --set year=2015 …')
    .argument('<plan>', 'plan id, slug, or a unique part of the title')
    .requiredOption('--kind <kind>', kindNames().join(', '))
    .requiredOption('--quote <text>', 'the exact text in the plan')
    .option('--occurrence <n>', 'which occurrence of the quote, when it appears more than once', (v: string) => parseId(v))
    .option('--set <field=value>', 'a field (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--note <text>', 'why')
    .option('--by <name>', 'reviewer name', process.env.USER || 'cli')
    .action(async (ref: string, o: { kind: string; quote: string; occurrence?: number; set: string[]; note?: string; by: string }) => {
      await withStore(program.opts<GlobalOpts>(), async (store) => {
        const plan = await findPlan(store, ref);
        const kind = parseKind(o.kind);
        const fields = parseFieldAssignments(kind, o.set);
        const r = await addFinding(store, { planId: plan.id, kind, quote: o.quote, occurrence: o.occurrence, fields, note: o.note, actor: o.by });
        process.stdout.write(`added ${kind} at ${r.start}–${r.end} (decision ${r.decisionId})\n`);
      });
    });

  program
    .command('reextract')
    .description('run the extractors again on stored plans (decisions are kept and re-applied)')
    .argument('[plans...]', 'plan ids, slugs or title parts (default: all)')
    .action(async (refs: string[]) => {
      await withStore(program.opts<GlobalOpts>(), async (store) => {
        const targets = refs.length ? await Promise.all(refs.map((r) => findPlan(store, r))) : await listPlans(store);
        for (const p of targets) {
          if (p.currentVersionId == null) continue;
          const counts = await reextractVersion(store, p.currentVersionId);
          process.stdout.write(`${p.slug}: ${formatCounts(counts)}\n`);
        }
      });
    });

  const db = program.command('db').description('database maintenance');
  db.command('migrate')
    .description('apply pending migrations')
    .action(async () => {
      const g = program.opts<GlobalOpts>();
      const store = await openStore({ ...storeOptions(g), migrate: false });
      try {
        const applied = await runMigrations(store.db);
        const all = await appliedMigrations(store.db);
        process.stdout.write(
          `${store.kind} ${store.location}: ${applied.length ? 'applied ' + applied.join(', ') : 'up to date'} (${all.length} migrations)\n`,
        );
      } finally {
        await store.close();
      }
    });

  const serveAction = async (o: { port: number; host: string; samples: boolean }) => {
    const g = program.opts<GlobalOpts>();
    const running = await serve({
      ...storeOptions(g),
      port: o.port,
      host: o.host,
      samples: o.samples,
      maxFileBytes: maxBytesDefault(),
    });
    const stop = () => {
      process.stdout.write('\nStopping…\n');
      running.close().then(() => process.exit(0), () => process.exit(1));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await new Promise(() => {}); // serve until stopped
  };

  for (const [name, description] of [
    ['serve', 'serve the web app and the HTTP API (loads the sample plans into an empty database)'],
    ['start', 'the quick start: same as serve with the defaults'],
  ] as const) {
    program
      .command(name)
      .description(description)
      .option('--port <port>', 'port to listen on ($PORT if set)', parsePort, Number(process.env.PORT || 3000))
      .option('--host <host>', 'address to listen on; only loopback (127.0.0.1, ::1, localhost) until PlanAtlas has accounts', '127.0.0.1')
      .option('--no-samples', 'do not load the sample plans into an empty database')
      .action(serveAction);
  }

  addMonitorVerbs(program, (fn) => withStore(program.opts<GlobalOpts>(), fn));

  return program;
}

function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`"${v}" is not a port number (0–65535)`);
  return n;
}

/** A finding id, or +N: the addition that decision N made (or a later decision on it). */
async function additionOf(store: Store, ref: string) {
  const d = await getDecision(store.db, parseId(ref.slice(1)));
  if (!d) throw new NotFoundError(`no decision ${ref.slice(1)} (additions are listed as +N by planatlas findings PLAN)`, 'id');
  return d;
}

async function kindOfRef(store: Store, ref: string): Promise<string> {
  if (ref.startsWith('+')) return (await additionOf(store, ref)).kind;
  const row = await getFindingRow(store.db, parseId(ref));
  if (!row) throw new NotFoundError(`no finding with id ${ref}`, 'id');
  return row.f.kind;
}

async function decideRef(
  store: Store,
  ref: string,
  input: { action: 'accept' | 'reject' | 'correct'; fields?: Record<string, unknown>; note?: string; actor: string },
): Promise<{ decisionId: number; kind: string }> {
  if (!ref.startsWith('+')) return decide(store, { target: { findingId: parseId(ref) }, ...input });
  const d = await additionOf(store, ref);
  return decide(store, { target: { planId: d.planId, key: d.identity }, ...input });
}

function parseId(v: string): number {
  if (!/^\d+$/.test(v)) throw new InvalidArgumentError(`"${v}" is not an id (a whole number)`);
  return Number(v);
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (e) {
    const err = e as { code?: string; exitCode?: number; message?: string };
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
    if (err.code?.startsWith('commander.')) return err.exitCode || 2; // commander printed the message
    process.stderr.write(`planatlas: ${err.message ?? String(e)}\n`);
    return 1;
  }
}

const isEntry = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isEntry) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
