import type { Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { type EntityLabelName, type GraphReader, getNeighbourhood } from '../../graph/queries/index.js';
import { graphCall } from '../graph-errors.js';
import { HttpError } from '../http-error.js';
import { queryIntegers } from '../query-integers.js';
import {
  NeighbourhoodParamsSchema,
  NeighbourhoodQuerySchema,
  NeighbourhoodSchema,
} from '../schemas/graph.js';
import { errorResponses } from './graph-route-options.js';

/** GET /v1/entities/:label/:key/neighbourhood: what lies within 1–3 hops, as nodes and edges. */
export function neighbourhoodRoutes(reader: GraphReader): FastifyPluginAsync {
  return async (app) => {
    app.get<{
      Params: Static<typeof NeighbourhoodParamsSchema>;
      Querystring: Static<typeof NeighbourhoodQuerySchema>;
    }>(
      '/v1/entities/:label/:key/neighbourhood',
      {
        config: { access: 'read' },
        preValidation: queryIntegers(NeighbourhoodQuerySchema),
        schema: {
          tags: ['graph'],
          params: NeighbourhoodParamsSchema,
          querystring: NeighbourhoodQuerySchema,
          response: { 200: NeighbourhoodSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => {
        const { label, key } = request.params;
        const result = await graphCall(() =>
          getNeighbourhood(reader, label as EntityLabelName, key, {
            hops: request.query.hops ?? 1,
            maxNodes: request.query.limit ?? 100,
          }),
        );
        if (!result) throw new HttpError(404, 'not_found', `no ${label} with key ${key}`);
        return result;
      },
    );
  };
}
