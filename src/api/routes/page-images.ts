import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { type GraphReader, getDocumentFile } from '../../graph/queries/index.js';
import { PageNotFoundError, pdfPagePng } from '../../parse/page-image.js';
import { DocumentNotFoundError, type DocumentStore } from '../../store/index.js';
import { graphCall } from '../graph-errors.js';
import { HttpError } from '../http-error.js';
import { RenderSlots, RenderSlotsBusyError } from '../render-slots.js';
import { IdParamsSchema } from '../schemas/graph.js';
import { errorResponses } from './graph-route-options.js';

const PageParamsSchema = Type.Object({
  ...IdParamsSchema.properties,
  // Path parameters are text; the app's validator does not coerce them.
  page: Type.String({ pattern: '^[1-9][0-9]{0,4}$', description: '1-based page number' }),
});

/** Longer side of the picture: enough to read body text, about 100–300 kB a page. */
const PAGE_IMAGE_SIDE = 1600;

/**
 * Renders run on the API's own thread and each holds a page bitmap (about 10 MB at 1600 pixels): two at
 * once, eight more waiting up to 2 s, the rest answered 503 with Retry-After.
 */
export const DEFAULT_PAGE_IMAGE_SLOTS = { size: 2, waiting: 8, waitMs: 2000 };

/**
 * GET /v1/documents/:id/pages/:page/image: a page of a processed PDF as a PNG, rendered from the upload
 * the document store keeps, so a reader can see a fact's evidence where it stands on a scanned page.
 * Renders go through `slots`; nothing is cached on the server (the browser caches, the id fixes the bytes).
 */
export function pageImageRoutes(
  reader: GraphReader,
  store: DocumentStore,
  slots: RenderSlots = new RenderSlots(DEFAULT_PAGE_IMAGE_SLOTS),
): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: Static<typeof PageParamsSchema> }>(
      '/v1/documents/:id/pages/:page/image',
      {
        config: { access: 'read' },
        schema: {
          tags: ['graph'],
          params: PageParamsSchema,
          response: {
            200: { description: 'the page as a PNG picture', content: { 'image/png': { schema: {} } } },
            ...errorResponses(404),
          },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        const page = Number(request.params.page);
        const file = await graphCall(() => getDocumentFile(reader, id));
        if (!file) throw new HttpError(404, 'not_found', `no document with id ${id}`);
        if (page > file.pageCount)
          throw new HttpError(404, 'not_found', `document ${id} has ${file.pageCount} page(s)`);
        let png: Buffer;
        try {
          // The file is read inside the slot too: waiting requests hold no document bytes.
          png = await slots.run(async () => pdfPagePng(await pdfOf(store, id), page, PAGE_IMAGE_SIDE));
        } catch (error) {
          if (error instanceof RenderSlotsBusyError)
            return reply
              .status(503)
              .header('retry-after', String(error.retryAfterSeconds))
              .send({ error: 'busy', message: error.message });
          if (error instanceof PageNotFoundError) throw new HttpError(404, 'not_found', error.message);
          throw error;
        }
        // Content-addressed: a document id always names the same bytes, so its pages never change.
        return reply.type('image/png').header('cache-control', 'private, max-age=86400, immutable').send(png);
      },
    );
  };
}

/** The stored upload of document `id`, when it is a PDF; 404 otherwise. */
async function pdfOf(store: DocumentStore, id: string): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = await store.get(id);
  } catch (error) {
    if (error instanceof DocumentNotFoundError)
      throw new HttpError(404, 'not_found', `the file of document ${id} is not kept (it was sent as text)`);
    throw error;
  }
  if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-')
    throw new HttpError(404, 'not_found', `document ${id} is not a PDF; it has no page images`);
  return bytes;
}
