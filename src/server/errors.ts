// HTTP errors: every error the API returns is JSON { error: { code, message, field? } }.
// The message says which file, field or parameter is wrong and what to do.
import type { FastifyError, FastifyInstance } from 'fastify';
import { FieldError } from '../core/finding-fields';
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
  error: { code: string; message: string; field?: string; file?: string };
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | Error, req, reply) => {
    if (err instanceof HttpError) {
      return reply.status(err.status).send({ error: { code: err.code, message: err.message, field: err.field } } satisfies ErrorBody);
    }
    if (err instanceof IngestError) {
      const status = err.code === 'too-large' ? 413 : 422;
      return reply.status(status).send({ error: { code: err.code, message: err.message, file: err.fileName } } satisfies ErrorBody);
    }
    if (err instanceof FieldError) {
      return reply.status(400).send({ error: { code: 'invalid-field', message: err.message } } satisfies ErrorBody);
    }
    const fe = err as FastifyError;
    if (fe.validation) {
      return reply.status(400).send({ error: { code: 'invalid-request', message: `${fe.validationContext ?? 'request'}: ${fe.message}` } });
    }
    if (fe.statusCode && fe.statusCode < 500) {
      return reply.status(fe.statusCode).send({ error: { code: fe.code ?? 'bad-request', message: fe.message } });
    }
    req.log.error(err);
    return reply.status(500).send({ error: { code: 'internal', message: `internal error: ${err.message}` } });
  });
}
