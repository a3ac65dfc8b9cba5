import type { Static, TSchema } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import {
  type GraphReader,
  getCompanyProfile,
  getCompanyTimeline,
  getRatingHistory,
} from '../../graph/queries/index.js';
import { splitCompany } from '../../graph/split-company.js';
import { graphCall } from '../graph-errors.js';
import { HttpError } from '../http-error.js';
import { queryIntegers } from '../query-integers.js';
import {
  CompanyProfileSchema,
  KeyParamsSchema,
  RatingHistorySchema,
  SplitBodySchema,
  SplitResultSchema,
  TimelineQuerySchema,
  TimelineSchema,
} from '../schemas/graph.js';
import { errorResponses } from './graph-route-options.js';

const noCompany = (key: string) => new HttpError(404, 'not_found', `no company with key ${key}`);

/** GET /v1/companies/:key and its /timeline and /ratings; POST /v1/admin/companies/:key/split (admin). */
export function companiesRoutes(reader: GraphReader): FastifyPluginAsync {
  return async (app) => {
    // No access named: /v1/ routes without one need an admin key.
    app.post<{ Params: Static<typeof KeyParamsSchema>; Body: Static<typeof SplitBodySchema> }>(
      '/v1/admin/companies/:key/split',
      {
        schema: {
          tags: ['graph'],
          description:
            'Undoes a wrong merge: what the company was linked to by `name` moves to a company of that name, which linking keeps apart from then on.',
          params: KeyParamsSchema,
          body: SplitBodySchema,
          response: { 200: SplitResultSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => {
        const { key } = request.params;
        const result = await graphCall(() =>
          splitCompany(reader.driver, reader.database, key, request.body.name),
        );
        if (!result) throw noCompany(key);
        return result;
      },
    );

    app.get<{ Params: Static<typeof KeyParamsSchema> }>(
      '/v1/companies/:key',
      {
        config: { access: 'read' },
        schema: {
          tags: ['graph'],
          params: KeyParamsSchema,
          response: { 200: CompanyProfileSchema, ...errorResponses(404) },
        },
      },
      async (request) => {
        const profile = await graphCall(() => getCompanyProfile(reader, request.params.key));
        if (!profile) throw noCompany(request.params.key);
        return profile;
      },
    );

    // A company's timeline and its rating history: the same shape, a list with a limit, 404 for no company.
    const listRoute = (
      suffix: string,
      response: TSchema,
      read: (key: string, limit: number) => Promise<object | null>,
    ) =>
      app.get<{ Params: Static<typeof KeyParamsSchema>; Querystring: Static<typeof TimelineQuerySchema> }>(
        `/v1/companies/:key/${suffix}`,
        {
          config: { access: 'read' },
          preValidation: queryIntegers(TimelineQuerySchema),
          schema: {
            tags: ['graph'],
            params: KeyParamsSchema,
            querystring: TimelineQuerySchema,
            response: { 200: response, ...errorResponses(400, 404) },
          },
        },
        async (request) => {
          const { key } = request.params;
          const found = await graphCall(() => read(key, request.query.limit ?? 200));
          if (!found) throw noCompany(key);
          return found;
        },
      );
    listRoute('timeline', TimelineSchema, (key, limit) => getCompanyTimeline(reader, key, limit));
    listRoute('ratings', RatingHistorySchema, (key, limit) => getRatingHistory(reader, key, limit));
  };
}
