import { DocumentInputError } from './document-input-error.js';
import { ParseErrorCode } from './parse-error-code.js';

/** A PDF with no text layer on which OCR found no text either: blank pages, or pictures only. */
export class NoTextFoundError extends DocumentInputError {
  readonly pageCount: number;

  constructor(pageCount: number) {
    super(
      ParseErrorCode.NoTextFound,
      `The PDF has ${pageCount} page(s) with no text layer, and OCR found no text on them.`,
    );
    this.pageCount = pageCount;
  }
}
