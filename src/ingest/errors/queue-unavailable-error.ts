/** Redis did not answer a queue call in time; the caller may retry (submissions are deduplicated). */
export class QueueUnavailableError extends Error {
  constructor(operation: string, timeoutMs: number) {
    super(`the job queue did not answer ${operation} within ${timeoutMs} ms`);
    this.name = new.target.name;
  }
}
