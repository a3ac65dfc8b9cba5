import type { ParseErrorCode } from './parse-error-code.js';

/**
 * Base class for problems with the input document itself. Retrying cannot help,
 * so callers (the queue worker) treat every subclass as a permanent failure.
 */
export abstract class DocumentInputError extends Error {
  readonly code: ParseErrorCode;
  readonly permanent = true as const;

  protected constructor(code: ParseErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

export function isDocumentInputError(value: unknown): value is DocumentInputError {
  return value instanceof DocumentInputError;
}
