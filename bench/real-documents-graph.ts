/**
 * Entity resolution on real documents: the real PDFs of ../shared/data/real-pdfs and the shipped
 * samples through the whole pipeline (queue → worker → graph) against a Redis and a Neo4j started for
 * the run on free ports and stopped afterwards. Prints the company, person and event counts and writes
 * everything a hand check needs to bench/out/real-documents-graph.json: every company and person with
 * its names, the events told by more than one document with each source's values, and a seeded sample
 * of merges (mentions linked to a node under another spelling, with their reason and sentence).
 *
 *   node dist/bench/real-documents-graph.js [--pdfs ../shared/data/real-pdfs] [--sample 100] [--seed 17]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Config, projectRoot } from '../src/config/index.js';
import { createNeo4jDriver } from '../src/graph/index.js';
import { submitDocument, waitForJobs } from '../src/ingest/index.js';
import { type BenchQueue, withBenchQueue, withBenchServices } from './bench-pipeline.js';

const { values } = parseArgs({
  options: {
    pdfs: { type: 'string', default: path.join(projectRoot, '..', 'shared', 'data', 'real-pdfs') },
    sample: { type: 'string', default: '100' },
    seed: { type: 'string', default: '17' },
  },
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? filesUnder(full) : [full];
    });
}

const documents = [
  ...filesUnder(values.pdfs).filter((f) => f.endsWith('.pdf')),
  ...filesUnder(path.join(projectRoot, 'samples')).filter((f) => /\.(pdf|html|txt)$/.test(f)),
];

/** Deterministic shuffle (mulberry32), so the same seed draws the same merges. */
function seededSample<T>(items: readonly T[], n: number, seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, n);
}

// Annual reports and a 381-page plan need more than a shared worker's limits allow.
const LARGE_DOCUMENTS = {
  DOCUMENT_READ_SECONDS: '3600',
  MAX_DOCUMENT_PAGES: '2000',
  DOCUMENT_MEMORY_MB: '4096',
};

async function readAll({ config, queue, events, submit }: BenchQueue): Promise<void> {
  const driver = createNeo4jDriver(config);
  try {
    const started = performance.now();
    const ids: string[] = [];
    const names = new Map<string, string>();
    for (const file of documents) {
      const submission = await submitDocument(submit, {
        bytes: new Uint8Array(readFileSync(file)),
        kind: 'other',
        fileName: path.basename(file),
      });
      ids.push(submission.jobId);
      names.set(submission.jobId, path.relative(projectRoot, file));
    }
    const outcomes = await waitForJobs(queue, events, ids);
    const failed = [...outcomes.values()].filter((o) => o.state !== 'completed');
    const seconds = (performance.now() - started) / 1000;

    const read = async (query: string, params: Record<string, unknown> = {}) =>
      (await driver.executeQuery(query, params, { database: config.neo4jDatabase })).records.map((r) =>
        r.toObject(),
      );
    const companies = await read(
      `MATCH (c:Company) RETURN c.key AS key, c.name AS name, c.code AS code, c.shortNames AS shortNames,
         COUNT { (c)-[:MENTIONED_IN]->() } AS mentions,
         COLLECT { MATCH (c)-[:MENTIONED_IN]->(:Sentence)<-[:HAS_SENTENCE]-(d:Document) RETURN DISTINCT d.fileName } AS documents
       ORDER BY c.name`,
    );
    const people = await read(
      `MATCH (p:Person) RETURN p.key AS key, p.name AS name, p.companyKey AS companyKey, p.positions AS positions,
         COLLECT { MATCH (p)-[:MENTIONED_IN]->(:Sentence)<-[:HAS_SENTENCE]-(d:Document) RETURN DISTINCT d.fileName } AS documents
       ORDER BY p.name`,
    );
    const eventCount = await read('MATCH (e:Event) RETURN count(e) AS events');
    const sharedEvents = await read(
      `MATCH (e:Event) WHERE COUNT { (e)-[:REPORTED_IN]->() } > 1
       RETURN e.id AS id, e.type AS type, e.date AS date, e.amount AS amount, e.shares AS shares,
         COLLECT { MATCH (e)-[r:REPORTED_IN]->(d:Document)
                   RETURN {file: d.fileName, date: r.date, amount: r.amount, shares: r.shares, ratio: r.ratio, match: r.match} } AS sources,
         COLLECT { MATCH (e)-[r]->(n) WHERE n:Company OR n:Person OR n:Organization
                   RETURN DISTINCT type(r) + ' ' + n.name } AS parties`,
    );
    const merges = await read(
      `MATCH (n)-[m:MENTIONED_IN]->(s:Sentence)<-[:HAS_SENTENCE]-(d:Document)
       WHERE (n:Company OR n:Person) AND m.resolution IS NOT NULL AND m.text <> n.name
       RETURN labels(n)[0] AS label, n.key AS key, n.name AS name, m.text AS text, m.resolution AS resolution,
              d.fileName AS file, s.text AS sentence ORDER BY file, s.index, m.start`,
    );
    const sample = seededSample(merges, Number(values.sample), Number(values.seed));
    const byResolution = new Map<string, number>();
    for (const m of merges)
      byResolution.set(String(m.resolution), (byResolution.get(String(m.resolution)) ?? 0) + 1);

    await mkdir(path.join(projectRoot, 'bench', 'out'), { recursive: true });
    const out = path.join(projectRoot, 'bench', 'out', 'real-documents-graph.json');
    await writeFile(
      out,
      JSON.stringify(
        {
          documents: documents.length,
          failed: failed.map((o) => ({ file: names.get(o.jobId), state: o.state })),
          companies,
          people,
          sharedEvents,
          mergeSample: sample,
        },
        null,
        1,
      ),
    );
    console.log(`${documents.length} documents in ${seconds.toFixed(0)} s, ${failed.length} not completed`);
    for (const o of failed) console.log(`  not completed: ${names.get(o.jobId)} (${o.state})`);
    console.log(`companies ${companies.length}, people ${people.length}, events ${eventCount[0]?.events}`);
    console.log(`events told by more than one document: ${sharedEvents.length}`);
    console.log(`mentions linked under another spelling: ${merges.length}`);
    for (const [reason, count] of [...byResolution].sort((a, b) => b[1] - a[1]))
      console.log(`  ${reason}: ${count}`);
    console.log(`details for the hand check: ${path.relative(process.cwd(), out)}`);
  } finally {
    await driver.close();
  }
}

await withBenchServices((config: Config) =>
  withBenchQueue(config, { workers: 1, maxDocumentBytes: 1e9, workerEnv: LARGE_DOCUMENTS }, readAll),
);
