import type { MultipartFile } from '@fastify/multipart';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { removeDocumentGraph } from '../../graph/index.js';
import { type GraphReader, getDocumentDetail, listDocuments } from '../../graph/queries/index.js';
import { guessKind, type SubmitDeps, submitDocument, submitText } from '../../ingest/index.js';
import { graphCall } from '../graph-errors.js';
import { HttpError } from '../http-error.js';
import { queryIntegers } from '../query-integers.js';
import { ErrorResponseSchema } from '../schemas/common.js';
import {
  DocumentDetailSchema,
  DocumentPageSchema,
  DocumentsQuerySchema,
  IdParamsSchema,
} from '../schemas/graph.js';
import {
  SubmissionResponseSchema,
  type TextSubmission,
  TextSubmissionSchema,
  UPLOAD_FIELDS,
  type UploadFields,
} from '../schemas/submission.js';
import { errorResponses } from './graph-route-options.js';

/** Longest accepted value of a form field (titles, URLs); the file itself has its own limit. */
const MAX_FIELD_BYTES = 16 * 1024;

interface Upload {
  bytes: Uint8Array;
  fileName: string;
  mimeType: string;
  fields: UploadFields;
}

/**
 * The /v1/documents routes: submitting a document (POST, here) and reading the processed ones from the
 * graph (GET, graphDocumentsRoutes below, registered only where the API has a graph).
 *
 * POST /v1/documents: a multipart upload (field `file` plus kind, title, publishedAt, sourceUrl,
 * sourceName) or a JSON body with the text inline. Answers 202 with the job id and how many workers
 * consume the queue; the work is queued.
 */
export function documentsRoutes(deps: SubmitDeps, countWorkers?: () => Promise<number>): FastifyPluginAsync {
  return async (app) => {
    app.post(
      '/v1/documents',
      {
        // JSON escapes can double a text's size; submitText enforces the exact limit on its UTF-8 bytes.
        bodyLimit: deps.maxDocumentBytes * 2 + 64 * 1024,
        config: { access: 'submit' },
        schema: {
          // Only JSON bodies are checked here; multipart fields are checked after they are read.
          body: { content: { 'application/json': { schema: TextSubmissionSchema } } },
          response: {
            202: SubmissionResponseSchema,
            400: ErrorResponseSchema,
            413: ErrorResponseSchema,
          },
        },
      },
      async (request, reply) => {
        const submission = request.isMultipart()
          ? await submitUpload(deps, await readUpload(request, deps.maxDocumentBytes))
          : await submitJson(deps, request.body as TextSubmission | undefined);
        // Told with the answer, so an upload with no worker running does not wait in silence; a
        // failed count only leaves the field out, the document is queued either way.
        const workersRunning = await countWorkers?.().catch(() => undefined);
        return reply
          .status(202)
          .send({ ...submission, ...(workersRunning === undefined ? {} : { workersRunning }) });
      },
    );
  };
}

function submitJson(deps: SubmitDeps, body: TextSubmission | undefined) {
  if (!body)
    throw new HttpError(400, 'bad_request', 'send a multipart upload or a JSON body with text and kind');
  return submitText(deps, {
    text: body.text,
    kind: body.kind,
    title: body.title,
    publishedAt: body.publishedAt,
    source: body.source,
  });
}

function submitUpload(deps: SubmitDeps, upload: Upload) {
  const { fields } = upload;
  return submitDocument(deps, {
    bytes: upload.bytes,
    fileName: upload.fileName,
    mimeType: upload.mimeType,
    // Like the CLI: without a kind, the file name decides (公告 → announcement, 研报 → research_report).
    kind: fields.kind ?? guessKind(upload.fileName),
    title: fields.title,
    publishedAt: fields.publishedAt,
    source: { url: fields.sourceUrl, name: fields.sourceName },
  });
}

/**
 * The multipart parser's refusals as client errors: a second file is the client's mistake (400, not the
 * plugin's 413 "reach files limit"), and a body the parser cannot read (no boundary, cut short) is a
 * 400, not a 500. Its other errors (file too large: 413) carry their own status.
 */
function asUploadError(error: unknown): unknown {
  if (error instanceof HttpError) return error;
  const { code, statusCode, message } = error as { code?: string; statusCode?: number; message?: string };
  if (code === 'FST_FILES_LIMIT') {
    return new HttpError(
      400,
      'bad_request',
      'one file per request: send a single file in the form field "file"',
    );
  }
  if (typeof statusCode === 'number') return error;
  return new HttpError(400, 'bad_request', `the multipart body cannot be read: ${message ?? 'malformed'}`);
}

async function readUpload(request: FastifyRequest, maxDocumentBytes: number): Promise<Upload> {
  try {
    return await readParts(request, maxDocumentBytes);
  } catch (error) {
    throw asUploadError(error);
  }
}

async function readParts(request: FastifyRequest, maxDocumentBytes: number): Promise<Upload> {
  const fields: UploadFields = {};
  let file: Pick<Upload, 'bytes' | 'fileName' | 'mimeType'> | undefined;
  const parts = request.parts({
    limits: { fileSize: maxDocumentBytes, files: 1, fields: 20, fieldSize: MAX_FIELD_BYTES, parts: 21 },
  });
  for await (const part of parts) {
    if (part.type === 'file') {
      file = await readFilePart(part);
      continue;
    }
    const name = part.fieldname;
    if (!(UPLOAD_FIELDS as readonly string[]).includes(name)) {
      throw new HttpError(
        400,
        'bad_request',
        `form field ${name} is not accepted; use file, ${UPLOAD_FIELDS.join(', ')}`,
      );
    }
    if (part.valueTruncated) {
      throw new HttpError(400, 'bad_request', `form field ${name} is longer than ${MAX_FIELD_BYTES} bytes`);
    }
    const value = String(part.value).trim();
    if (value !== '') fields[name as keyof UploadFields] = value;
  }
  if (!file) throw new HttpError(400, 'bad_request', 'the multipart upload has no file field named "file"');
  return { ...file, fields };
}

async function readFilePart(part: MultipartFile): Promise<Pick<Upload, 'bytes' | 'fileName' | 'mimeType'>> {
  if (part.fieldname !== 'file') {
    part.file.resume();
    throw new HttpError(
      400,
      'bad_request',
      `send the document in the form field "file", not "${part.fieldname}"`,
    );
  }
  // Throws the plugin's 413 once the file passes the limit, without buffering the rest.
  const bytes = await part.toBuffer();
  return { bytes, fileName: part.filename, mimeType: part.mimetype };
}

/**
 * GET /v1/documents (processed documents, newest first), GET /v1/documents/:id and, for admins,
 * DELETE /v1/documents/:id.
 */
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

    // No access named: /v1/ routes without one need an admin key.
    app.delete<{ Params: Static<typeof IdParamsSchema> }>(
      '/v1/documents/:id',
      {
        schema: {
          tags: ['graph'],
          description:
            'Removes a document and only what it told: events no other document tells and entities nothing else mentions go; an event other documents tell keeps their sources and takes its values from them.',
          params: IdParamsSchema,
          response: { 204: Type.Null(), ...errorResponses(404) },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        const removed = await graphCall(() => removeDocumentGraph(reader.driver, reader.database, id));
        if (!removed) throw new HttpError(404, 'not_found', `no document with id ${id}`);
        return reply.status(204).send();
      },
    );
  };
}
