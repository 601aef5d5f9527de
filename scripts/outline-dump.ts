// Prints the outline parse finds for a file (a development aid): npx tsx scripts/outline-dump.ts FILE
import fs from 'node:fs';
import { ingestBytes } from '../src/ingest/index';
import { loadGazetteer } from '../src/places/index';
import { parsePlan, flattenSections } from '../src/parse/index';

const f = process.argv[2];
const t = await ingestBytes(new Uint8Array(fs.readFileSync(f)), f);
const d = parsePlan(t, loadGazetteer());
const out: string[] = [];
for (const s of flattenSections(d.sections)) out.push(`${'  '.repeat(s.level - 1)}[${s.kind}] ${s.label ?? ''} ${s.title.slice(0, 40)}  @${s.start}-${s.end}`);
out.push(`toc ${JSON.stringify(d.toc)}`);
process.stdout.write(out.join('\n') + '\n');
