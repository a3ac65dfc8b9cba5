import type { FastifyPluginAsync } from 'fastify';
import { HealthSchema, ReadinessSchema } from '../schemas/health.js';

export interface HealthDeps {
  /** Named checks that must pass for the service to take work (redis, and neo4j when configured). */
  checks: Record<string, () => Promise<void>>;
  /** How long one check may take before it counts as failed. */
  timeoutMs?: number;
}

async function withTimeout(check: () => Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    await Promise.race([check(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** /healthz: the process answers. /readyz: its dependencies answer too (503 otherwise). */
export function healthRoutes(deps: HealthDeps): FastifyPluginAsync {
  const timeoutMs = deps.timeoutMs ?? 2000;
  return async (app) => {
    app.get('/healthz', { schema: { response: { 200: HealthSchema } } }, async () => ({
      status: 'ok' as const,
    }));

    app.get(
      '/readyz',
      { schema: { response: { 200: ReadinessSchema, 503: ReadinessSchema } } },
      async (request, reply) => {
        const names = Object.keys(deps.checks);
        const outcomes = await Promise.allSettled(
          names.map((name) => withTimeout(deps.checks[name] as () => Promise<void>, timeoutMs)),
        );
        const checks: Record<string, { ok: boolean; message?: string }> = {};
        for (const [i, outcome] of outcomes.entries()) {
          const name = names[i] as string;
          if (outcome.status === 'fulfilled') {
            checks[name] = { ok: true };
          } else {
            const message = outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason);
            request.log.warn({ check: name, err: outcome.reason }, 'readiness check failed');
            checks[name] = { ok: false, message };
          }
        }
        const ready = Object.values(checks).every((c) => c.ok);
        return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', checks });
      },
    );
  };
}
