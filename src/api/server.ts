import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { QueueEvents } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { type Config, loadConfig, projectRoot } from '../config/index.js';
import { createNeo4jDriver } from '../graph/neo4j-driver.js';
import { createLogger } from '../log/logger.js';
import {
  createDocumentQueue,
  DOCUMENTS_QUEUE,
  redisConnectionOptions,
  requestCancellation,
} from '../queue/index.js';
import { FilesystemDocumentStore } from '../store/index.js';
import { buildApp } from './app.js';
import { loadKeyRing } from './auth/auth-setup.js';
import { SessionStore } from './auth/session-store.js';
import { RenderSlots } from './render-slots.js';
import { DEFAULT_PAGE_IMAGE_SLOTS } from './routes/page-images.js';
import { dashboardBuildDir } from './ui/dashboard-files.js';

/**
 * How long the API retries a graph read while Neo4j is unreachable before answering 503; the driver's
 * own default (30 s) would hold every request that long.
 */
export const GRAPH_RETRY_MS = 3000;

export interface ServerOptions {
  /** Include Neo4j in /readyz (default true: without the graph, submitted work cannot finish). */
  checkNeo4j?: boolean;
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  /** Stops taking requests, lets the ones in flight finish, then closes Redis and Neo4j connections. */
  close(): Promise<void>;
}

export async function startServer(config: Config, options: ServerOptions = {}): Promise<RunningServer> {
  const logger = createLogger(config, 'finkg-api');
  // First, so a server that may not start opens no connections.
  const keys = await loadKeyRing(config, logger);
  const queue = createDocumentQueue(config);
  // A blocking reader of its own, waiting out Redis outages like a worker does.
  const events = new QueueEvents(DOCUMENTS_QUEUE, {
    connection: redisConnectionOptions(config.redisUrl, 'worker'),
    prefix: config.queuePrefix,
  });
  // Without listeners, connection errors would crash the process; they show in /readyz instead.
  queue.on('error', (err) => logger.warn({ err }, 'queue connection error'));
  events.on('error', (err) => logger.warn({ err }, 'queue events connection error'));

  const sessions =
    keys &&
    SessionStore.open(config.redisUrl, keys, {
      prefix: config.queuePrefix,
      ttlSeconds: config.sessionTtlSeconds,
      timeoutMs: 5000,
    });
  const withGraph = options.checkNeo4j !== false;
  const driver = withGraph ? createNeo4jDriver(config, { retryForMs: GRAPH_RETRY_MS }) : undefined;
  const cypherDriver = withGraph
    ? createNeo4jDriver(config, { retryForMs: GRAPH_RETRY_MS, losslessIntegers: true })
    : undefined;
  const app = buildApp({
    queue,
    store: new FilesystemDocumentStore(path.join(config.dataDir, 'documents')),
    maxDocumentBytes: config.maxDocumentBytes,
    queueEvents: events,
    adminQueues: [queue],
    cancelJob: (jobId) => requestCancellation(config.redisUrl, config.queuePrefix, jobId),
    dashboardDir: dashboardBuildDir(projectRoot),
    pageImageSlots: new RenderSlots({ ...DEFAULT_PAGE_IMAGE_SLOTS, size: config.pageImageRenders }),
    processMetrics: true,
    logger,
    ...(keys && sessions ? { auth: { keys, sessions } } : {}),
    ...(driver && cypherDriver
      ? {
          checkNeo4j: async () => void (await driver.verifyConnectivity()),
          graph: { driver, cypherDriver, database: config.neo4jDatabase },
        }
      : {}),
  });

  const close = async () => {
    await app.close();
    await Promise.allSettled([
      events.close(),
      queue.close(),
      driver?.close(),
      cypherDriver?.close(),
      sessions?.close(),
    ]);
  };
  try {
    const url = await app.listen({ host: config.host, port: config.port });
    return { app, url, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Runs until SIGTERM or SIGINT, then closes cleanly; a second signal exits at once. */
export async function runServer(config: Config, options: ServerOptions = {}): Promise<RunningServer> {
  const server = await startServer(config, options);
  const stop = (signal: NodeJS.Signals) => {
    server.app.log.info({ signal }, 'shutting down');
    process.once(signal, () => process.exit(1));
    server.close().then(
      () => {
        process.exitCode ??= 0;
      },
      (err: unknown) => {
        server.app.log.error({ err }, 'shutdown failed');
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  return server;
}

// `node dist/src/api/server.js` runs the API without the CLI.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runServer(loadConfig()).catch((error: unknown) => {
    console.error(`finkg-api: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
