import type { Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { type GraphReader, getDocumentDetail, listDocuments } from '../../graph/queries/index.js';
import { graphCall } from '../graph-errors.js';
import { HttpError } from '../http-error.js';
import { queryIntegers } from '../query-integers.js';
import {
  DocumentDetailSchema,
  DocumentPageSchema,
  DocumentsQuerySchema,
  IdParamsSchema,
} from '../schemas/graph.js';
import { errorResponses } from './graph-route-options.js';

/** GET /v1/documents (processed documents, newest first) and GET /v1/documents/:id. */
export function graphDocumentsRoutes(reader: GraphReader): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: Static<typeof DocumentsQuerySchema> }>(
      '/v1/documents',
      {
        config: { access: 'read' },
        preValidation: queryIntegers(DocumentsQuerySchema),
        schema: {
          tags: ['graph'],
          querystring: DocumentsQuerySchema,
          response: { 200: DocumentPageSchema, ...errorResponses(400) },
        },
      },
      async (request) => {
        const q = request.query;
        return graphCall(() =>
          listDocuments(reader, {
            kind: q.kind,
            issuerKey: q.issuer,
            from: q.from,
            to: q.to,
            cursor: q.cursor,
            limit: q.limit ?? 20,
          }),
        );
      },
    );

    app.get<{ Params: Static<typeof IdParamsSchema> }>(
      '/v1/documents/:id',
      {
        config: { access: 'read' },
        schema: {
          tags: ['graph'],
          params: IdParamsSchema,
          response: { 200: DocumentDetailSchema, ...errorResponses(404) },
        },
      },
      async (request) => {
        const detail = await graphCall(() => getDocumentDetail(reader, request.params.id));
        if (!detail) throw new HttpError(404, 'not_found', `no document with id ${request.params.id}`);
        return detail;
      },
    );
  };
}
