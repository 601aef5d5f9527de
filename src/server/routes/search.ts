// Routes of /api — to be filled in (see src/server/README.md for the API plan).
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context';

export function searchRoutes(ctx: AppContext): FastifyPluginAsync {
  void ctx;
  return async () => {};
}
