import { DocumentInputError } from './document-input-error.js';
import { ParseErrorCode } from './parse-error-code.js';

export class UnsupportedTypeError extends DocumentInputError {
  readonly detectedType: string;

  constructor(detectedType: string) {
    super(
      ParseErrorCode.UnsupportedType,
      `Unsupported document type (${detectedType}); only PDF, HTML and plain text are accepted.`,
    );
    this.detectedType = detectedType;
  }
}
