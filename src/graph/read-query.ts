import type { Driver } from 'neo4j-driver';

export class WriteRefusedError extends Error {
  constructor() {
    super('this query would write to the graph; only reads are allowed here');
    this.name = this.constructor.name;
  }
}

/**
 * Runs a Cypher query in a READ transaction with a timeout and a row cap. Neo4j itself refuses
 * writes (including writing procedures) in a read transaction; that refusal is turned into a plain message.
 */
export async function runReadQuery(
  driver: Driver,
  database: string,
  query: string,
  params: Record<string, unknown>,
  { timeoutMs = 10_000, maxRows = 1000 } = {},
): Promise<{ columns: string[]; rows: Record<string, unknown>[]; truncated: boolean }> {
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  // An explicit transaction, not executeRead: that retries transient errors for 30 s, and a query past
  // its memory limit fails with a transient error that would fail the same way each time.
  const tx = session.beginTransaction({ timeout: timeoutMs });
  try {
    // Records are streamed and the rest discarded at the cap, so a huge result is never held in memory.
    const rows: Record<string, unknown>[] = [];
    let columns: string[] = [];
    let truncated = false;
    for await (const record of tx.run(query, params)) {
      if (rows.length === maxRows) {
        truncated = true;
        break;
      }
      columns = record.keys.map(String);
      rows.push(record.toObject());
    }
    await tx.commit();
    return { columns, rows, truncated };
  } catch (error) {
    const code = String((error as { code?: string }).code ?? '');
    if (/ForbiddenOnReadOnlyDatabase|AccessMode|WriteOnReadOnlyAccessDbException/.test(code))
      throw new WriteRefusedError();
    if (
      /Forbidden|AccessMode/.test(String((error as Error).message)) &&
      /write/i.test(String((error as Error).message))
    ) {
      throw new WriteRefusedError();
    }
    throw error;
  } finally {
    if (tx.isOpen()) await tx.rollback().catch(() => {});
    await session.close();
  }
}
