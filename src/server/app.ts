// The HTTP app: the JSON API under /api (described by OpenAPI at /api/docs) and the built web app.
// Routes only parse input and call queries or commands; see routes/*.ts.
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import type { AppContext } from './context';
import { HttpError, installErrorHandler } from './errors';
import { planRoutes } from './routes/plans';
import { findingRoutes } from './routes/findings';
import { reviewRoutes } from './routes/review';
import { searchRoutes } from './routes/search';
import { placeRoutes } from './routes/places';
import { monitorRoutes } from './routes/monitor';
import { ruleRoutes } from './routes/rules';
import { webDistDir } from './web-build';
import { addSharedSchemas } from './schemas';

export interface BuildAppOptions {
  /** Serve the built web app from this folder (default web/dist; null: API only). */
  webDir?: string | null;
  logger?: boolean;
}

export async function buildApp(ctx: AppContext, opts: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 2 * 1024 * 1024 });
  installErrorHandler(app);
  // Response schemas (src/server/schemas.ts) document the API and are checked by a contract test;
  // they must never filter what a handler returns. Fastify would compile them into fast-json-stringify
  // serializers that silently drop properties the schema does not list, so serialize with plain
  // JSON.stringify instead. (Strings and Buffers — CSV, XLSX, original files — are never serialized.)
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  addSharedSchemas(app);
  // No cross-site writes: a page on another origin can make the browser send a no-cors form POST
  // (an upload, a decision) to a PlanAtlas on localhost. Browsers say where a request comes from in
  // Sec-Fetch-Site and Origin; a write is refused unless both, when present, name this app. Clients
  // that send neither (the CLI, curl, scripts) are not browsers and are not affected.
  app.addHook('onRequest', async (req) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
    const site = req.headers['sec-fetch-site'];
    if (site && site !== 'same-origin' && site !== 'none') {
      throw new HttpError(403, 'cross-site', `refused: a ${req.method} from another site (Sec-Fetch-Site: ${site}); writes are accepted only from PlanAtlas's own pages`);
    }
    const origin = req.headers.origin;
    if (origin && !sameOrigin(origin, req.headers.host)) {
      throw new HttpError(403, 'cross-site', `refused: a ${req.method} from ${origin === 'null' ? 'an opaque origin' : origin}; writes are accepted only from PlanAtlas's own pages`);
    }
  });
  // Plan text is untrusted: besides rendering it as text only, forbid inline and foreign scripts.
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header(
      'content-security-policy',
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
    return payload;
  });
  await app.register(swagger, {
    // Shared schemas (app.addSchema) appear under components.schemas by their $id.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'PlanAtlas 规划图谱 API',
        version: '0.1.0',
        description: 'Plans, their outline and text, extracted findings, review decisions, search, places and maps.',
      },
      tags: [
        { name: 'plans', description: '规划库: plans, text, outline, upload' },
        { name: 'findings', description: 'Extracted findings (targets, structures, projects, duties, places, references) and exports' },
        { name: 'review', description: '审核: the review queue and decisions' },
        { name: 'search', description: '检索: Chinese full-text search' },
        { name: 'places', description: '地图 and place pages' },
        { name: 'monitor', description: '监测: actual values, progress status, task ledgers, evaluation reports' },
      ],
    },
  });
  await app.register(multipart, { limits: { fileSize: ctx.maxFileBytes, files: 1, fields: 10 } });

  await app.register(planRoutes(ctx), { prefix: '/api' });
  await app.register(findingRoutes(ctx), { prefix: '/api' });
  await app.register(reviewRoutes(ctx), { prefix: '/api' });
  await app.register(searchRoutes(ctx), { prefix: '/api' });
  await app.register(placeRoutes(ctx), { prefix: '/api' });
  await app.register(ruleRoutes(), { prefix: '/api' });
  await app.register(monitorRoutes(ctx), { prefix: '/api' });
  app.get('/api/docs', { schema: { hide: true } }, async () => app.swagger());

  const webDir = opts.webDir === undefined ? webDistDir : opts.webDir;
  if (webDir && fs.existsSync(path.join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDir, prefix: '/' });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !webDir || !fs.existsSync(path.join(webDir, 'index.html'))) {
      return reply.status(404).send({ error: { code: 'not-found', message: `no such address: ${req.method} ${req.url.split('?')[0]}` } });
    }
    // Client-side routes (/plans/…, /map, /places/…): the web app handles them.
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
  return app;
}

/** Whether an Origin header names the host the request was sent to (scheme aside: the app serves one). */
export function sameOrigin(origin: string, host: string | undefined): boolean {
  if (!host || origin === 'null') return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
