// The databases every store test runs against: PGlite in a temporary folder always, and
// PostgreSQL when PLANATLAS_TEST_DATABASE_URL points at a server (.ci/run starts one on 127.0.0.1).
// Each PostgreSQL test store is a fresh database, dropped afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/db';

export const pgUrl = process.env.PLANATLAS_TEST_DATABASE_URL || '';

if (process.env.CI && !pgUrl) {
  throw new Error('CI must run the PostgreSQL tests: set PLANATLAS_TEST_DATABASE_URL (.ci/run starts a server)');
}

export interface TestStore {
  store: Store;
  /** Where a second process (the CLI) can reach the same database. */
  dataDir?: string;
  databaseUrl?: string;
  dispose(): Promise<void>;
}

/** migrate: false opens the database without applying migrations (to test an upgrade from an older schema). */
export type Backend = { name: 'pglite' | 'postgres'; create(opts?: { migrate?: boolean }): Promise<TestStore> };

export function tempDir(prefix = 'planatlas-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

const pglite: Backend = {
  name: 'pglite',
  async create(opts = {}) {
    const dataDir = tempDir();
    const store = await openStore({ dataDir, migrate: opts.migrate });
    return {
      store,
      dataDir,
      async dispose() {
        await store.close().catch(() => {});
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
};

const postgres: Backend = {
  name: 'postgres',
  async create(opts = {}) {
    const name = `planatlas_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database ${name} template template0 encoding 'UTF8'`);
    await admin.end();
    const u = new URL(pgUrl);
    u.pathname = '/' + name;
    const databaseUrl = u.toString();
    const store = await openStore({ databaseUrl, migrate: opts.migrate });
    return {
      store,
      databaseUrl,
      async dispose() {
        await store.close().catch(() => {});
        const a = new pg.Client({ connectionString: pgUrl });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  },
};

/** PGlite always; PostgreSQL when a server is configured. */
export const backends: Backend[] = pgUrl ? [pglite, postgres] : [pglite];
