import { setTimeout as sleep } from 'node:timers/promises';
import type { Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { getJobStatus, type JobLookup } from '../../ingest/index.js';
import { HttpError } from '../http-error.js';
import { ErrorResponseSchema } from '../schemas/common.js';
import { JobParamsSchema, JobStatusSchema } from '../schemas/job.js';

/** Asks the workers to stop an active job; resolves to how many workers heard. */
export type CancelJob = (jobId: string) => Promise<number>;

/** How long a cancel request waits for the worker to stop the job and fail it. */
const CANCEL_WAIT_MS = 15_000;

/**
 * GET /v1/jobs/:id: where a submitted document is in the pipeline. POST /v1/jobs/:id/cancel (admin, when
 * `cancel` is given): stops an active job; it ends failed, "cancelled by admin", and is not retried.
 */
export function jobsRoutes(queue: JobLookup, cancel?: CancelJob): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: Static<typeof JobParamsSchema> }>(
      '/v1/jobs/:id',
      {
        config: { access: 'read' },
        schema: { params: JobParamsSchema, response: { 200: JobStatusSchema, 404: ErrorResponseSchema } },
      },
      async (request) => {
        const status = await getJobStatus(queue, request.params.id);
        if (!status) throw new HttpError(404, 'not_found', `no job with id ${request.params.id}`);
        return status;
      },
    );

    if (!cancel) return;
    app.post<{ Params: Static<typeof JobParamsSchema> }>(
      '/v1/jobs/:id/cancel',
      {
        config: { access: 'admin' },
        schema: {
          params: JobParamsSchema,
          response: {
            200: JobStatusSchema,
            404: ErrorResponseSchema,
            409: ErrorResponseSchema,
            504: ErrorResponseSchema,
          },
        },
      },
      async (request) => {
        const { id } = request.params;
        const status = await getJobStatus(queue, id);
        if (!status) throw new HttpError(404, 'not_found', `no job with id ${id}`);
        if (status.state !== 'active')
          throw new HttpError(
            409,
            'not_active',
            `job ${id} is ${status.state}; only an active job is cancelled here (remove a waiting one on /admin)`,
          );
        if ((await cancel(id)) === 0)
          throw new HttpError(409, 'no_worker', 'no worker is running, so none can stop the job');
        for (const deadline = Date.now() + CANCEL_WAIT_MS; Date.now() < deadline; await sleep(200)) {
          const now = await getJobStatus(queue, id);
          if (now && now.state !== 'active') return now;
        }
        throw new HttpError(504, 'not_stopped', `the worker did not stop job ${id} within 15 s`);
      },
    );
  };
}
