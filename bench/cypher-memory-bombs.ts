/**
 * Runs each form of read query that builds a huge value inside one expression straight on a Neo4j of its
 * own (the product's configuration: default heap, ExitOnOutOfMemoryError, transaction memory limits), as
 * the API runs a client's query (READ, 10 s deadline) but without the API's refusal, and reports whether
 * the API refuses it and whether the server survived; a server that exited is started again for the next.
 *
 *   node dist/bench/cypher-memory-bombs.js      (minutes per query that kills the server)
 */
import { createNeo4jDriver } from '../src/graph/index.js';
import { unboundedValue } from '../src/graph/queries/value-limits.js';
import { runReadQuery } from '../src/graph/read-query.js';
import { ensureNeo4j } from '../src/services/index.js';
import { withScratchServices } from '../src/services/scratch-services.js';
import { BENCH_RUNS_DIR } from './bench-pipeline.js';

const doubling = (times: number) =>
  `WITH 'x' AS s ${Array.from({ length: times }, () => 'WITH s + s AS s').join(' ')} RETURN size(s) AS n`;
const nestedReplace = `RETURN size(${'replace('.repeat(9)}'x'${", 'x', 'xxxxxxxxxx')".repeat(9)}) AS n`;

const QUERIES: [name: string, query: string][] = [
  [
    'computed range bound',
    "WITH [x IN range(1, toInteger('30000000')) | toString(x)] AS l RETURN size(l) AS n",
  ],
  ['reduce doubling a string', "RETURN size(reduce(s = 'x', i IN range(1, 32) | s + s)) AS n"],
  ['nested replace', nestedReplace],
  [
    'nested list comprehensions',
    'RETURN size([a IN range(1,1000) | [b IN range(1,1000) | [c IN range(1,1000) | toString(a)]]]) AS n',
  ],
  ['WITH chain doubling a string', doubling(31)],
  [
    '9,000-character literal per element of range(1, 1000000)',
    `RETURN size([x IN range(1, 1000000) | '${'x'.repeat(9000)}' + x]) AS n`,
  ],
];

await withScratchServices(BENCH_RUNS_DIR, async (config) => {
  for (const [name, query] of QUERIES) {
    const refused = unboundedValue(query, {}) !== null;
    const driver = createNeo4jDriver(config);
    const started = Date.now();
    let outcome: string;
    try {
      const result = await runReadQuery(driver, config.neo4jDatabase, query, {}, { timeoutMs: 10_000 });
      outcome = `answered ${JSON.stringify(result.rows[0])}`;
    } catch (error) {
      const { code, message } = error as { code?: string; message?: string };
      outcome = `${code ?? 'error'}: ${String(message).split('\n')[0]?.slice(0, 100)}`;
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const survived = await driver
      .executeQuery('RETURN 1', {}, { database: config.neo4jDatabase })
      .then(() => true)
      .catch(() => false);
    await driver.close().catch(() => {});
    console.log(
      `${name}: ${refused ? 'refused by the API' : 'passes the API'}; run unguarded: ${outcome} after ${seconds} s; ` +
        (survived ? 'server up' : 'server exited'),
    );
    if (!survived) await ensureNeo4j(config);
  }
});
process.exit(0);
