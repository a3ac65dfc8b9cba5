/** A service the request needs (Redis, Neo4j) does not answer: the client should retry later (503). */
export class UnavailableError extends Error {
  constructor(
    /** Says which service, in the client's words: "the job queue", "the graph database". */
    readonly service: string,
    options?: { cause?: unknown },
  ) {
    super(`${service} is not reachable; try again shortly`, options);
    this.name = new.target.name;
  }
}

/** Runs a call with a deadline; a failure or a missed deadline becomes an UnavailableError. */
export async function withinDeadline<T>(service: string, ms: number, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work(), timeout]);
  } catch (cause) {
    throw new UnavailableError(service, { cause });
  } finally {
    clearTimeout(timer);
  }
}
