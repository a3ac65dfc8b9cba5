import { DocumentInputError } from './document-input-error.js';
import { ParseErrorCode } from './parse-error-code.js';

export class UndecodableTextError extends DocumentInputError {
  constructor(detail: string) {
    super(ParseErrorCode.UndecodableText, `The text cannot be decoded: ${detail}.`);
  }
}
