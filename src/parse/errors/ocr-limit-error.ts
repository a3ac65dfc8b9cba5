import { DocumentInputError } from './document-input-error.js';
import { ParseErrorCode } from './parse-error-code.js';

/** A scanned PDF that OCR would take too long on: too many pages, or past the time limit. */
export class OcrLimitError extends DocumentInputError {
  constructor(message: string) {
    super(ParseErrorCode.OcrLimit, message);
  }
}
