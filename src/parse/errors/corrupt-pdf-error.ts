import { DocumentInputError } from './document-input-error.js';
import { ParseErrorCode } from './parse-error-code.js';

export class CorruptPdfError extends DocumentInputError {
  constructor(detail: string, cause?: unknown) {
    super(
      ParseErrorCode.CorruptPdf,
      `The PDF is truncated or corrupt and cannot be read (${detail}). Re-download or re-export the file.`,
      { cause },
    );
  }
}
