import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';

export const QUEUE_BOARD_PATH = '/admin';

/**
 * Bull Board at /admin: waiting, active, failed and completed jobs; retry, promote or remove them.
 * Access control treats every /admin URL as admin only (see requiredRole).
 */
export function registerQueueBoard(app: FastifyInstance, queues: readonly Queue[]): void {
  const adapter = new FastifyAdapter();
  adapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue)),
    serverAdapter: adapter,
    options: { uiConfig: { boardTitle: 'finkg queues' } },
  });
  void app.register(adapter.registerPlugin(), { prefix: QUEUE_BOARD_PATH });
}
