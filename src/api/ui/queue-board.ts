import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { pageHeaders } from './page-headers.js';

export const QUEUE_BOARD_PATH = '/admin';

/**
 * The board can retry and remove jobs, so the shared page policy (no framing by other sites, own scripts
 * only) matters here most. Its page links its fonts from Google Fonts (offline it falls back to local ones).
 */
const BOARD_HEADERS = pageHeaders({
  'style-src': "'self' 'unsafe-inline' https://fonts.googleapis.com",
  'font-src': "'self' https://fonts.gstatic.com",
});

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
  void app.register(
    async (board) => {
      board.addHook('onSend', async (_request, reply) => {
        reply.headers(BOARD_HEADERS);
      });
      await board.register(adapter.registerPlugin());
    },
    { prefix: QUEUE_BOARD_PATH },
  );
}
