import type { Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { type GraphReader, getPersonProfile } from '../../graph/queries/index.js';
import { graphCall } from '../graph-errors.js';
import { HttpError } from '../http-error.js';
import { KeyParamsSchema, PersonProfileSchema } from '../schemas/graph.js';
import { errorResponses } from './graph-route-options.js';

/** GET /v1/people/:key: a person with their company and positions over time. */
export function peopleRoutes(reader: GraphReader): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: Static<typeof KeyParamsSchema> }>(
      '/v1/people/:key',
      {
        config: { access: 'read' },
        schema: {
          tags: ['graph'],
          description:
            'A person (name@company key), the company that tells them from namesakes, and each position a document stated for them with its date, change and source.',
          params: KeyParamsSchema,
          response: { 200: PersonProfileSchema, ...errorResponses(404) },
        },
      },
      async (request) => {
        const profile = await graphCall(() => getPersonProfile(reader, request.params.key));
        if (!profile) throw new HttpError(404, 'not_found', `no person with key ${request.params.key}`);
        return profile;
      },
    );
  };
}
