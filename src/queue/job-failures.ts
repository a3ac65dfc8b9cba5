import { UnrecoverableError } from 'bullmq';
import { isTransientFault } from '../services/connection-faults.js';

export { isTransientFault };

/** A permanent failure: the message starts with a stable code in brackets, for people and metrics. */
export function permanentFailure(code: string, message: string): UnrecoverableError {
  return new UnrecoverableError(`[${code}] ${message}`);
}

/**
 * The one place a job failure is sorted: permanent failures and transient faults (connection-faults.ts
 * says which) are thrown as they are (BullMQ retries the latter with backoff); any other error becomes
 * permanent with its own message, so a deterministic error (a query the server refuses, a bug) fails once
 * instead of ten times.
 */
export function asJobFailure(error: unknown): Error {
  if (error instanceof UnrecoverableError || isTransientFault(error)) return error as Error;
  const failure = new UnrecoverableError(error instanceof Error ? error.message : String(error));
  if (error instanceof Error) failure.stack = error.stack;
  return failure;
}
