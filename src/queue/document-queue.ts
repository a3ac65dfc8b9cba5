import { type JobsOptions, Queue } from 'bullmq';
import type { Config } from '../config/index.js';
import { redisConnectionOptions } from './redis-connection.js';

/** The one queue of the pipeline: a job is one document to parse, extract and write to the graph. */
export const DOCUMENTS_QUEUE = 'documents';

/**
 * Transient faults (Neo4j or Redis away) retry with exponential backoff: 2s, 4s, 8s … about 17 minutes
 * in all. Every other failure (see job-failures.ts) fails at once and stays in the failed set.
 */
export const documentJobOptions: JobsOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: false,
};

export function createDocumentQueue(config: Config): Queue {
  return new Queue(DOCUMENTS_QUEUE, {
    connection: redisConnectionOptions(config.redisUrl, 'producer'),
    prefix: config.queuePrefix,
    defaultJobOptions: documentJobOptions,
  });
}
