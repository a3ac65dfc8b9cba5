import {
  InvalidCursorError,
  InvalidQueryError,
  QueryRefusedError,
  QueryTimeoutError,
  UnknownFilterValueError,
  WriteRefusedError,
} from '../graph/queries/index.js';
import { SplitRefusedError } from '../graph/split-company.js';
import { HttpError } from './http-error.js';

/** The graph layer's expected failures as HTTP errors; anything else stays a 500 with nothing said. */
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
