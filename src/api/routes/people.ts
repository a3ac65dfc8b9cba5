import type { Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { type GraphReader, getPersonProfile } from '../../graph/queries/index.js';
import { splitPerson } from '../../graph/split-person.js';
import { graphCall } from '../graph-errors.js';
import { HttpError } from '../http-error.js';
import {
  KeyParamsSchema,
  PersonProfileSchema,
  PersonSplitBodySchema,
  SplitResultSchema,
} from '../schemas/graph.js';
import { errorResponses } from './graph-route-options.js';

const noPerson = (key: string) => new HttpError(404, 'not_found', `no person with key ${key}`);

/**
 * GET /v1/people/:key: a person with their company and positions over time; POST
 * /v1/admin/people/:key/split (admin): one document's namesake taken out of a merged person.
 */
export function peopleRoutes(reader: GraphReader): FastifyPluginAsync {
  return async (app) => {
    // No access named: /v1/ routes without one need an admin key.
    app.post<{ Params: Static<typeof KeyParamsSchema>; Body: Static<typeof PersonSplitBodySchema> }>(
      '/v1/admin/people/:key/split',
      {
        schema: {
          tags: ['graph'],
          description:
            'Undoes a wrong merge of a person: what `document` linked to the person moves to a person of that name known within that document alone, which keeps `reason`; reprocessing the document keeps them apart.',
          params: KeyParamsSchema,
          body: PersonSplitBodySchema,
          response: { 200: SplitResultSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => {
        const { key } = request.params;
        const { document, reason } = request.body;
        const result = await graphCall(() =>
          splitPerson(reader.driver, reader.database, key, document, reason),
        );
        if (!result) throw noPerson(key);
        return result;
      },
    );

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
        if (!profile) throw noPerson(request.params.key);
        return profile;
      },
    );
  };
}
