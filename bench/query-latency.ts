/**
 * Latency of the graph API's queries on a generated graph of about 110k facts (bench/graph-generator.ts).
 * Uses a Neo4j of its own (bolt://127.0.0.1:7698, data in .data/bench), started through the project's
 * services code, so neither the developer's nor the tests' graph is touched. The graph is generated on
 * the first run and reused afterwards (a marker node records generator version and options).
 *
 *   npm run bench:queries -- [--iterations 200] [--warmup 20] [--regenerate] [--scale 1] [--keep-running]
 *
 * Every query goes through the function the HTTP API calls (src/graph/queries), one at a time, with
 * parameters drawn at random (seeded) from what the graph holds. Prints p50/p95/max per query, the rows
 * returned and whether the query's plan on this graph starts from an index; writes the same as JSON to
 * bench/out/query-latency.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { type Config, loadConfig, projectRoot } from '../src/config/index.js';
import { createNeo4jDriver, ensureGraphSchema } from '../src/graph/index.js';
import {
  companyProfileStatement,
  companyTimelineStatement,
  getRatingHistory,
  ratingHistoryStatement,
} from '../src/graph/queries/companies.js';
import { documentDetailStatement, documentListStatement } from '../src/graph/queries/documents.js';
import { eventDetailStatement } from '../src/graph/queries/event-detail.js';
import { type EventFilter, eventListStatement } from '../src/graph/queries/events.js';
import {
  eventVocabulary,
  explainStatement,
  type GraphReader,
  getCompanyProfile,
  getCompanyTimeline,
  getDocumentDetail,
  getEventDetail,
  getNeighbourhood,
  listDocuments,
  listEvents,
  runUserCypher,
  type Statement,
  searchEntities,
} from '../src/graph/queries/index.js';
import {
  neighbourhoodHopStatement,
  neighbourhoodStartStatement,
} from '../src/graph/queries/neighbourhood.js';
import { searchStatement } from '../src/graph/queries/search.js';
import { ensureNeo4j, neo4jStatus, stopNeo4j } from '../src/services/index.js';
import {
  countGraph,
  DEFAULT_OPTIONS,
  GENERATOR_VERSION,
  type GeneratorOptions,
  Random,
  readMarker,
  wipeGraph,
  writeMarker,
  writeSyntheticGraph,
} from './graph-generator.js';

const { values: args } = parseArgs({
  options: {
    iterations: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '20' },
    regenerate: { type: 'boolean', default: false },
    scale: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '4' },
    'keep-running': { type: 'boolean', default: false },
  },
});

function benchConfig(): Config {
  const env = process.env;
  return loadConfig({
    ...env,
    NEO4J_URI: env.BENCH_NEO4J_URI ?? 'bolt://127.0.0.1:7698',
    NEO4J_PASSWORD: env.BENCH_NEO4J_PASSWORD ?? 'finkg-bench-password',
    NEO4J_DATABASE: 'neo4j',
    // Not used (the benchmark needs no queue), but kept off the developer's and the tests' ports.
    REDIS_URL: 'redis://127.0.0.1:6398',
    DATA_DIR: env.BENCH_DATA_DIR ?? path.join(projectRoot, '.data', 'bench'),
    NEO4J_HEAP: env.NEO4J_HEAP ?? '1g',
    // Room for the whole store, so the figures are query work, not disk reads.
    NEO4J_PAGECACHE: env.NEO4J_PAGECACHE ?? '512m',
    LOG_LEVEL: 'warn',
  });
}

const scale = Number(args.scale);
const options: GeneratorOptions = {
  seed: DEFAULT_OPTIONS.seed,
  companies: Math.round(DEFAULT_OPTIONS.companies * scale),
  announcements: Math.round(DEFAULT_OPTIONS.announcements * scale),
  reports: Math.round(DEFAULT_OPTIONS.reports * scale),
  news: Math.round(DEFAULT_OPTIONS.news * scale),
};

/** Generates the graph unless the stored one was built by this generator with these options. */
async function ensureGraph(driver: Driver, database: string) {
  const marker = await readMarker(driver, database);
  const wanted = JSON.stringify(options);
  if (!args.regenerate && marker?.version === GENERATOR_VERSION && marker.options === wanted) {
    console.error(`reusing the graph generated ${marker.generatedAt} (${marker.documents} documents)`);
    return marker;
  }
  console.error('emptying the bench database…');
  await wipeGraph(driver, database);
  await ensureGraphSchema(driver, database);
  console.error(`generating ${options.announcements + options.reports + options.news} documents…`);
  const { documents, seconds } = await writeSyntheticGraph(driver, database, options, {
    concurrency: Number(args.concurrency),
    onProgress: (n) => console.error(`  ${n} documents written`),
  });
  const fresh = {
    version: GENERATOR_VERSION,
    options: wanted,
    documents,
    generationSeconds: Math.round(seconds * 10) / 10,
    generatedAt: new Date().toISOString(),
  };
  await writeMarker(driver, database, fresh);
  return fresh;
}

interface Samples {
  companies: { key: string; name: string; code: string; short: string; degree: number }[];
  hubs: string[];
  companyRoles: { key: string; role: string }[];
  names: string[];
  events: string[];
  documents: string[];
}

/** Parameters to draw from: what the graph holds (read once, outside the timings). */
async function samples(driver: Driver, database: string): Promise<Samples> {
  const rows = async (query: string) =>
    (await driver.executeQuery(query, {}, { database })).records.map((r) => r.toObject());
  const companies = (
    await rows(`MATCH (c:Company) USING INDEX c:Company(code) WHERE c.code IS NOT NULL
                RETURN c.key AS key, c.name AS name, c.code AS code, c.shortNames[0] AS short,
                       COUNT { (c)--() } AS degree ORDER BY key`)
  ).map((r) => ({ ...r, degree: Number(r.degree) }) as Samples['companies'][number]);
  return {
    companies,
    hubs: [...companies]
      .sort((a, b) => b.degree - a.degree)
      .slice(0, 10)
      .map((c) => c.key),
    companyRoles: (
      await rows(`MATCH (c:Company)<-[r]-(:Event) WHERE c.code IS NOT NULL
                  RETURN DISTINCT c.key AS key, type(r) AS role ORDER BY key, role`)
    ).map((r) => ({ key: String(r.key), role: String(r.role) })),
    names: (await rows('MATCH (p:Person) RETURN DISTINCT p.name AS name ORDER BY name')).map((r) =>
      String(r.name),
    ),
    events: (await rows('MATCH (e:Event) RETURN e.id AS id ORDER BY id')).map((r) => String(r.id)),
    documents: (await rows('MATCH (d:Document) RETURN d.id AS id ORDER BY id')).map((r) => String(r.id)),
  };
}

interface Sample {
  run: () => Promise<number>;
  statements: Statement[];
}
interface BenchQuery {
  name: string;
  sample: () => Promise<Sample>;
}

/** A query: how to draw its parameters, run it (returning the rows it gave) and plan its statements. */
function query<P>(
  name: string,
  params: () => P | Promise<P>,
  run: (p: P) => Promise<number>,
  statements: (p: P) => Statement[],
): BenchQuery {
  return {
    name,
    sample: async () => {
      const p = await params();
      return { run: () => run(p), statements: statements(p) };
    },
  };
}

function benchQueries(reader: GraphReader, s: Samples): BenchQuery[] {
  const rnd = new Random(7);
  const vocabulary = eventVocabulary();
  const types = [...new Set(vocabulary.typeNames.values())];
  const company = () => rnd.pick(s.companies);
  const hub = () => rnd.pick(s.hubs);
  const month = (span = 1) => {
    const start = new Date(Date.UTC(2022, rnd.int(0, 35 - span + 1), 1));
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + span - 1, 1));
    return { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 7) };
  };
  const kinds = ['announcement', 'research_report', 'news'];
  const page = 20;
  const events = (name: string, filter: () => Omit<EventFilter, 'limit'>) =>
    query(
      `events: ${name}`,
      () => ({ ...filter(), limit: page }),
      async (f) => (await listEvents(reader, f)).items.length,
      (f) => [eventListStatement(f)],
    );
  const neighbourhood = (name: string, key: () => string) =>
    query(
      name,
      key,
      async (k) =>
        (await getNeighbourhood(reader, 'Company', k, { hops: 2, maxNodes: 100 }))?.nodes.length ?? 0,
      (k) => [neighbourhoodStartStatement('Company', k), neighbourhoodHopStatement({ Company: [k] })],
    );
  const search = (name: string, text: () => string, label?: 'Company') =>
    query(
      `search: ${name}`,
      text,
      async (t) => (await searchEntities(reader, t, { limit: 10, ...(label ? { label } : {}) })).length,
      (t) => [searchStatement(t, label, 10)],
    );

  return [
    search('full name', () => company().name),
    search('short name', () => company().short),
    search('stock code', () => company().code, 'Company'),
    search('part of a name', () => {
      const name = rnd.chance(0.5) ? company().name : rnd.pick(s.names);
      const start = rnd.int(0, Math.max(0, name.length - 2));
      return name.slice(start, start + 2);
    }),
    query(
      'company profile',
      () => company().key,
      async (k) => ((await getCompanyProfile(reader, k)) ? 1 : 0),
      (k) => [companyProfileStatement(k)],
    ),
    query(
      'company profile, top-10 hub',
      hub,
      async (k) => ((await getCompanyProfile(reader, k)) ? 1 : 0),
      (k) => [companyProfileStatement(k)],
    ),
    query(
      'company timeline (≤200)',
      () => company().key,
      async (k) =>
        (await getCompanyTimeline(reader, k, 200))?.days.reduce((n, d) => n + d.events.length, 0) ?? 0,
      (k) => [companyTimelineStatement(k, 200)],
    ),
    query(
      'company timeline, hub',
      hub,
      async (k) =>
        (await getCompanyTimeline(reader, k, 200))?.days.reduce((n, d) => n + d.events.length, 0) ?? 0,
      (k) => [companyTimelineStatement(k, 200)],
    ),
    query(
      'company rating history, hub',
      hub,
      async (k) => (await getRatingHistory(reader, k, 200))?.ratings.length ?? 0,
      (k) => [ratingHistoryStatement(k, 200)],
    ),
    events('newest, no filter', () => ({})),
    query(
      'events: by type, page 2 (cursor)',
      async () => {
        const filter = { type: rnd.pick(types), limit: page };
        const first = await listEvents(reader, filter);
        return { ...filter, ...(first.nextCursor ? { cursor: first.nextCursor } : {}) };
      },
      async (f) => (await listEvents(reader, f)).items.length,
      (f) => [eventListStatement(f)],
    ),
    events('by type', () => ({ type: rnd.pick(types) })),
    events('by type + 3 months', () => ({ type: rnd.pick(types), ...month(3) })),
    events('by 1 month', () => month()),
    events('by company', () => ({ companyKey: company().key })),
    events('by company, hub', () => ({ companyKey: hub() })),
    events('by company + role', () => {
      const { key, role } = rnd.pick(s.companyRoles);
      return { companyKey: key, role };
    }),
    events('by role', () => ({ role: rnd.pick(vocabulary.roleTypes) })),
    events('by role + type', () => ({ role: rnd.pick(vocabulary.roleTypes), type: rnd.pick(types) })),
    events('by document kind', () => ({ documentKind: rnd.pick(kinds) })),
    events('company + type + dates + kind', () => ({
      companyKey: hub(),
      type: rnd.pick(types),
      ...month(12),
      documentKind: 'announcement',
    })),
    query(
      'event detail',
      () => rnd.pick(s.events),
      async (id) => ((await getEventDetail(reader, id)) ? 1 : 0),
      (id) => [eventDetailStatement(id)],
    ),
    neighbourhood('neighbourhood, 2 hops, ≤100 nodes', () => company().key),
    neighbourhood('neighbourhood, 2 hops, hub', hub),
    query(
      'documents: newest',
      () => ({ limit: page }),
      async (f) => (await listDocuments(reader, f)).items.length,
      (f) => [documentListStatement(f)],
    ),
    query(
      'documents: by kind, page 2 (cursor)',
      async () => {
        const filter = { kind: rnd.pick(kinds), limit: page };
        const first = await listDocuments(reader, filter);
        return { ...filter, ...(first.nextCursor ? { cursor: first.nextCursor } : {}) };
      },
      async (f) => (await listDocuments(reader, f)).items.length,
      (f) => [documentListStatement(f)],
    ),
    query(
      'documents: by issuer',
      () => ({ issuerKey: company().key, limit: page }),
      async (f) => (await listDocuments(reader, f)).items.length,
      (f) => [documentListStatement(f)],
    ),
    query(
      'documents: by 1 month',
      () => ({ ...month(), limit: page }),
      async (f) => (await listDocuments(reader, f)).items.length,
      (f) => [documentListStatement(f)],
    ),
    query(
      'document detail',
      () => rnd.pick(s.documents),
      async (id) => ((await getDocumentDetail(reader, id)) ? 1 : 0),
      (id) => [documentDetailStatement(id, 5000)],
    ),
    query(
      'cypher: a company’s latest documents',
      () => ({
        text: `MATCH (c:Company {code: $code})<-[:ISSUED_BY]-(d:Document)
               RETURN d.title AS title, d.publishedAt AS publishedAt ORDER BY publishedAt DESC LIMIT 10`,
        params: { code: company().code },
      }),
      async (st) =>
        (await runUserCypher(reader, st.text, st.params, { timeoutMs: 10_000, maxRows: 1000 })).rows.length,
      (st) => [st],
    ),
  ];
}

const FULL_SCANS = ['NodeByLabelScan', 'AllNodesScan'];

interface Figures {
  query: string;
  p50: number;
  p95: number;
  max: number;
  meanRows: number;
  plan: string;
  /** Distinct query texts the parameters gave (each planned once during the warm-up). */
  queryTexts: number;
}

/** Nearest-rank percentile of sorted values. */
const percentile = (sorted: number[], p: number) =>
  sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

async function measure(
  reader: GraphReader,
  q: BenchQuery,
  iterations: number,
  warmup: number,
): Promise<Figures> {
  const first = await q.sample();
  const scans: string[] = [];
  for (const statement of first.statements) {
    const operators = await explainStatement(reader, statement);
    scans.push(
      ...operators.filter((op) => FULL_SCANS.includes(op.name)).map((op) => `${op.name} ${op.details}`),
    );
  }
  // Neo4j caches a plan per query text, and some filters (a role) are part of the text: warm up until
  // no new text has turned up for a while, so the timings are of cached plans, as in a running API.
  const planned = new Set<string>();
  for (let runs = 0, sinceNew = 0; runs < warmup || (sinceNew < 30 && runs < 1000); runs++) {
    const sample = await q.sample();
    const texts = sample.statements.map((st) => st.text).filter((text) => !planned.has(text));
    for (const text of texts) planned.add(text);
    sinceNew = texts.length > 0 ? 0 : sinceNew + 1;
    await sample.run();
  }
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < iterations; i++) {
    const sample = await q.sample();
    const started = performance.now();
    rows += await sample.run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    query: q.name,
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    max: round(times.at(-1) ?? Number.NaN),
    meanRows: round(rows / iterations),
    plan: scans.length === 0 ? 'index' : `SCAN: ${scans.join('; ')}`,
    queryTexts: planned.size,
  };
}

const config = benchConfig();
const before = await neo4jStatus(config);
const status = await ensureNeo4j(config);
const driver = createNeo4jDriver(config);
const database = config.neo4jDatabase;
try {
  await ensureGraphSchema(driver, database);
  const marker = await ensureGraph(driver, database);
  const counts = await countGraph(driver, database);
  const reader: GraphReader = { driver, database };
  const queries = benchQueries(reader, await samples(driver, database));
  const iterations = Number(args.iterations);
  const warmup = Number(args.warmup);
  console.error(`timing ${queries.length} queries, ${warmup} warm-up + ${iterations} runs each…`);
  const results: Figures[] = [];
  for (const q of queries) {
    results.push(await measure(reader, q, iterations, warmup));
    if (results.length % 5 === 0) console.error(`  ${results.length}/${queries.length}`);
  }

  const nodes = Object.values(counts.nodes).reduce((a, b) => a + b, 0);
  const relationships = Object.values(counts.relationships).reduce((a, b) => a + b, 0);
  const f = counts.facts;
  console.log(
    `\ngraph: ${marker.documents} documents, ${f.total} facts (${f.events} events, ${f.roleArguments} role ` +
      `relationships, ${f.valueArguments} value arguments, ${f.mentions} mentions, ${f.ratings} ratings); ` +
      `${nodes} nodes, ${relationships} relationships; generated in ${marker.generationSeconds} s ` +
      `(${Math.round(f.total / marker.generationSeconds)} facts/s)`,
  );
  console.log(`nodes: ${JSON.stringify(counts.nodes)}`);
  console.log(
    `Neo4j ${status.version ?? '?'}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), load ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}\n`,
  );
  const width = Math.max(...results.map((r) => r.query.length));
  console.log(`${'query'.padEnd(width)}  p50 ms  p95 ms  max ms    rows  plan`);
  for (const r of results) {
    console.log(
      `${r.query.padEnd(width)}  ${[r.p50, r.p95, r.max].map((x) => x.toFixed(1).padStart(6)).join('  ')}  ${r.meanRows.toFixed(1).padStart(6)}  ${r.plan}`,
    );
  }
  const outDir = path.join(projectRoot, 'bench', 'out');
  await mkdir(outDir, { recursive: true });
  const outFile = path.join(outDir, 'query-latency.json');
  await writeFile(
    outFile,
    `${JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        machine: {
          cores: os.cpus().length,
          cpu: os.cpus()[0]?.model,
          memoryGiB: Math.round(os.totalmem() / 2 ** 30),
          loadAverage: os.loadavg(),
          node: process.version,
          neo4j: status.version,
          neo4jHeap: config.neo4jHeap,
          neo4jPageCache: config.neo4jPageCache,
        },
        generator: { ...marker, options },
        counts,
        iterations,
        warmup,
        queries: results,
      },
      null,
      2,
    )}\n`,
  );
  console.log(
    `\n(rows: mean rows or items returned per call; plan: EXPLAIN on this graph; written to ${outFile})`,
  );
} finally {
  await driver.close();
  // Leave no second Neo4j behind on a shared machine unless asked to; the data stays for the next run.
  if (!before.healthy && !args['keep-running']) await stopNeo4j(config);
}
process.exit(0);
