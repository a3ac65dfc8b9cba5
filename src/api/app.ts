import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { Queue } from 'bullmq';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';
import type { GraphReader } from '../graph/queries/index.js';
import type { JobEvents } from '../ingest/index.js';
import { CALENDAR_DATE, isCalendarDate } from '../queue/index.js';
import type { DocumentStore } from '../store/index.js';
import { accessControl, requiredRole } from './auth/access-control.js';
import type { ApiKeyRing } from './auth/key-ring.js';
import type { SessionStore } from './auth/session-store.js';
import { type ApiQueue, boundedQueue } from './bounded-queue.js';
import { handleClientError } from './client-error.js';
import { handleError } from './error-handler.js';
import { ApiMetrics, type MetricsEvents } from './metrics.js';
import { registerOpenApi } from './openapi.js';
import type { RenderSlots } from './render-slots.js';
import { companiesRoutes } from './routes/companies.js';
import { cypherRoutes } from './routes/cypher.js';
import { documentsRoutes, graphDocumentsRoutes } from './routes/documents.js';
import { eventsRoutes } from './routes/events.js';
import { healthRoutes } from './routes/health.js';
import { jobStreamRoutes } from './routes/job-stream.js';
import { type CancelJob, jobsRoutes } from './routes/jobs.js';
import { metricsRoutes } from './routes/metrics.js';
import { neighbourhoodRoutes } from './routes/neighbourhood.js';
import { pageImageRoutes } from './routes/page-images.js';
import { peopleRoutes } from './routes/people.js';
import { searchRoutes } from './routes/search.js';
import { sessionRoutes } from './routes/session.js';
import { registerDashboard, sendDashboardPage, wantsDashboardPage } from './ui/dashboard-files.js';
import { registerQueueBoard } from './ui/queue-board.js';
import { describeSchemaErrors, type SchemaError } from './validation-message.js';

export interface ApiDeps {
  queue: ApiQueue;
  store: DocumentStore;
  maxDocumentBytes: number;
  /** QueueEvents of the documents queue: completion counters, stage histograms and /v1/jobs/stream. */
  queueEvents?: MetricsEvents & JobEvents;
  /** Add the process metrics (CPU, memory, event loop) to /metrics; off in tests. */
  processMetrics?: boolean;
  /** Added to /readyz when given (the server passes a Neo4j connectivity check). */
  checkNeo4j?: () => Promise<void>;
  /** Deadline of each queue call before the API answers 503 (default 5 s). */
  queueTimeoutMs?: number;
  /** Pino logger for requests; none when absent (tests). */
  logger?: FastifyBaseLogger;
  /**
   * API keys to check and the sessions of signed-in browsers; without them every route is open (the
   * server allows that on loopback only).
   */
  auth?: { keys: ApiKeyRing; sessions: SessionStore };
  /** Requests per key (per client address without one) per window on /v1/ routes; default 600 a minute. */
  rateLimit?: { max: number; timeWindowMs: number };
  /**
   * The graph to query; the graph routes and /v1/cypher exist only when given. /v1/cypher reads through
   * `cypherDriver` when given: one made with lossless integers, so values past 2^53 stay exact.
   */
  graph?: GraphReader & { cypherDriver?: Driver; cypherTimeoutMs?: number; cypherMaxRows?: number };
  /** Bounds the page renders of GET /v1/documents/:id/pages/:page/image (default: 2 at once). */
  pageImageSlots?: RenderSlots;
  /** The dashboard's built files, served at /; no dashboard when absent. */
  dashboardDir?: string;
  /** Stops an active job (POST /v1/jobs/:id/cancel); no such route when absent. */
  cancelJob?: CancelJob;
  /** Queues shown on the admin board at /admin; no board when absent. */
  adminQueues?: readonly Queue[];
}

export function buildApp(deps: ApiDeps): FastifyInstance {
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    ajv: {
      // Unknown fields are an error to report, not something to drop silently; no type coercion.
      customOptions: {
        removeAdditional: false,
        coerceTypes: false,
        allErrors: true,
        formats: { [CALENDAR_DATE]: isCalendarDate },
      },
    },
    clientErrorHandler: handleClientError,
    schemaErrorFormatter: (errors, dataVar) =>
      new Error(describeSchemaErrors(errors as unknown as SchemaError[], dataVar)),
  });
  app.setErrorHandler(handleError);
  // Bodies are JSON or multipart; Fastify's built-in text/plain parser would hand routes a bare string.
  app.removeContentTypeParser('text/plain');
  app.setNotFoundHandler((request, reply) => {
    if (deps.dashboardDir && wantsDashboardPage(request)) return sendDashboardPage(reply);
    return reply
      .status(404)
      .send({ error: 'not_found', message: `no route ${request.method} ${request.url}` });
  });

  const queue = boundedQueue(deps.queue, deps.queueTimeoutMs ?? 5000);
  const metrics = new ApiMetrics(queue, { processMetrics: deps.processMetrics ?? false });
  if (deps.queueEvents) {
    const stopListening = metrics.listenTo(deps.queueEvents);
    app.addHook('onClose', async () => stopListening());
  }
  const checks: Record<string, () => Promise<void>> = {
    // A round trip through the queue itself: proves Redis answers and the queue's keys are readable.
    redis: async () => {
      await queue.getJobCounts('waiting');
    },
  };
  if (deps.checkNeo4j) checks.neo4j = deps.checkNeo4j;

  const rateLimitWindow = {
    max: deps.rateLimit?.max ?? 600,
    timeWindow: deps.rateLimit?.timeWindowMs ?? 60_000,
  };
  void app.register(rateLimit, {
    // After the key check, so requests are counted per key holder, not per claimed key.
    hook: 'preHandler',
    ...rateLimitWindow,
    keyGenerator: (request) => (request.apiKey ? `key:${request.apiKey.id}` : `ip:${request.ip}`),
    // Public /v1/ routes (sign-in) are limited too, per client address: no guessing keys at speed.
    allowList: (request) => requiredRole(request) === undefined && !request.url.startsWith('/v1/'),
  });
  const { auth } = deps;
  if (auth) {
    // Once the limiter is loaded. Wrong keys are counted per client address, as sign-ins are; the
    // per-key limit above never sees them, since a refused request stops at the key check.
    app.after(() => {
      const guesses = app.createRateLimit({
        ...rateLimitWindow,
        keyGenerator: (request) => `key-guess:${request.ip}`,
        allowList: () => false,
      });
      app.addHook('onRequest', accessControl({ ring: auth.keys, sessions: auth.sessions, guesses }));
    });
  }
  registerOpenApi(app);

  void app.register(multipart);
  void app.register(healthRoutes({ checks }));
  void app.register(metricsRoutes(metrics));
  void app.register(sessionRoutes(auth));
  void app.register(jobsRoutes(queue, deps.cancelJob));
  if (deps.queueEvents) void app.register(jobStreamRoutes(queue, deps.queueEvents));
  void app.register(
    documentsRoutes({ queue, store: deps.store, maxDocumentBytes: deps.maxDocumentBytes }, () =>
      queue.getWorkersCount(),
    ),
  );
  if (deps.graph) {
    const reader = deps.graph;
    for (const routes of [
      searchRoutes,
      companiesRoutes,
      eventsRoutes,
      neighbourhoodRoutes,
      peopleRoutes,
      graphDocumentsRoutes,
    ])
      void app.register(routes(reader));
    void app.register(pageImageRoutes(reader, deps.store, deps.pageImageSlots));
    void app.register(
      cypherRoutes(
        { ...reader, driver: reader.cypherDriver ?? reader.driver },
        {
          timeoutMs: reader.cypherTimeoutMs ?? 10_000,
          maxRows: reader.cypherMaxRows ?? 1000,
        },
      ),
    );
  }
  if (deps.adminQueues) registerQueueBoard(app, deps.adminQueues);
  if (deps.dashboardDir) registerDashboard(app, deps.dashboardDir);
  return app;
}
