/**
 * Entity resolution on real documents: the real PDFs of ../shared/data/real-pdfs and the shipped
 * samples through the whole pipeline (queue → worker → graph) against a Redis and a Neo4j started for
 * the run on free ports and stopped afterwards. Prints the time by stage summed over the run (linking's
 * share, graph facts per second), the company, person and event counts, and writes everything a hand
 * check needs to bench/out/real-documents-graph.json: every company and person with its names, every
 * event with its documents and parties, the events told by more than one document with each source's
 * values, a seeded sample of merges (mentions linked to a node under another spelling, with their
 * reason and sentence) and each document's stage times.
 *
 * It also counts the real deals bench/cross-document-groups.json lists (documents that tell the same deal)
 * that became one Event; `--groups-only` reads only those groups' documents (a few minutes).
 *
 *   node dist/bench/real-documents-graph.js [--pdfs ../shared/data/real-pdfs] [--sample 100] [--seed 17]
 *     [--groups bench/cross-document-groups.json] [--groups-only]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Config, projectRoot } from '../src/config/index.js';
import { createNeo4jDriver } from '../src/graph/index.js';
import { type JobOutcome, waitForJobs } from '../src/ingest/index.js';
import { type BenchQueue, LARGE_DOCUMENTS, withBenchQueue, withBenchServices } from './bench-pipeline.js';
import {
  allGroupDocuments,
  type BenchDocument,
  DEFAULT_GROUPS_FILE,
  DEFAULT_PDFS_DIR,
  groupLabel as dealGroupLabel,
  readDealGroups,
  realPdfsAndSamples,
  submitBare,
} from './deal-groups.js';
import { type MergeRow, mergeDecisions, seededShuffle, stratifiedSample } from './merge-sample.js';

const { values } = parseArgs({
  options: {
    pdfs: { type: 'string', default: DEFAULT_PDFS_DIR },
    sample: { type: 'string', default: '100' },
    seed: { type: 'string', default: '17' },
    groups: { type: 'string', default: DEFAULT_GROUPS_FILE },
    'groups-only': { type: 'boolean', default: false },
  },
});

const groups = readDealGroups(values.groups);
const groupLabel = (ref: string) => dealGroupLabel(ref, values.pdfs);

const documents: BenchDocument[] = values['groups-only']
  ? await allGroupDocuments(groups, values.pdfs)
  : realPdfsAndSamples(values.pdfs);

/** What a completed job reports that the timing summary reads (see workers/document-processor.ts). */
interface JobFigures {
  sentences: number;
  mentions: number;
  events: number;
  arguments: number;
  timings: Record<string, number>;
}

/**
 * Each completed document's stage times (the worker's `timings`, milliseconds), keyed by file, and the
 * facts it wrote as bench:pipeline counts them (sentences + mentions + events + arguments).
 */
function stageTimings(outcomes: Map<string, JobOutcome>, names: Map<string, string>) {
  const byDocument: Record<string, Record<string, number>> = {};
  let facts = 0;
  for (const o of outcomes.values()) {
    if (o.state !== 'completed') continue;
    const r = o.result as JobFigures | undefined;
    if (!r?.timings) continue;
    byDocument[names.get(o.jobId) ?? o.jobId] = r.timings;
    facts += r.sentences + r.mentions + r.events + r.arguments;
  }
  return { byDocument, facts };
}

/**
 * Time by stage summed over the run, each stage's share of the total, and linking's share of each
 * document's own time (median and largest), since issue 17 bounds linking per document.
 */
function printStageTimings({ byDocument, facts }: ReturnType<typeof stageTimings>): void {
  const totals = new Map<string, number>();
  const linkShares: number[] = [];
  for (const t of Object.values(byDocument)) {
    let documentMs = 0;
    for (const [stage, ms] of Object.entries(t)) {
      totals.set(stage, (totals.get(stage) ?? 0) + ms);
      documentMs += ms;
    }
    if (documentMs > 0) linkShares.push((t.link ?? 0) / documentMs);
  }
  const all = [...totals.values()].reduce((a, b) => a + b, 0);
  console.log(
    `time by stage over ${Object.keys(byDocument).length} documents (${(all / 1000).toFixed(0)} s):`,
  );
  for (const [stage, ms] of totals)
    console.log(`  ${stage}: ${(ms / 1000).toFixed(1)} s (${((100 * ms) / all).toFixed(1)} %)`);
  linkShares.sort((a, b) => a - b);
  const graphSeconds = (totals.get('graph') ?? 0) / 1000;
  console.log(
    `  graph writing: ${facts} facts in ${graphSeconds.toFixed(1)} s, ${(facts / graphSeconds).toFixed(0)} facts/s (one worker)`,
  );
  const pct = (x: number | undefined) => `${(100 * (x ?? 0)).toFixed(1)} %`;
  console.log(
    `  link's share of a document's time: median ${pct(linkShares[Math.floor(linkShares.length / 2)])}, largest ${pct(linkShares.at(-1))}`,
  );
}

type Read = (query: string, params?: Record<string, unknown>) => Promise<Record<string, unknown>[]>;

/**
 * For each deal group whose documents were all read: whether one Event of its type is reported in all of
 * them, and else each document's events of that type with their parties and values, to say why not.
 */
async function countDealGroups(read: Read, documentIds: ReadonlyMap<string, string>) {
  const outcome = [];
  for (const group of groups) {
    const ids = group.documents.map((ref) => documentIds.get(groupLabel(ref)));
    if (ids.some((id) => id === undefined)) continue;
    const one = await read(
      `MATCH (e:Event {type: $type}) WHERE all(id IN $ids WHERE EXISTS { (e)-[:REPORTED_IN]->(:Document {id: id}) })
       RETURN e.id AS id,
         COLLECT { MATCH (e)-[r:REPORTED_IN]->(:Document) RETURN r.match } AS reasons`,
      { type: group.type, ids },
    );
    const perDocument = await read(
      `UNWIND $ids AS id
       MATCH (e:Event)-[r:REPORTED_IN]->(d:Document {id: id})
       RETURN d.id AS document, d.publishedAt AS published, e.type AS type, r.date AS date, r.amount AS amount,
         r.currency AS currency, r.shares AS shares, r.ratio AS ratio,
         COLLECT { MATCH (e)-[p]->(n) WHERE (n:Company OR n:Person OR n:Organization) AND p.documentId = id
                   RETURN type(p) + ' ' + n.key } AS parties
       ORDER BY document, type`,
      { ids },
    );
    outcome.push({ ...group, oneEvent: one.length > 0, reasons: one[0]?.reasons ?? [], events: perDocument });
  }
  return outcome;
}

function printDealGroups(dealGroups: Awaited<ReturnType<typeof countDealGroups>>): void {
  const joined = dealGroups.filter((g) => g.oneEvent).length;
  console.log(`deals told by several documents that are one event: ${joined} of ${dealGroups.length}`);
  for (const g of dealGroups)
    console.log(`  ${g.oneEvent ? 'one event' : 'apart    '}  ${g.type}  ${g.deal}`);
}

async function readAll({ config, queue, events, submit }: BenchQueue): Promise<void> {
  const driver = createNeo4jDriver(config);
  try {
    const started = performance.now();
    const submissions = await submitBare(submit, documents);
    const ids = submissions.map((s) => s.jobId);
    const names = new Map(submissions.map((s, i) => [s.jobId, documents[i]?.label ?? '']));
    const documentIds = new Map(submissions.map((s, i) => [documents[i]?.label ?? '', s.documentId]));
    const outcomes = await waitForJobs(queue, events, ids);
    const failed = [...outcomes.values()].filter((o) => o.state !== 'completed');
    const seconds = (performance.now() - started) / 1000;
    const timings = stageTimings(outcomes, names);

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
    // Every event with its documents and parties, to find by hand the deals two documents tell that
    // did not become one event.
    const allEvents = await read(
      `MATCH (e:Event)
       RETURN e.id AS id, e.type AS type, e.date AS date, e.amount AS amount, e.shares AS shares,
         COLLECT { MATCH (e)-[:REPORTED_IN]->(d:Document) RETURN d.fileName } AS documents,
         COLLECT { MATCH (e)-[r]->(n) WHERE n:Company OR n:Person OR n:Organization
                   RETURN DISTINCT type(r) + ' ' + n.name } AS parties
       ORDER BY type, date`,
    );
    const sharedEvents = await read(
      `MATCH (e:Event) WHERE COUNT { (e)-[:REPORTED_IN]->() } > 1
       RETURN e.id AS id, e.type AS type, e.date AS date, e.amount AS amount, e.shares AS shares,
         COLLECT { MATCH (e)-[r:REPORTED_IN]->(d:Document)
                   RETURN {file: d.fileName, document: d.id, date: r.date, amount: r.amount, shares: r.shares, ratio: r.ratio, match: r.match} } AS sources,
         COLLECT { MATCH (e)-[r]->(n) WHERE n:Company OR n:Person OR n:Organization
                   RETURN DISTINCT type(r) + ' ' + n.name } AS parties`,
    );
    // A person's mention under another spelling (周建 for 周建平) has no reason of its own: it is the name
    // the document states whole.
    const merges = (await read(
      `MATCH (n)-[m:MENTIONED_IN]->(s:Sentence)<-[:HAS_SENTENCE]-(d:Document)
       WHERE ((n:Company AND m.resolution IS NOT NULL) OR n:Person) AND m.text <> n.name
       RETURN labels(n)[0] AS label, n.key AS key, n.name AS name, m.text AS text,
              coalesce(m.resolution, 'completed_name') AS resolution, d.fileName AS file,
              s.index AS sentence, m.start AS start, s.text AS sentenceText
       ORDER BY file, s.index, m.start`,
    )) as unknown as (MergeRow & { sentenceText: string })[];
    const sample = seededShuffle(merges, Number(values.seed)).slice(0, Number(values.sample));
    // Merges to judge by hand, drawn per reason (bench/merge-sample.ts); people joined across documents
    // are drawn apart.
    const decisions = mergeDecisions(merges);
    const companyDecisions = stratifiedSample(
      decisions.filter((d) => d.label === 'Company'),
      (d) => d.resolution,
      Number(values.sample),
      Number(values.seed),
      5,
    );
    const peopleAcross = seededShuffle(
      people.filter((p) => (p.documents as string[]).length > 1),
      Number(values.seed),
    ).slice(0, Number(values.sample));
    const dealGroups = await countDealGroups(read, documentIds);
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
          timings: timings.byDocument,
          companies,
          people,
          sharedEvents,
          dealGroups,
          events: allEvents,
          mergeSample: sample,
          companyMergeDecisions: companyDecisions,
          personMergeDecisions: decisions.filter((d) => d.label === 'Person'),
          peopleAcrossDocuments: peopleAcross,
        },
        null,
        1,
      ),
    );
    console.log(`${documents.length} documents in ${seconds.toFixed(0)} s, ${failed.length} not completed`);
    for (const o of failed) console.log(`  not completed: ${names.get(o.jobId)} (${o.state})`);
    printStageTimings(timings);
    console.log(`companies ${companies.length}, people ${people.length}, events ${eventCount[0]?.events}`);
    console.log(`events told by more than one document: ${sharedEvents.length}`);
    printDealGroups(dealGroups);
    // Events joined across documents that no listed deal accounts for: each is a merge to check by hand.
    const labelOf = new Map([...documentIds].map(([label, id]) => [id, label]));
    const listed = (files: string[]) =>
      groups.some((g) => files.every((f) => g.documents.map(groupLabel).includes(f)));
    const unlisted = sharedEvents.filter(
      (e) =>
        !listed(
          (e.sources as { file: string; document: string }[]).map((s) => labelOf.get(s.document) ?? s.file),
        ),
    );
    console.log(`  events joined across documents outside the listed deals: ${unlisted.length}`);
    for (const e of unlisted) console.log(`    ${e.type} ${JSON.stringify(e.parties)}`);
    console.log(`mentions linked under another spelling: ${merges.length} (${decisions.length} decisions)`);
    const decisionsByReason = new Map<string, number>();
    for (const d of decisions)
      decisionsByReason.set(d.resolution, (decisionsByReason.get(d.resolution) ?? 0) + 1);
    for (const [reason, count] of [...byResolution].sort((a, b) => b[1] - a[1]))
      console.log(`  ${reason}: ${count} (${decisionsByReason.get(reason) ?? 0} decisions)`);
    console.log(`details for the hand check: ${path.relative(process.cwd(), out)}`);
  } finally {
    await driver.close();
  }
}

await withBenchServices((config: Config) =>
  withBenchQueue(config, { workers: 1, maxDocumentBytes: 1e9, workerEnv: LARGE_DOCUMENTS }, readAll),
);
