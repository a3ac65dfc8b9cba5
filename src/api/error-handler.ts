import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DocumentTooLargeError, InvalidSubmissionError, QueueUnavailableError } from '../ingest/index.js';
import { HttpError } from './http-error.js';
import { UnavailableError } from './unavailable-error.js';

export interface ErrorBody {
  error: string;
  message: string;
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  413: 'too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

/** Maps an error to the status and body the client sees; undefined means "internal, say nothing". */
export function clientError(
  error: unknown,
  contentType?: string,
): { status: number; body: ErrorBody } | undefined {
  if (error instanceof HttpError) {
    return { status: error.statusCode, body: { error: error.code, message: error.message } };
  }
  if (error instanceof InvalidSubmissionError) {
    return { status: 400, body: { error: 'invalid_submission', message: error.problems.join('; ') } };
  }
  if (error instanceof DocumentTooLargeError) {
    return { status: 413, body: { error: 'too_large', message: error.message } };
  }
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    const type = contentType?.split(';', 1)[0]?.trim() || 'this content-type';
    return {
      status: 415,
      body: {
        error: 'unsupported_media_type',
        message: `${type} bodies are not accepted; send application/json (or multipart/form-data to upload a file)`,
      },
    };
  }
  if (fastifyError.validation) {
    return { status: 400, body: { error: 'bad_request', message: String(fastifyError.message) } };
  }
  // Fastify's and the multipart plugin's own errors (body too large, bad JSON, unsupported type) are 4xx.
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return {
      status,
      body: { error: CODE_BY_STATUS[status] ?? 'bad_request', message: String(fastifyError.message) },
    };
  }
  return undefined;
}

/** Seconds a client is asked to wait when Redis or Neo4j does not answer. */
const RETRY_AFTER_SECONDS = 5;

/** What a 503 says: which service the request needed; undefined for any other error. */
function unavailableService(error: unknown): string | undefined {
  if (error instanceof QueueUnavailableError) return 'the job queue';
  if (error instanceof UnavailableError) return error.service;
  return undefined;
}

/** The one error handler: client mistakes pass through as JSON; anything else is logged and hidden. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const service = unavailableService(error);
  if (service) {
    request.log.warn({ err: error }, `${service} unavailable`);
    void reply
      .status(503)
      .header('retry-after', String(RETRY_AFTER_SECONDS))
      .send({
        error: 'unavailable',
        message: `${service} is not reachable; try again shortly`,
      } satisfies ErrorBody);
    return;
  }
  const known = clientError(error, request.headers['content-type']);
  if (known) {
    request.log.info({ status: known.status, error: known.body.error }, known.body.message);
    void reply.status(known.status).send(known.body);
    return;
  }
  request.log.error({ err: error }, 'request failed');
  void reply.status(500).send({ error: 'internal', message: 'internal server error' } satisfies ErrorBody);
}
