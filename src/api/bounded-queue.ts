import type { Job } from 'bullmq';
import { type JobQueue, QueueUnavailableError, type WorkerCounter } from '../ingest/index.js';
import type { MetricsQueue } from './metrics.js';

/** The queue calls the API makes; a BullMQ `Queue` of the documents queue fits. */
export type ApiQueue = JobQueue &
  MetricsQueue &
  WorkerCounter & { getJob(id: string): Promise<Job | undefined> };

async function within<T>(operation: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new QueueUnavailableError(operation, ms)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The queue with a deadline on every call. BullMQ waits for Redis indefinitely when it cannot
 * connect, which would hang requests; past the deadline the API answers 503 instead. A timed-out add
 * may still land once Redis is back: a client retrying is safe, since the document is deduplicated.
 */
export function boundedQueue(queue: ApiQueue, timeoutMs: number): ApiQueue {
  return {
    add: (name, data, opts) => within('add', timeoutMs, queue.add(name, data, opts)),
    getJob: (id) => within('getJob', timeoutMs, queue.getJob(id)),
    getJobCounts: (...types) => within('getJobCounts', timeoutMs, queue.getJobCounts(...types)),
    getRanges: (types, start, end, asc) =>
      within('getRanges', timeoutMs, queue.getRanges(types, start, end, asc)),
    getWorkersCount: () => within('getWorkersCount', timeoutMs, queue.getWorkersCount()),
  };
}
