import { DocumentInputError } from './document-input-error.js';
import { ParseErrorCode } from './parse-error-code.js';

export class EmptyFileError extends DocumentInputError {
  constructor(fileName?: string) {
    super(
      ParseErrorCode.EmptyFile,
      `The file${describe(fileName)} is empty (0 bytes); there is nothing to parse.`,
    );
  }
}

function describe(fileName?: string): string {
  return fileName ? ` "${fileName}"` : '';
}
