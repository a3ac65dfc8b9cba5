import { DocumentInputError } from './document-input-error.js';
import { ParseErrorCode } from './parse-error-code.js';

export class EncryptedPdfError extends DocumentInputError {
  constructor(cause?: unknown) {
    super(
      ParseErrorCode.EncryptedPdf,
      'The PDF is password-protected; its text cannot be read without the password. Upload an unprotected copy.',
      { cause },
    );
  }
}
