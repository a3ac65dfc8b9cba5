import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';

export const QUEUE_BOARD_PATH = '/admin';

/**
 * The board can retry and remove jobs, so no other site may frame it (clickjacking), and its page runs only
 * its own scripts. Inline styles are its loading screen and React style props; the fonts are the ones its
 * page links from Google Fonts (without network access it falls back to local fonts).
 */
const BOARD_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline' https://fonts.googleapis.com; " +
    "font-src 'self' https://fonts.gstatic.com; img-src 'self' data:; connect-src 'self'; object-src 'none'; " +
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

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
