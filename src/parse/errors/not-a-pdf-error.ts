import { DocumentInputError } from './document-input-error.js';
import { ParseErrorCode } from './parse-error-code.js';

export class NotAPdfError extends DocumentInputError {
  readonly detectedType: string;

  constructor(fileName: string | undefined, detectedType: string) {
    const what = fileName ? `"${fileName}" is declared as a PDF` : 'The file is declared as a PDF';
    super(ParseErrorCode.NotAPdf, `${what}, but its content is not a PDF (it looks like ${detectedType}).`);
    this.detectedType = detectedType;
  }
}
