import neo4j from 'neo4j-driver';
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
import { HttpError } from './http-error.js';
import { UnavailableError } from './unavailable-error.js';

/** Driver error codes that mean Neo4j cannot be reached, not that the query was wrong. */
const UNREACHABLE = new Set<unknown>([neo4j.error.SERVICE_UNAVAILABLE, neo4j.error.SESSION_EXPIRED]);

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
  if (error instanceof QueryMemoryLimitError) return new HttpError(422, 'memory_limit', error.message);
  if (UNREACHABLE.has((error as { code?: unknown }).code))
    return new UnavailableError('the graph database', { cause: error });
  return error;
}

/** Runs a graph call, turning its expected failures into HTTP errors. */
export async function graphCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw asHttpError(error);
  }
}
