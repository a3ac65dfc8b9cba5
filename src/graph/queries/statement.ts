import neo4j, { type Driver } from 'neo4j-driver';

/** A query and its parameters; built separately from running it so tests can EXPLAIN every variant. */
export interface Statement {
  text: string;
  params: Record<string, unknown>;
}

export interface GraphReader {
  driver: Driver;
  database: string;
  /** Deadline of each read transaction (default 10 s). */
  timeoutMs?: number;
}

/** Runs statements in one READ transaction with a deadline; rows come back as plain objects. */
export async function readRows(reader: GraphReader, ...statements: Statement[]) {
  const session = reader.driver.session({ database: reader.database, defaultAccessMode: 'READ' });
  try {
    return await session.executeRead(
      async (tx) => {
        const results: Record<string, unknown>[][] = [];
        for (const { text, params } of statements) {
          const result = await tx.run(text, params);
          results.push(result.records.map((r) => r.toObject()));
        }
        return results;
      },
      { timeout: reader.timeoutMs ?? 10_000 },
    );
  } finally {
    await session.close();
  }
}

/** Integers go to Cypher as Bolt integers: a JS number would arrive as a float (LIMIT 20.0 fails). */
export const int = (value: number) => neo4j.int(Math.trunc(value));

/** A number read back, whether the driver gave a JS number or a neo4j Integer. */
export function num(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

export const str = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);
