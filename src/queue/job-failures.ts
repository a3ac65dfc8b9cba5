import { UnrecoverableError } from 'bullmq';
import { isRetryableError } from 'neo4j-driver';

/** Node socket errors that mean a server did not answer, not that the request was wrong. */
const UNAVAILABLE_SOCKET_CODES = new Set([
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

function isTransientOne(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // ServiceUnavailable, SessionExpired and Neo.TransientError.* (the driver's own list).
  if (isRetryableError(error)) return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && UNAVAILABLE_SOCKET_CODES.has(code)) return true;
  return REDIS_UNAVAILABLE.test(error.message);
}

/**
 * Whether a job failure is a connection or availability fault (Neo4j or Redis away, a socket refused or
 * timed out) that may pass, so the job is worth retrying. Everything else is deterministic: the same
 * document fails the same way, so it fails once. Follows `cause` chains, since libraries wrap socket errors.
 */
export function isTransientFault(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e: unknown = error; e !== undefined && e !== null && !seen.has(e); e = (e as Error).cause) {
    seen.add(e);
    if (isTransientOne(e)) return true;
    if (e instanceof AggregateError && e.errors.some(isTransientFault)) return true;
  }
  return false;
}

/** A permanent failure: the message starts with a stable code in brackets, for people and metrics. */
export function permanentFailure(code: string, message: string): UnrecoverableError {
  return new UnrecoverableError(`[${code}] ${message}`);
}

/**
 * The one place a job failure is sorted: permanent failures and transient faults are thrown as they are
 * (BullMQ retries the latter with backoff); any other error becomes permanent with its own message, so a
 * deterministic error (a query the server refuses, a bug) fails once instead of ten times.
 */
export function asJobFailure(error: unknown): Error {
  if (error instanceof UnrecoverableError || isTransientFault(error)) return error as Error;
  const failure = new UnrecoverableError(error instanceof Error ? error.message : String(error));
  if (error instanceof Error) failure.stack = error.stack;
  return failure;
}
