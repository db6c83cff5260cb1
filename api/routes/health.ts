// GET /api/health: what the archive holds and which embedder built it.
import type { FastifyInstance } from 'fastify';
import type { Archive } from '../../archive/api.ts';

export function registerHealth(app: FastifyInstance, archive: Archive): void {
  app.get('/api/health', { schema: { summary: 'Status van het archief', tags: ['beheer'] } }, async () => {
    // The data folder is a server-side path: not for the outside world.
    const { dataDir: _hidden, ...health } = archive.health();
    // 'syncing': another process committed and this server has not picked it up yet (it does within a second).
    return { status: health.inStep ? 'ok' : 'syncing', ...health };
  });
}
