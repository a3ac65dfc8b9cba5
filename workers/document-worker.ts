import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'bullmq';
import type { Config } from '../src/config/index.js';
import { createNeo4jDriver, ensureGraphSchema } from '../src/graph/index.js';
import type { Logger } from '../src/log/logger.js';
import { DOCUMENTS_QUEUE, listenForCancellations, redisConnectionOptions } from '../src/queue/index.js';
import { CANCELLED_BY_ADMIN, createProcessorPool, limitedSandbox } from './limited-sandbox.js';

const processorFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'document-processor.js');

/**
 * Starts a document worker: run as many as you like, on as many hosts as you like, against one Redis
 * and one Neo4j. BullMQ hands each job to one worker; graph writes are per-document transactions on
 * constrained keys; a job whose worker dies is picked up again once its lock expires.
 */
export async function startDocumentWorker(config: Config, log: Logger): Promise<Worker> {
  const driver = createNeo4jDriver(config);
  try {
    await ensureGraphSchema(driver, config.neo4jDatabase);
  } finally {
    await driver.close();
  }

  const limits = { readSeconds: config.documentReadSeconds, memoryMb: config.documentMemoryMb };
  // Child processes (not threads): each keeps its own model session loaded between jobs.
  const pool = createProcessorPool(limits);
  const worker = new Worker(DOCUMENTS_QUEUE, limitedSandbox(processorFile, pool, limits), {
    connection: redisConnectionOptions(config.redisUrl, 'worker'),
    prefix: config.queuePrefix,
    concurrency: config.workerConcurrency,
    lockDuration: config.jobLockSeconds * 1000,
    stalledInterval: Math.max(1000, (config.jobLockSeconds * 1000) / 4),
    maxStalledCount: 2,
  });
  worker.on('completed', (job) =>
    log.info({ jobId: job.id, documentId: job.data.documentId }, 'job completed'),
  );
  worker.on('failed', (job, error) =>
    log.warn(
      {
        jobId: job?.id,
        documentId: job?.data.documentId,
        attemptsMade: job?.attemptsMade,
        err: error.message,
      },
      'job failed',
    ),
  );
  worker.on('error', (error) => log.error({ err: error.message }, 'worker error'));
  const stopListening = await listenForCancellations(config.redisUrl, config.queuePrefix, (jobId) => {
    if (worker.cancelJob(jobId, CANCELLED_BY_ADMIN)) log.warn({ jobId }, 'job cancelled by admin');
  });
  // The processors are this worker's to stop, once the jobs in hand are done.
  worker.on('closed', () => {
    void stopListening();
    void pool.clean();
  });
  await worker.waitUntilReady();
  log.info(
    { concurrency: config.workerConcurrency, pid: process.pid, prefix: config.queuePrefix },
    'worker ready',
  );
  return worker;
}

/** SIGTERM/SIGINT: finish the jobs in hand, then exit. A job cut short by SIGKILL is recovered as stalled. */
export function closeOnSignals(worker: Worker, log: Logger): void {
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'closing: finishing the current jobs');
    await worker.close();
    log.info('closed');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
