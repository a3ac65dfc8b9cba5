import { DocumentInputError } from './document-input-error.js';
import { ParseErrorCode } from './parse-error-code.js';

export class FileTooLargeError extends DocumentInputError {
  readonly sizeBytes: number;
  readonly maxBytes: number;

  constructor(sizeBytes: number, maxBytes: number) {
    super(
      ParseErrorCode.FileTooLarge,
      `The file is ${formatBytes(sizeBytes)}, over the limit of ${formatBytes(maxBytes)}.`,
    );
    this.sizeBytes = sizeBytes;
    this.maxBytes = maxBytes;
  }
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
