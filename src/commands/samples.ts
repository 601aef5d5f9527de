// The demo corpus shipped in data/plans (copied from shared/plans with its INDEX.md).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const samplePlansDir = path.join(repoRoot, 'data', 'plans');

export function samplePlanFiles(): string[] {
  return fs
    .readdirSync(samplePlansDir)
    .filter((f) => /\.(txt|md|markdown|html?|docx|pdf)$/i.test(f) && f !== 'INDEX.md')
    .sort()
    .map((f) => path.join(samplePlansDir, f));
}
