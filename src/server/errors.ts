// HTTP errors: every error the API returns is JSON { error: { code, message, field?, file? } }.
// The message says which file, field or parameter is wrong and what to do. It never carries SQL,
// a driver's message or document text: those go to the server log only.
import type { FastifyError, FastifyInstance } from 'fastify';
import { AmbiguousError, FieldError, NotFoundError, RowsError, type RowProblem } from '../core/errors';
import { IngestError } from '../ingest/errors';

export class HttpError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public field?: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new HttpError(404, 'not-found', `${what} not found`);

export interface ErrorBody {
  error: { code: string; message: string; field?: string; file?: string; rows?: RowProblem[] };
}

/** Seconds a client should wait before retrying when the database is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

// Node socket errors and PostgreSQL SQLSTATEs that mean "the database is not there right now":
// class 08 (connection exception), 57P01–57P03 (shutdown, crash, starting up), 53300 (too many connections).
const OUTAGE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', '57P01', '57P02', '57P03', '53300']);
const OUTAGE_MESSAGES = /Connection terminated|connection timeout|Client has encountered a connection error|Client was closed|terminating connection|the database system is (starting up|shutting down)/i;

/** Whether an error (or what it wraps: Drizzle wraps driver errors in `cause`) is a database outage. */
export function isDatabaseOutage(err: unknown): boolean {
  for (let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (OUTAGE_CODES.has(code) || code.startsWith('08')) return true;
    if (typeof e.message === 'string' && OUTAGE_MESSAGES.test(e.message) && !(e instanceof HttpError)) return true;
  }
  return false;
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | Error, req, reply) => {
    const send = (status: number, error: ErrorBody['error']) => reply.status(status).send({ error } satisfies ErrorBody);
    if (err instanceof HttpError) return send(err.status, { code: err.code, message: err.message, field: err.field });
    if (err instanceof IngestError) return send(err.code === 'too-large' ? 413 : 422, { code: err.code, message: err.message, file: err.fileName });
    if (err instanceof FieldError) return send(400, { code: 'invalid-field', message: err.message, field: err.field });
    if (err instanceof RowsError) return send(400, { code: 'invalid-rows', message: err.message, file: err.file, rows: err.rows });
    if (err instanceof NotFoundError) return send(404, { code: 'not-found', message: err.message.split('\n')[0], field: err.field });
    if (err instanceof AmbiguousError) return send(400, { code: 'ambiguous', message: err.message.split('\n')[0] });
    const fe = err as FastifyError;
    if (fe.validation) {
      const first = fe.validation[0];
      const field = first ? (first.instancePath.replace(/^\//, '').split('/')[0] || (first.params as { missingProperty?: string })?.missingProperty) : undefined;
      return send(400, { code: 'invalid-request', message: `${fe.validationContext ?? 'request'}: ${fe.message}`, field: field || undefined });
    }
    if (isDatabaseOutage(err)) {
      req.log.error(err);
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return send(503, { code: 'database-unavailable', message: `the database is not reachable right now; try again in ${RETRY_AFTER_SECONDS} seconds` });
    }
    if (fe.statusCode && fe.statusCode < 500) {
      // Fastify's own client errors (bad JSON body, wrong content type, too large a body): their messages name no internals.
      return send(fe.statusCode, { code: (fe.code ?? 'bad-request').toLowerCase().replace(/^fst_err_/, '').replace(/_/g, '-'), message: fe.message });
    }
    req.log.error(err);
    // Never the error's own message: a driver's message may carry SQL or the plan's text.
    if (!app.log.level || app.log.level === 'silent') process.stderr.write(`PlanAtlas: internal error on ${req.method} ${req.url.split('?')[0]}: ${err.stack ?? err.message}\n`);
    return send(500, { code: 'internal', message: `internal error on ${req.method} ${req.url.split('?')[0]}; the server log has the details` });
  });
}
