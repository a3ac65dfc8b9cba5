import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Job, type Processor, UnrecoverableError, Worker } from 'bullmq';
import type { Config } from '../src/config/index.js';
import {
  createNeo4jDriver,
  ensureGraphSchema,
  warmUpGraphWrites,
  writeDocumentsGraph,
} from '../src/graph/index.js';
import type { Logger } from '../src/log/logger.js';
import {
  asJobFailure,
  DOCUMENTS_QUEUE,
  listenForCancellations,
  redisConnectionOptions,
} from '../src/queue/index.js';
import type { DocumentJobResult, ReadJobResult } from './document-processor.js';
import { GraphBatcher } from './graph-batcher.js';
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
  } catch (error) {
    await driver.close();
    throw error;
  }

  const limits = { readSeconds: config.documentReadSeconds, memoryMb: config.documentMemoryMb };
  // Child processes (not threads): each keeps its own model session loaded between jobs.
  const pool = createProcessorPool(limits);
  // While the processors load their model: the first documents' writes then find their statements
  // planned (on a fresh server, seconds each). Writes wait for the statements of new documents only;
  // the rest is planned meanwhile. A failure is left to the first write to meet.
  const warmUp = warmUpGraphWrites(driver, config.neo4jDatabase);
  const warmedUp = warmUp.newDocuments.catch(() => {});
  // A failure of either step is logged once, here.
  warmUp.all.catch((error: unknown) =>
    log.warn({ err: error }, 'graph write warm-up failed; the first writes will plan their statements'),
  );
  const batcher = new GraphBatcher(
    async (docs) => {
      await warmedUp;
      return writeDocumentsGraph(driver, config.neo4jDatabase, docs);
    },
    {
      maxDocuments: config.graphBatchDocuments,
      maxWaitMs: config.graphBatchWaitMs,
    },
  );
  const processor = readThenWrite(limitedSandbox(processorFile, pool, limits), batcher, log);
  const worker = new Worker(DOCUMENTS_QUEUE, processor, {
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
    void driver.close();
  });
  await worker.waitUntilReady();
  log.info(
    { concurrency: config.workerConcurrency, pid: process.pid, prefix: config.queuePrefix },
    'worker ready',
  );
  return worker;
}

/**
 * A job: read in a sandboxed processor child, then written to the graph by this process's batcher with
 * the documents its other jobs have read meanwhile. A cancellation that comes before the write stops
 * the job; one that comes during it waits for the commit, as the write is one short transaction.
 */
function readThenWrite(read: Processor, batcher: GraphBatcher, log: Logger): Processor {
  return async (job: Job, token?: string, signal?: AbortSignal): Promise<DocumentJobResult> => {
    const { result, graph } = (await read(job, token, signal)) as ReadJobResult;
    if (signal?.aborted)
      throw new UnrecoverableError(typeof signal.reason === 'string' ? signal.reason : CANCELLED_BY_ADMIN);
    await job.updateProgress({ stage: 'graph', percent: 85 });
    const started = performance.now();
    let summary: DocumentJobResult['graph'];
    try {
      summary = await batcher.write(graph);
    } catch (error) {
      throw asJobFailure(error);
    }
    const done: DocumentJobResult = {
      ...result,
      graph: summary,
      timings: { ...result.timings, graph: Math.round(performance.now() - started) },
    };
    await job.updateProgress({ stage: 'done', percent: 100 });
    log.info(
      {
        jobId: job.id,
        documentId: done.documentId,
        result: { ...done, warnings: undefined, report: undefined },
      },
      'document processed',
    );
    return done;
  };
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
