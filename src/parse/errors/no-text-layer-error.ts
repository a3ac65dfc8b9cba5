import { DocumentInputError } from './document-input-error.js';
import { ParseErrorCode } from './parse-error-code.js';

export class NoTextLayerError extends DocumentInputError {
  readonly pageCount: number;

  constructor(pageCount: number) {
    super(
      ParseErrorCode.NoTextLayer,
      `The PDF has ${pageCount} page(s) but no extractable text; it is probably scanned and needs OCR first.`,
    );
    this.pageCount = pageCount;
  }
}
