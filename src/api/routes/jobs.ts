import type { Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { getJobStatus, type JobLookup } from '../../ingest/index.js';
import { HttpError } from '../http-error.js';
import { ErrorResponseSchema } from '../schemas/common.js';
import { JobParamsSchema, JobStatusSchema } from '../schemas/job.js';

/** GET /v1/jobs/:id: where a submitted document is in the pipeline. */
export function jobsRoutes(queue: JobLookup): FastifyPluginAsync {
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
  };
}
