import type { Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { type GraphReader, runUserCypher } from '../../graph/queries/index.js';
import { graphCall } from '../graph-errors.js';
import { CypherBodySchema, CypherResponseSchema } from '../schemas/graph.js';
import { errorResponses } from './graph-route-options.js';

export interface CypherLimits {
  timeoutMs: number;
  maxRows: number;
}

/** POST /v1/cypher: read-only Cypher for power users, with a deadline and a row cap. */
export function cypherRoutes(reader: GraphReader, limits: CypherLimits): FastifyPluginAsync {
  return async (app) => {
    app.post<{ Body: Static<typeof CypherBodySchema> }>(
      '/v1/cypher',
      {
        config: { access: 'read' },
        schema: {
          tags: ['graph'],
          description:
            'Runs a read-only Cypher query: read clauses and the listed db.* procedures only; anything else is refused.',
          body: CypherBodySchema,
          response: { 200: CypherResponseSchema, ...errorResponses(400, 422, 504) },
        },
      },
      async (request) =>
        graphCall(() => runUserCypher(reader, request.body.query, request.body.params ?? {}, limits)),
    );
  };
}
