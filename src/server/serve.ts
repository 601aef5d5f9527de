// `planatlas serve` / `npm start`: opens the store, loads the sample plans into an empty one,
// builds the web app if needed, and serves app + API on one port.
import type { FastifyInstance } from 'fastify';
import { openStore, type OpenOptions, type Store } from '../store/db';
import { listPlans } from '../store/queries';
import { loadGazetteer } from '../places/index';
import { loadLexicons } from '../extract/lexicons';
import { ingestFiles } from '../commands/ingest-files';
import { samplePlanFiles } from '../commands/samples';
import { indexMissingVersions } from '../commands/search-index';
import { loadSampleObservations } from '../commands/observations';
import { getSegmenter } from '../search/segmenter';
import { buildApp } from './app';
import { ensureWebBuilt } from './web-build';

export interface ServeOptions extends OpenOptions {
  port: number;
  host?: string;
  /** Load the sample plans when the database has no plans (default true). */
  samples?: boolean;
  maxFileBytes: number;
  out?: NodeJS.WritableStream;
  err?: NodeJS.WritableStream;
}

export interface Running {
  app: FastifyInstance;
  store: Store;
  url: string;
  close(): Promise<void>;
}

/** Addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host) || host === '::ffff:127.0.0.1';
}

export async function serve(opts: ServeOptions): Promise<Running> {
  const out = opts.out ?? process.stdout;
  const err = opts.err ?? process.stderr;
  const host = opts.host ?? '127.0.0.1';
  if (!isLoopback(host)) {
    // Anyone who can reach the port could upload, correct and accept: there are no accounts yet.
    throw new Error(
      `refusing to serve on ${host}: PlanAtlas has no user accounts yet, so anyone reaching this address could change the plans and the review decisions. ` +
        'Serve on 127.0.0.1 (the default) and put an authenticating reverse proxy in front if others need access.',
    );
  }
  await ensureWebBuilt((s) => out.write(s));
  const store = await openStore(opts);
  try {
    out.write(`PlanAtlas 规划图谱 — ${store.kind === 'pglite' ? 'embedded database' : 'PostgreSQL'}: ${store.location}\n`);
    if (opts.samples !== false && (await listPlans(store)).length === 0) {
      out.write('Loading the sample plans…\n');
      await ingestFiles(store, samplePlanFiles(), { maxBytes: opts.maxFileBytes, out, err });
    }
    if (opts.samples !== false) {
      const n = await loadSampleObservations(store); // only into a database that never had observations
      if (n) out.write(`Loaded ${n} sample statistics (data/stats) for monitoring.\n`);
    }
    const gazetteer = loadGazetteer();
    const lexicons = loadLexicons();
    const indexed = await indexMissingVersions(store, getSegmenter(gazetteer, lexicons)); // data folders made before search existed
    if (indexed) out.write(`Indexed ${indexed} plan(s) for search.\n`);
    const app = await buildApp({ store, gazetteer, lexicons, maxFileBytes: opts.maxFileBytes, actor: 'web' });
    try {
      await app.listen({ port: opts.port, host });
    } catch (e) {
      await app.close();
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new Error(`port ${opts.port} is in use; choose another with --port`);
      throw e;
    }
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : opts.port;
    const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/`;
    out.write(`\nPlanAtlas is running at ${url}\n(API description: ${url}api/docs — stop with Ctrl+C)\n`);
    return {
      app,
      store,
      url,
      close: async () => {
        await app.close();
        await store.close();
      },
    };
  } catch (e) {
    await store.close();
    throw e;
  }
}
