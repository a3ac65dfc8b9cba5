/**
 * Where document bytes live, keyed by content. The filesystem store serves one host or a shared volume;
 * an S3-compatible store implements the same three calls for many hosts.
 */
export interface DocumentStore {
  /** Stores the bytes under their sha256 and returns the key; storing the same bytes again is a no-op. */
  put(bytes: Uint8Array): Promise<{ key: string; documentId: string; size: number }>;
  get(key: string): Promise<Uint8Array>;
  has(key: string): Promise<boolean>;
}

export class DocumentNotFoundError extends Error {
  constructor(key: string) {
    super(`document ${key} is not in the document store`);
    this.name = this.constructor.name;
  }
}
