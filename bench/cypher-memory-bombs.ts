/**
 * Runs each form of read query that builds a huge value inside one expression on a Neo4j of its own (the
 * product's configuration: default heap, ExitOnOutOfMemoryError, transaction memory limits): first as
 * the API runs a client's query (runUserCypher: refusals, plan check, READ, 10 s deadline), then straight,
 * without the API's refusal, and reports what each answered and whether the server survived; a server
 * that exited is started again for the next run.
 *
 *   node dist/bench/cypher-memory-bombs.js [--only <part of a name>]…   (minutes per query that kills the server)
 */
import type { Driver } from 'neo4j-driver';
import type { Config } from '../src/config/index.js';
import { createNeo4jDriver } from '../src/graph/index.js';
import { runUserCypher } from '../src/graph/queries/index.js';
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
  [
    '60,000-character variable joined to each element of range(1, 10000)',
    `WITH '${'x'.repeat(60_000)}' AS s RETURN size([x IN range(1, 10000) | s + x]) AS n`,
  ],
  [
    '900-character literal per element of a collected list',
    `UNWIND range(1, 1000000) AS i WITH collect(i) AS l RETURN size([x IN l | '${'x'.repeat(900)}' + x]) AS n`,
  ],
  // What stays allowed: picking from each element of the longest list collect() may hold, and building
  // per row through collect(), whose memory Neo4j counts.
  ...[4_000_000, 5_000_000].map((n): [string, string] => [
    `toString() of each element of a collected list of ${n.toLocaleString('en')} (allowed)`,
    `UNWIND range(1, ${n}) AS i WITH collect(i) AS l RETURN size([x IN l | toString(x)]) AS n`,
  ]),
  ...[200_000, 300_000].map((n): [string, string] => [
    `toUpper() of each element of a collected list of ${n.toLocaleString('en')} 400-character strings (allowed)`,
    `UNWIND range(1, ${n}) AS i WITH collect('${'x'.repeat(400)}' + i) AS l RETURN size([x IN l | toUpper(x)]) AS n`,
  ]),
  [
    '900-character string per row through collect() (allowed)',
    `UNWIND range(1, 1000000) AS i RETURN size(collect('${'x'.repeat(900)}' + i)) AS n`,
  ],
];

/** The API's limits for a client's query (src/api/app.ts). */
const API_LIMITS = { timeoutMs: 10_000, maxRows: 1000 };

type Run = (driver: Driver, database: string, query: string) => Promise<unknown>;

const RUNS: [how: string, run: Run][] = [
  [
    'through the API',
    (driver, database, query) => runUserCypher({ driver, database }, query, {}, API_LIMITS),
  ],
  ['unguarded', (driver, database, query) => runReadQuery(driver, database, query, {}, API_LIMITS)],
];

/** What one run answered, how long it took and whether the server still answers after it. */
async function measure(config: Config, run: Run, query: string): Promise<string> {
  const driver = createNeo4jDriver(config);
  const started = Date.now();
  let outcome: string;
  try {
    const result = (await run(driver, config.neo4jDatabase, query)) as { rows: unknown[] };
    outcome = `answered ${JSON.stringify(result.rows[0])}`;
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    outcome = `${code ?? (error as Error).constructor.name}: ${String(message).split('\n')[0]?.slice(0, 100)}`;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const survived = await driver
    .executeQuery('RETURN 1', {}, { database: config.neo4jDatabase })
    .then(() => true)
    .catch(() => false);
  await driver.close().catch(() => {});
  if (!survived) await ensureNeo4j(config);
  return `${outcome} after ${seconds} s; ${survived ? 'server up' : 'server exited'}`;
}

/** `--only <part of a name>`, repeatable: the forms to run (all when none is given). */
const only = process.argv.flatMap((arg, i) => (process.argv[i - 1] === '--only' ? [arg] : []));

await withScratchServices(BENCH_RUNS_DIR, async (config) => {
  for (const [name, query] of QUERIES.filter(
    ([name]) => only.length === 0 || only.some((part) => name.includes(part)),
  )) {
    for (const [how, run] of RUNS) console.log(`${name}, ${how}: ${await measure(config, run, query)}`);
  }
});
process.exit(0);
