import type { Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { type EntityLabelName, type GraphReader, searchEntities } from '../../graph/queries/index.js';
import { graphCall } from '../graph-errors.js';
import { queryIntegers } from '../query-integers.js';
import { SearchQuerySchema, SearchResponseSchema } from '../schemas/graph.js';
import { errorResponses } from './graph-route-options.js';

/** GET /v1/search: companies, people and organisations by name, short name, code or part of a name. */
export function searchRoutes(reader: GraphReader): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: Static<typeof SearchQuerySchema> }>(
      '/v1/search',
      {
        config: { access: 'read' },
        preValidation: queryIntegers(SearchQuerySchema),
        schema: {
          tags: ['graph'],
          querystring: SearchQuerySchema,
          response: { 200: SearchResponseSchema, ...errorResponses(400) },
        },
      },
      async (request) => {
        const { q, label, limit = 10 } = request.query;
        const items = await graphCall(() =>
          searchEntities(reader, q, { label: label as EntityLabelName | undefined, limit }),
        );
        return { items };
      },
    );
  };
}
