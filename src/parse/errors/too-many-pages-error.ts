import { DocumentInputError } from './document-input-error.js';
import { ParseErrorCode } from './parse-error-code.js';

export class TooManyPagesError extends DocumentInputError {
  readonly pageCount: number;
  readonly maxPages: number;

  constructor(pageCount: number, maxPages: number) {
    super(
      ParseErrorCode.TooManyPages,
      `The PDF has ${pageCount} pages, over the limit of ${maxPages} pages.`,
    );
    this.pageCount = pageCount;
    this.maxPages = maxPages;
  }
}
