import {
  InvalidCursorError,
  InvalidQueryError,
  QueryMemoryLimitError,
  QueryRefusedError,
  QueryTimeoutError,
  UnknownFilterValueError,
  WriteRefusedError,
} from '../graph/queries/index.js';
import { SplitRefusedError } from '../graph/split-company.js';
import { isConnectionFault } from '../services/connection-faults.js';
import { HttpError } from './http-error.js';
import { UnavailableError } from './unavailable-error.js';

/** The graph layer's expected failures as HTTP errors (Neo4j unreachable: 503); anything else stays a 500. */
export function asHttpError(error: unknown): unknown {
  if (
    error instanceof InvalidCursorError ||
    error instanceof UnknownFilterValueError ||
    error instanceof SplitRefusedError
  )
    return new HttpError(400, 'bad_request', error.message);
  if (error instanceof InvalidQueryError) return new HttpError(400, 'invalid_query', error.message);
  if (error instanceof WriteRefusedError) return new HttpError(403, 'write_refused', error.message);
  if (error instanceof QueryRefusedError) return new HttpError(403, 'query_refused', error.message);
  if (error instanceof QueryTimeoutError) return new HttpError(504, 'timeout', error.message);
  if (isReadDeadlinePassed(error))
    return new HttpError(504, 'timeout', 'the graph read passed its deadline; try again');
  if (error instanceof QueryMemoryLimitError) return new HttpError(422, 'memory_limit', error.message);
  // A transient but reachable fault (a deadlock) stays a 500: only an unreachable server is a 503.
  if (isConnectionFault(error)) return new UnavailableError('the graph database', { cause: error });
  return error;
}

/**
 * Neo4j ended a read at the deadline the API set (a cold query plan on a busy server can take that long):
 * a timeout to try again, not an internal error.
 */
function isReadDeadlinePassed(error: unknown): boolean {
  return (
    (error as { code?: unknown } | null)?.code ===
    'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'
  );
}

/** Runs a graph call, turning its expected failures into HTTP errors. */
export async function graphCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw asHttpError(error);
  }
}
