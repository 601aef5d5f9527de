// Ingests several files with progress on the terminal; a bad file is reported and skipped.
import path from 'node:path';
import { ingestPlan } from './ingest-plan';
import type { Store } from '../store/db';
import { readFileChecked } from './read-file';
import { formatCounts } from '../core/finding-summary';

interface Out {
  write(s: string): unknown;
}

/** Returns the number of files that failed. */
export async function ingestFiles(store: Store, fileArgs: string[], o: { maxBytes: number; out: Out; err: Out }): Promise<number> {
  let failed = 0;
  const n = fileArgs.length;
  for (const [i, file] of fileArgs.entries()) {
    const tag = `[${i + 1}/${n}] ${path.basename(file)}`;
    try {
      const bytes = readFileChecked(file, o.maxBytes);
      const r = await ingestPlan(store, { bytes, fileName: file, options: { maxBytes: o.maxBytes } });
      const what = r.status === 'unchanged' ? 'unchanged (already stored)' : r.status === 'created' ? 'new plan' : `new version v${r.version}`;
      o.out.write(`${tag}: ${what} — #${r.planId} ${r.slug} «${r.title}» v${r.version}, ${r.sections} sections, ${r.repairs} repairs; ${formatCounts(r.findings)}\n`);
      for (const w of r.warnings) o.out.write(`    warning: ${w}\n`);
    } catch (e) {
      failed++;
      const msg = (e as Error).message;
      o.err.write(`${tag}: FAILED — ${msg.startsWith(path.basename(file)) ? msg : `${path.basename(file)}: ${msg}`}\n`);
    }
  }
  if (n > 1) o.out.write(`${n - failed} of ${n} files stored${failed ? `, ${failed} failed` : ''}\n`);
  return failed;
}
