// Opens the database: PGlite in a folder on disk by default, PostgreSQL when DATABASE_URL is set.
// Both are driven through the same Drizzle schema and the same migrations.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import { schema } from './schema';
import { backfillEffectiveFindings } from './effective';
import { runMigrations } from './migrate';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle: the same query API as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Store {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where the data lives: the PGlite folder, or the PostgreSQL URL without password. */
  location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PGlite folder; ignored when databaseUrl is given. */
  dataDir?: string;
  /** PostgreSQL connection string (postgres://…). */
  databaseUrl?: string;
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
}

export class StoreError extends Error {}

/** Default embedded data folder: $PLANATLAS_DATA, else ./.planatlas in the working directory. */
export function defaultDataDir(): string {
  return process.env.PLANATLAS_DATA || path.resolve('.planatlas');
}

export async function openStore(opts: OpenOptions = {}): Promise<Store> {
  const url = opts.databaseUrl;
  let store: Store;
  if (url) {
    // Every page runs a few small indexed queries, many at once: parallel workers and JIT compiling
    // would cost more to start (30–100 ms a query measured under 20 clients) than such a query takes,
    // so both are off for the app's sessions. An `options` parameter in DATABASE_URL takes precedence.
    // The connections stay open once made (min = max): a new one pays for the server's catalog
    // caches and re-plans the named statements (queryRows' `prepare`), 10–30 ms under load.
    const pool = new pg.Pool({ connectionString: url, max: 4, min: 4, options: '-c max_parallel_workers_per_gather=0 -c jit=off' });
    // An idle connection that the server drops (a restart, a killed backend) is an 'error' event on
    // the pool; without a listener it would end the process. The pool discards that connection and
    // opens a new one for the next query, so it is only reported (not while closing on purpose).
    let closing = false;
    pool.on('error', (e) => {
      if (!closing) process.stderr.write(`PostgreSQL connection lost (${redact(url)}): ${e.message}; reconnecting on the next query\n`);
    });
    try {
      await pool.query('select 1');
    } catch (e) {
      await pool.end().catch(() => {});
      throw new StoreError(`cannot connect to PostgreSQL at ${redact(url)}: ${(e as Error).message}`);
    }
    store = {
      db: drizzlePg(pool, { schema }) as unknown as Db,
      kind: 'postgres',
      location: redact(url),
      close: () => {
        closing = true;
        return pool.end();
      },
    };
  } else {
    const dir = path.resolve(opts.dataDir ?? defaultDataDir());
    fs.mkdirSync(dir, { recursive: true });
    const release = takeLock(dir);
    let client: PGlite;
    try {
      // Extensions must be passed on every open, or their functions fail (could not access file "pg_trgm").
      client = await PGlite.create({ dataDir: path.join(dir, 'pgdata'), extensions: { pg_trgm } });
    } catch (e) {
      release();
      throw new StoreError(`cannot open the embedded database in ${dir}: ${(e as Error).message}`);
    }
    store = {
      db: drizzlePglite(client, { schema }) as unknown as Db,
      kind: 'pglite',
      location: dir,
      close: async () => {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  }
  if (opts.migrate !== false) {
    try {
      await runMigrations(store.db);
      await backfillEffectiveFindings(store); // versions stored before effective_findings existed
    } catch (e) {
      await store.close();
      throw e;
    }
  }
  return store;
}

/**
 * PGlite takes no lock of its own, and two processes writing one folder corrupt it:
 * hold a lock file with our pid; a lock left by a dead process is taken over.
 */
function takeLock(dir: string): () => void {
  const lockPath = path.join(dir, 'planatlas.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.on('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new StoreError(
          `the data folder ${dir} is in use by process ${pid}; stop it first, or use another --data folder`,
        );
      }
      if (pid === process.pid) {
        throw new StoreError(`the data folder ${dir} is already open in this process`);
      }
      fs.unlinkSync(lockPath); // stale lock of a process that is gone
    }
  }
  throw new StoreError(`cannot lock the data folder ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/**
 * Runs raw SQL and returns its rows: both drivers answer `{ rows }`.
 *
 * `prepare`: run it as a named prepared statement (the name is this prefix and a hash of the
 * text, so texts that vary by filter get one each). On PostgreSQL each connection then parses it
 * once and, after a few runs, may keep a generic plan: for the pages read many times a second.
 */
export async function queryRows<T>(db: Pick<Db, 'execute'>, query: SQL, prepare?: string): Promise<T[]> {
  if (prepare) {
    const d = db as unknown as Preparing;
    if (d.session?.prepareQuery && d.dialect) {
      const q = d.dialect.sqlToQuery(query);
      const r = (await d.session.prepareQuery(q, undefined, `planatlas_${prepare}_${textHash(q.sql)}`, false).execute()) as { rows: T[] };
      return r.rows;
    }
  }
  const r = (await db.execute(query)) as unknown as { rows: T[] };
  return r.rows;
}

/** What drizzle's databases and transactions have to run a named statement (not in their public types). */
interface Preparing {
  session?: { prepareQuery(query: unknown, fields: undefined, name: string, arrayMode: boolean): { execute(): Promise<unknown> } };
  dialect?: { sqlToQuery(query: SQL): { sql: string } };
}

/** FNV-1a of a string, in base 36. */
function textHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * Options every command takes. `tx`: run inside the caller's transaction, so a route or a job can
 * combine several commands atomically (as Outline's commands receive `transaction`); without it
 * the command opens its own.
 */
export interface CommandOptions {
  tx?: Tx;
}

/** Runs `fn` in the caller's transaction when there is one, else in a new transaction. */
export function inTransaction<T>(store: Store, opts: CommandOptions, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return opts.tx ? fn(opts.tx) : store.db.transaction(fn);
}

/** Where a command reads: inside the caller's transaction (it sees that transaction's writes), else the database. */
export function readerOf(store: Store, opts: CommandOptions): Db | Tx {
  return opts.tx ?? store.db;
}
