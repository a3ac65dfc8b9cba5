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
  try {
    return await session.executeRead(
      async (tx) => {
        const result = await tx.run(query, params);
        const rows = result.records.slice(0, maxRows).map((r) => r.toObject());
        return {
          columns: result.records[0]?.keys.map(String) ?? [],
          rows,
          truncated: result.records.length > maxRows,
        };
      },
      { timeout: timeoutMs },
    );
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
    await session.close();
  }
}
