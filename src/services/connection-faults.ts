import neo4j, { isRetryableError } from 'neo4j-driver';

/**
 * The one place that decides whether an error means Neo4j or Redis could not be reached (the API answers
 * 503) or, more widely, is a fault that may pass (a job retries it). Everything else is the request's or
 * the document's own failure. Both follow `cause` chains and AggregateErrors, since libraries wrap
 * socket errors.
 */

/** Neo4j driver codes for a server that does not answer or a connection that was lost. */
const NEO4J_UNREACHABLE = new Set<unknown>([neo4j.error.SERVICE_UNAVAILABLE, neo4j.error.SESSION_EXPIRED]);

/** Node socket errors that mean a server did not answer, not that the request was wrong. */
const UNAVAILABLE_SOCKET_CODES = new Set<unknown>([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** ioredis gives up on a command with these messages when Redis is away or the connection closed. */
const REDIS_UNAVAILABLE =
  /^(Connection is closed|Reached the max retries per request limit|Stream isn't writeable)/;

function someInChain(error: unknown, test: (one: Error) => boolean): boolean {
  const seen = new Set<unknown>();
  for (let e: unknown = error; e !== undefined && e !== null && !seen.has(e); e = (e as Error).cause) {
    seen.add(e);
    if (e instanceof Error && test(e)) return true;
    if (e instanceof AggregateError && e.errors.some((inner) => someInChain(inner, test))) return true;
  }
  return false;
}

function isUnreachableOne(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  return (
    NEO4J_UNREACHABLE.has(code) || UNAVAILABLE_SOCKET_CODES.has(code) || REDIS_UNAVAILABLE.test(error.message)
  );
}

/** Neo4j or Redis did not answer, refused the connection, or lost it: nothing was wrong with the request. */
export function isConnectionFault(error: unknown): boolean {
  return someInChain(error, isUnreachableOne);
}

/**
 * A write that ran past the server's transaction timeout. Neo4j files it as a client error, but on a loaded
 * or just-restarted server (re-planning every query) the same write passes later, as the server's message
 * itself says: a document's graph write is retried, not failed for good.
 */
const NEO4J_TIMED_OUT = /^Neo\.ClientError\.Transaction\.TransactionTimedOut/;

/**
 * A connection fault, a fault Neo4j itself calls transient (Neo.TransientError.*: a deadlock, a database
 * still starting, an expired authorization), or a transaction timeout: worth trying the same work again later.
 */
export function isTransientFault(error: unknown): boolean {
  return someInChain(
    error,
    (one) =>
      isUnreachableOne(one) ||
      isRetryableError(one) ||
      NEO4J_TIMED_OUT.test(String((one as { code?: unknown }).code ?? '')),
  );
}
