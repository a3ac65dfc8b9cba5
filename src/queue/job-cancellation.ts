import { Redis } from 'ioredis';
import { DOCUMENTS_QUEUE } from './document-queue.js';
import { redisConnectionOptions } from './redis-connection.js';

/**
 * An active job belongs to the worker that holds its lock, on any host, so a cancellation is broadcast
 * on a Redis channel of the queue: every worker hears it and the one running the job stops it.
 */
export function cancellationChannel(queuePrefix: string): string {
  return `${queuePrefix}:${DOCUMENTS_QUEUE}:cancel`;
}

/** Asks the workers to stop a job; resolves to how many workers heard (0: none is listening). */
export async function requestCancellation(
  redisUrl: string,
  queuePrefix: string,
  jobId: string,
): Promise<number> {
  const client = new Redis({ ...redisConnectionOptions(redisUrl, 'producer'), lazyConnect: true });
  try {
    // A producer connection sends nothing before it is connected (no offline queue).
    await client.connect();
    return await client.publish(cancellationChannel(queuePrefix), jobId);
  } finally {
    client.disconnect();
  }
}

/** Calls `onCancel` with each job id an admin cancels until the returned function is called. */
export async function listenForCancellations(
  redisUrl: string,
  queuePrefix: string,
  onCancel: (jobId: string) => void,
): Promise<() => Promise<void>> {
  const subscriber = new Redis(redisConnectionOptions(redisUrl, 'worker'));
  const channel = cancellationChannel(queuePrefix);
  subscriber.on('message', (from: string, jobId: string) => {
    if (from === channel) onCancel(jobId);
  });
  // Connection errors are retried by ioredis; the worker's own connection reports them.
  subscriber.on('error', () => {});
  await subscriber.subscribe(channel);
  return async () => {
    subscriber.disconnect();
  };
}
