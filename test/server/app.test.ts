// The app as a whole: `planatlas serve` as a user starts it, the OpenAPI description, the web app
// fallback for client-side routes, and JSON errors for unknown API addresses.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePlanFiles } from '../../src/commands/samples';
import { tempDir } from '../helpers/stores';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin', 'planatlas.mjs');

/** Starts `planatlas serve` and resolves with the URL it prints. */
function startServe(args: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, DATABASE_URL: '' } });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not print its URL in time:\n${out}`)), 110_000);
    const check = () => {
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1].replace(/\/$/, ''), output: () => out });
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${out}`));
    });
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode != null) return resolve(child.exitCode);
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('planatlas serve', () => {
  let data: string;
  let empty: string;
  beforeAll(() => {
    data = tempDir('planatlas-serve-');
    empty = tempDir('planatlas-serve-empty-');
  });
  afterAll(() => {
    fs.rmSync(data, { recursive: true, force: true });
    fs.rmSync(empty, { recursive: true, force: true });
  });

  it('creates an empty data folder, loads the sample plans, serves the app, the API description and JSON errors', async () => {
    const dir = path.join(data, 'new-folder');
    const s = await startServe(['serve', '--port', '0', '--data', dir]);
    try {
      expect(fs.existsSync(path.join(dir, 'pgdata'))).toBe(true);
      const n = samplePlanFiles().length;
      expect(n).toBe(5);
      expect(s.output()).toContain(`${n} of ${n} files stored`);

      const home = await fetch(s.url + '/');
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('<div id="root">');
      expect(home.headers.get('content-security-policy')).toContain("script-src 'self'");
      // A client-side route is answered with the web app, so every page can be linked.
      const deep = await fetch(s.url + '/places/440800');
      expect(deep.status).toBe(200);
      expect(deep.headers.get('content-type')).toMatch(/text\/html/);

      const docs = await fetch(s.url + '/api/docs');
      expect(docs.status).toBe(200);
      const spec = (await docs.json()) as { openapi: string; paths: Record<string, unknown> };
      expect(spec.openapi).toMatch(/^3\./);

      const missing = await fetch(s.url + '/api/no-such-thing');
      expect(missing.status).toBe(404);
      expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not-found');
    } finally {
      expect(await stop(s.child)).toBe(0);
    }
    // The lock is released on stop.
    expect(fs.existsSync(path.join(dir, 'planatlas.lock'))).toBe(false);
  });

  it('--no-samples leaves a new database empty', async () => {
    const s = await startServe(['serve', '--port', '0', '--no-samples', '--data', empty]);
    try {
      expect(s.output()).not.toMatch(/Loading the sample plans/);
    } finally {
      await stop(s.child);
    }
  });

  it('refuses a port that is not a number, naming it', async () => {
    const child = spawn(process.execPath, [bin, 'serve', '--port', 'eighty', '--data', empty], { cwd: root });
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    expect(code).not.toBe(0);
    expect(err).toMatch(/"eighty" is not a port number/);
  });
});
