/** The document is over the configured MAX_DOCUMENT_BYTES; rejected before anything is stored. */
export class DocumentTooLargeError extends Error {
  readonly size: number;
  readonly limit: number;

  constructor(size: number, limit: number) {
    super(`the document is ${size} bytes; the limit is ${limit} bytes (MAX_DOCUMENT_BYTES)`);
    this.name = new.target.name;
    this.size = size;
    this.limit = limit;
  }
}
