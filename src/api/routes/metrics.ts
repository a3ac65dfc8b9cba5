import type { FastifyPluginAsync } from 'fastify';
import type { ApiMetrics } from '../metrics.js';

/** GET /metrics: Prometheus text exposition. */
export function metricsRoutes(metrics: ApiMetrics): FastifyPluginAsync {
  return async (app) => {
    app.get('/metrics', async (_request, reply) => {
      const text = await metrics.render();
      return reply.type(metrics.contentType).send(text);
    });
  };
}
