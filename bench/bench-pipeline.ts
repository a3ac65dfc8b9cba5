/**
 * What the whole-pipeline benchmarks share: their servers (the TEST_REDIS_URL / TEST_NEO4J_URI ones when
 * set, else a Redis and a Neo4j started under .data/bench-runs and stopped afterwards), and a queue of
 * their own with worker processes consuming it, all stopped and emptied when the body ends.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { QueueEvents } from 'bullmq';
import { type Config, projectRoot } from '../src/config/index.js';
import type { SubmitDeps } from '../src/ingest/index.js';
import { createDocumentQueue, DOCUMENTS_QUEUE, redisConnectionOptions } from '../src/queue/index.js';
import {
  ensureServicesUsable,
  scratchConfig,
  startWorkerProcess,
  stopWorkerProcess,
  withScratchServices,
} from '../src/services/index.js';
import { FilesystemDocumentStore } from '../src/store/index.js';

export const BENCH_RUNS_DIR = path.join(projectRoot, '.data', 'bench-runs');

/** Worker limits for real traffic: annual reports and a 381-page plan need more than a shared worker's. */
export const LARGE_DOCUMENTS = {
  DOCUMENT_READ_SECONDS: '3600',
  MAX_DOCUMENT_PAGES: '2000',
  DOCUMENT_MEMORY_MB: '4096',
};

/** Runs `body` on the TEST_* servers when both are set (started where nothing listens), else on scratch ones. */
export async function withBenchServices<T>(body: (config: Config) => Promise<T>): Promise<T> {
  const env = process.env;
  if (!env.TEST_REDIS_URL || !env.TEST_NEO4J_URI) return withScratchServices(BENCH_RUNS_DIR, body);
  const config = scratchConfig({
    redisUrl: env.TEST_REDIS_URL,
    neo4jUri: env.TEST_NEO4J_URI,
    neo4jPassword: env.TEST_NEO4J_PASSWORD ?? 'finkg-test-password',
    dataDir: env.TEST_DATA_DIR ?? path.join(projectRoot, '.data', 'test'),
  });
  await ensureServicesUsable(config);
  return body(config);
}

export interface BenchQueue {
  config: Config;
  queue: ReturnType<typeof createDocumentQueue>;
  events: QueueEvents;
  /** What submitDocument / submitText need, with `maxDocumentBytes` as given. */
  submit: SubmitDeps;
}

/**
 * Runs `body` with a queue of its own (a fresh prefix on `config`'s Redis) and `workers` worker processes
 * consuming it (`workerEnv` added to their environment), once all of them are connected.
 */
export async function withBenchQueue<T>(
  config: Config,
  {
    workers,
    maxDocumentBytes,
    workerEnv = {},
  }: {
    workers: number;
    maxDocumentBytes: number;
    workerEnv?: Record<string, string>;
  },
  body: (bench: BenchQueue) => Promise<T>,
): Promise<T> {
  const own = { ...config, queuePrefix: `bench-${randomUUID().slice(0, 8)}` };
  const queue = createDocumentQueue(own);
  const events = new QueueEvents(DOCUMENTS_QUEUE, {
    connection: redisConnectionOptions(own.redisUrl, 'worker'),
    prefix: own.queuePrefix,
  });
  await events.waitUntilReady();
  const processes = Array.from({ length: workers }, () => startWorkerProcess(own, workerEnv));
  try {
    while ((await queue.getWorkers()).length < workers) await new Promise((r) => setTimeout(r, 200));
    const store = new FilesystemDocumentStore(`${own.dataDir}/documents`);
    return await body({ config: own, queue, events, submit: { queue, store, maxDocumentBytes } });
  } finally {
    await Promise.all(processes.map((p) => stopWorkerProcess(p)));
    await queue.obliterate({ force: true });
    await Promise.allSettled([events.close(), queue.close()]);
  }
}
