import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import {
  getJobStatus,
  type JobEvents,
  type JobLookup,
  type JobStatus,
  readProgress,
} from '../../ingest/index.js';

const StreamQuerySchema = Type.Object(
  {
    ids: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9:_-]{1,128}(,[A-Za-z0-9:_-]{1,128}){0,99}$',
        description: 'comma-separated job ids (at most 100); without it, every job of the queue',
      }),
    ),
  },
  { additionalProperties: false },
);

const HEARTBEAT_MS = 15_000;

/**
 * GET /v1/jobs/stream: Server-Sent Events, one `job` event (a job status) per change, fed by BullMQ's
 * QueueEvents, so it reports jobs whichever worker process or host runs them. Named jobs are sent
 * once as they stand on connect, so a client that subscribes late misses nothing.
 */
export function jobStreamRoutes(queue: JobLookup, events: JobEvents): FastifyPluginAsync {
  return async (app) => {
    // One set of QueueEvents listeners for all streams (not three per stream, which would pile up
    // on the emitter); each open stream is a subscriber.
    const subscribers = new Set<Subscriber>();
    const onProgress = ({ jobId, data }: { jobId: string; data: unknown }) => {
      const { stage, percent } = readProgress(data as Parameters<typeof readProgress>[0]);
      const update = { id: jobId, state: 'active', ...(stage ? { stage } : {}), progress: percent ?? 0 };
      for (const s of subscribers) if (s.wants(jobId)) s.send(update);
    };
    // A finished job is read back whole (result summary or failure reason), once for all streams.
    const onFinished = async ({ jobId }: { jobId: string }) => {
      const watching = [...subscribers].filter((s) => s.wants(jobId));
      if (watching.length === 0) return;
      const status = await getJobStatus(queue, jobId).catch(() => undefined);
      if (status) for (const s of watching) s.send(status);
    };
    events.on('progress', onProgress);
    events.on('completed', onFinished);
    events.on('failed', onFinished);
    // Open streams never go idle, so the server could not close while one is open: end them first.
    app.addHook('preClose', async () => {
      for (const s of subscribers) s.end();
    });
    app.addHook('onClose', async () => {
      events.off('progress', onProgress);
      events.off('completed', onFinished);
      events.off('failed', onFinished);
    });

    app.get<{ Querystring: Static<typeof StreamQuerySchema> }>(
      '/v1/jobs/stream',
      {
        config: { access: 'read' },
        schema: {
          tags: ['jobs'],
          querystring: StreamQuerySchema,
          response: { 200: { description: 'text/event-stream of `job` events', type: 'string' } },
        },
      },
      async (request, reply) => {
        const wanted = request.query.ids ? new Set(request.query.ids.split(',')) : undefined;
        const raw = reply.hijack().raw;
        raw.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
          // Proxies such as nginx would otherwise buffer the stream.
          'x-accel-buffering': 'no',
        });
        let closed = false;
        const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
        const stop = () => {
          closed = true;
          clearInterval(heartbeat);
          subscribers.delete(subscriber);
        };
        const subscriber: Subscriber = {
          wants: (jobId) => !wanted || wanted.has(jobId),
          send(status) {
            if (!closed) raw.write(`event: job\ndata: ${JSON.stringify(status)}\n\n`);
          },
          end() {
            stop();
            raw.end();
          },
        };
        subscribers.add(subscriber);
        raw.on('close', stop);
        raw.write('retry: 3000\n\n');
        for (const id of wanted ?? []) {
          const status = await getJobStatus(queue, id).catch(() => undefined);
          if (status) subscriber.send(status);
        }
      },
    );
  };
}

interface Subscriber {
  wants(jobId: string): boolean;
  send(status: Partial<JobStatus> & { id: string }): void;
  end(): void;
}
