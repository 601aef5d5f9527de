// Builds the web app (web/ → web/dist) with Vite when the build is missing or older than its sources,
// so `npm start` and `planatlas serve` work on a fresh clone without a separate build step.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
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

/**
 * Builds web/dist unless it is up to date. Returns true when it built. Vite runs in a child process:
 * loaded into the server it would stay in its memory (about 350 MB) for as long as the server runs.
 */
export async function ensureWebBuilt(log: (s: string) => void = () => {}): Promise<boolean> {
  if (webBuildIsFresh()) return false;
  log('Building the web app (web/ → web/dist)…\n');
  // Build beside web/dist and swap it in, so a server (or a parallel test run) never sees half a build.
  const tmp = `${webDistDir}-${process.pid}`;
  const vite = path.join(path.dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  const args = [vite, 'build', webRoot, '--config', path.join(webRoot, 'vite.config.ts'), '--logLevel', 'warn', '--outDir', tmp, '--emptyOutDir'];
  let output = '';
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: webRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new Error(`building the web app failed (vite exited with ${code}):\n${output.slice(-4000)}`);
  }
  fs.rmSync(webDistDir, { recursive: true, force: true });
  fs.renameSync(tmp, webDistDir);
  return true;
}
