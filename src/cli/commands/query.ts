import type { Command } from 'commander';
import { loadConfig } from '../../config/index.js';
import { createNeo4jDriver } from '../../graph/index.js';
import { type CypherResult, runUserCypher } from '../../graph/queries/index.js';

function collectParam(value: string, params: Record<string, unknown>): Record<string, unknown> {
  const at = value.indexOf('=');
  if (at < 1) throw new Error(`--param expects name=value, got "${value}"`);
  const raw = value.slice(at + 1);
  let parsed: unknown = raw;
  try {
    parsed = JSON.parse(raw);
  } catch {
    // a bare string
  }
  return { ...params, [value.slice(0, at)]: parsed };
}

/**
 * What `finkg query` prints: each row as a JSON line for stdout, and for stderr a note when there are no
 * rows or the limit stopped them, so an empty answer is told apart from a query that printed nothing yet.
 */
export function queryOutput(result: CypherResult, limit: number): { lines: string[]; note?: string } {
  const lines = result.rows.map((row) => JSON.stringify(row));
  if (result.truncated) return { lines, note: `(stopped at ${limit} rows)` };
  return lines.length === 0 ? { lines, note: '(no rows)' } : { lines };
}

export function registerQueryCommand(program: Command): void {
  program
    .command('query')
    .description('run a read-only Cypher query against the graph and print the rows as JSON Lines')
    .argument('<cypher>', 'the query; pass values with --param, never inline')
    .option(
      '-p, --param <name=value>',
      'a query parameter (JSON or a bare string); repeatable',
      collectParam,
      {},
    )
    .option('--limit <n>', 'at most this many rows', '1000')
    .action(async (cypher: string, options: { param: Record<string, unknown>; limit: string }) => {
      const config = loadConfig();
      const driver = createNeo4jDriver(config);
      try {
        // The same checks as the API's read-only endpoint: planned first, writes and admin commands refused.
        const result = await runUserCypher(
          { driver, database: config.neo4jDatabase },
          cypher,
          options.param,
          {
            timeoutMs: 10_000,
            maxRows: Number(options.limit),
          },
        );
        const { lines, note } = queryOutput(result, Number(options.limit));
        for (const line of lines) console.log(line);
        if (note) console.error(note);
      } finally {
        await driver.close();
      }
    });
}
