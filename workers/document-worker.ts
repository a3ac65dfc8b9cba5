import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'bullmq';
import type { Config } from '../src/config/index.js';
import {
  CompanyMirror,
  createNeo4jDriver,
  ensureGraphSchema,
  graphCompanySource,
  warmUpGraphWrites,
  writeDocumentsGraph,
} from '../src/graph/index.js';
import type { GraphDocument } from '../src/link/graph-document.js';
import type { Logger } from '../src/log/logger.js';
import { DOCUMENTS_QUEUE, listenForCancellations, redisConnectionOptions } from '../src/queue/index.js';
import { GraphBatcher } from './graph-batcher.js';
import { CANCELLED_BY_ADMIN, createProcessorPool, limitedSandbox } from './limited-sandbox.js';
import { ReadSlots } from './read-slots.js';
import { afterWrites, readThenWrite } from './read-then-write.js';

const processorFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'document-processor.js');

/**
 * Starts a document worker: run as many as you like, on as many hosts as you like, against one Redis
 * and one Neo4j. BullMQ hands each job to one worker; graph writes are transactions on constrained keys,
 * shared by the documents the worker read while the previous one was written; a job whose worker dies is
 * picked up again once its lock expires.
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
  // The graph's companies in this process, for the processors' linking (GAZETTEER_REFRESH_SECONDS=0:
  // each processor queries the graph instead).
  const mirror =
    config.gazetteerRefreshSeconds > 0
      ? new CompanyMirror(graphCompanySource(driver, config.neo4jDatabase), {
          refreshMs: config.gazetteerRefreshSeconds * 1000,
          onRefreshError: (error) =>
            log.warn(
              { err: error },
              'reading companies from the graph failed; answering from those read before',
            ),
        })
      : undefined;
  mirror
    ?.load()
    .catch((error: unknown) =>
      log.warn({ err: error }, 'reading companies from the graph failed; the first lookup reads them again'),
    );
  mirror?.start();
  // Child processes (not threads): each keeps its own model session loaded between jobs.
  const pool = createProcessorPool(limits, mirror !== undefined);
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
      const summaries = await writeDocumentsGraph(driver, config.neo4jDatabase, docs);
      // Before the jobs complete, so the next document's linking sees what these wrote.
      mirror?.noteWritten(writtenCompanyKeys(docs));
      return summaries;
    },
    {
      maxDocuments: config.graphBatchDocuments,
      maxWaitMs: config.graphBatchWaitMs,
    },
  );
  // WORKER_CONCURRENCY documents are read at once; the worker holds WORKER_WRITE_AHEAD jobs more, read
  // documents waiting for (or in) their graph write and the next ones waiting for a slot, so reading goes
  // on while the graph is written and the documents read meanwhile share the next transaction.
  const slots = new ReadSlots(config.workerConcurrency);
  // Reading ahead, a document's linking waits for those read before it to be written (as when they took
  // turns); without it, lookups are answered at once, as they always were.
  const lookups = mirror && config.workerWriteAhead > 0 ? afterWrites(mirror, batcher) : mirror;
  const processor = readThenWrite(limitedSandbox(processorFile, pool, limits, lookups), slots, batcher, log);
  const worker = new Worker(DOCUMENTS_QUEUE, processor, {
    connection: redisConnectionOptions(config.redisUrl, 'worker'),
    prefix: config.queuePrefix,
    concurrency: config.workerConcurrency + config.workerWriteAhead,
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
    mirror?.stop();
    void stopListening();
    void pool.clean();
    void driver.close();
  });
  await worker.waitUntilReady();
  log.info(
    {
      concurrency: config.workerConcurrency,
      writeAhead: config.workerWriteAhead,
      pid: process.pid,
      prefix: config.queuePrefix,
    },
    'worker ready',
  );
  return worker;
}

/** The companies a commit may have created or taught a name, a code or a short name. */
function writtenCompanyKeys(docs: readonly GraphDocument[]): string[] {
  return docs.flatMap((d) => d.entities.filter((e) => e.label === 'Company').map((e) => e.key));
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
