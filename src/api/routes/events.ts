import type { Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { CompanyEventScope } from '../../graph/queries/events.js';
import { eventVocabulary, type GraphReader, getEventDetail, listEvents } from '../../graph/queries/index.js';
import { splitEvent } from '../../graph/split-event.js';
import { graphCall } from '../graph-errors.js';
import { HttpError } from '../http-error.js';
import { queryIntegers } from '../query-integers.js';
import {
  EventDetailSchema,
  EventPageSchema,
  EventSplitBodySchema,
  EventSplitResultSchema,
  eventsQuerySchema,
  IdParamsSchema,
} from '../schemas/graph.js';
import { errorResponses } from './graph-route-options.js';

/**
 * GET /v1/events (filtered, newest first, cursor pages), GET /v1/events/:id (with provenance) and POST
 * /v1/admin/events/:id/split (admin): one document's telling taken out of a cross-document event.
 */
export function eventsRoutes(reader: GraphReader): FastifyPluginAsync {
  const vocabulary = eventVocabulary();
  const querySchema = eventsQuerySchema([...vocabulary.typeNames.keys()], vocabulary.roleTypes);
  return async (app) => {
    app.get<{ Querystring: Static<typeof querySchema> }>(
      '/v1/events',
      {
        config: { access: 'read' },
        preValidation: queryIntegers(querySchema),
        schema: {
          tags: ['graph'],
          querystring: querySchema,
          response: { 200: EventPageSchema, ...errorResponses(400) },
        },
      },
      async (request) => {
        const q = request.query;
        return graphCall(() =>
          listEvents(reader, {
            type: q.type,
            companyKey: q.company,
            role: q.role,
            // The schema admits only COMPANY_EVENT_SCOPES.
            about: q.about as CompanyEventScope | undefined,
            from: q.from,
            to: q.to,
            documentKind: q.documentKind,
            cursor: q.cursor,
            limit: q.limit ?? 20,
          }),
        );
      },
    );

    // No access named: /v1/ routes without one need an admin key.
    app.post<{ Params: Static<typeof IdParamsSchema>; Body: Static<typeof EventSplitBodySchema> }>(
      '/v1/admin/events/:id/split',
      {
        schema: {
          tags: ['graph'],
          description:
            'Undoes a wrong match of events across documents: what `document` told of the event (its values, evidence and arguments) moves onto an event of its own, which keeps `reason`; reprocessing the document keeps them apart.',
          params: IdParamsSchema,
          body: EventSplitBodySchema,
          response: { 200: EventSplitResultSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => {
        const { id } = request.params;
        const { document, reason } = request.body;
        const result = await graphCall(() =>
          splitEvent(reader.driver, reader.database, id, document, reason),
        );
        if (!result) throw new HttpError(404, 'not_found', `no event with id ${id}`);
        return result;
      },
    );

    app.get<{ Params: Static<typeof IdParamsSchema> }>(
      '/v1/events/:id',
      {
        config: { access: 'read' },
        schema: {
          tags: ['graph'],
          params: IdParamsSchema,
          response: { 200: EventDetailSchema, ...errorResponses(404) },
        },
      },
      async (request) => {
        const detail = await graphCall(() => getEventDetail(reader, request.params.id));
        if (!detail) throw new HttpError(404, 'not_found', `no event with id ${request.params.id}`);
        return detail;
      },
    );
  };
}
