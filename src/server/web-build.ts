// Builds the web app (web/ → web/dist) with Vite when the build is missing or older than its sources,
// so `npm start` and `planatlas serve` work on a fresh clone without a separate build step.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const webRoot = path.join(repoRoot, 'web');
export const webDistDir = path.join(webRoot, 'dist');

function newestMtime(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const e of fs.readdirSync(p)) {
    if (e === 'dist' || e === 'node_modules') continue;
    m = Math.max(m, newestMtime(path.join(p, e)));
  }
  return m;
}

export function webBuildIsFresh(): boolean {
  const index = path.join(webDistDir, 'index.html');
  if (!fs.existsSync(index)) return false;
  // The web app also imports shared pure modules (types, the targets table) from src/core.
  return fs.statSync(index).mtimeMs >= Math.max(newestMtime(webRoot), newestMtime(path.join(repoRoot, 'src', 'core')));
}

/** Builds web/dist unless it is up to date. Returns true when it built. */
export async function ensureWebBuilt(log: (s: string) => void = () => {}): Promise<boolean> {
  if (webBuildIsFresh()) return false;
  log('Building the web app (web/ → web/dist)…\n');
  const { build } = await import('vite');
  // Build beside web/dist and swap it in, so a server (or a parallel test run) never sees half a build.
  const tmp = `${webDistDir}-${process.pid}`;
  await build({ configFile: path.join(webRoot, 'vite.config.ts'), root: webRoot, logLevel: 'warn', build: { outDir: tmp, emptyOutDir: true } });
  fs.rmSync(webDistDir, { recursive: true, force: true });
  fs.renameSync(tmp, webDistDir);
  return true;
}
