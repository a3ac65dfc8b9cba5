/**
 * Whole-pipeline throughput: generated announcements through queue → parse → extract → link → graph,
 * with 1 and then 2 worker processes, against a Redis and a Neo4j started for the benchmark on free ports
 * and stopped afterwards (or the TEST_REDIS_URL / TEST_NEO4J_URI servers when set).
 *
 *   npm run bench:pipeline -- [--documents 200] [--workers 1,2]
 *
 * Prints documents per minute, sentences per second and graph write throughput (facts written per
 * second of graph-stage time) side by side, with the ratio of each run to the first.
 */
import { parseArgs } from 'node:util';
import type { Config } from '../src/config/index.js';
import { submitText, waitForJobs } from '../src/ingest/index.js';
import { withBenchQueue, withBenchServices } from './bench-pipeline.js';
import { generateAnnouncements } from './generated-announcements.js';

interface RunFigures {
  workers: number;
  documents: number;
  failed: number;
  seconds: number;
  sentences: number;
  facts: number;
  graphSeconds: number;
}

interface JobResult {
  sentences: number;
  mentions: number;
  events: number;
  arguments: number;
  timings: Record<string, number>;
}

function run(config: Config, workers: number, documents: number): Promise<RunFigures> {
  return withBenchQueue(
    config,
    { workers, maxDocumentBytes: 1e8 },
    async ({ config, queue, events, submit }) => {
      // A salt per run makes every run's documents new to the graph, as fresh filings would be.
      const salt = config.queuePrefix;
      const started = performance.now();
      const ids: string[] = [];
      for (const doc of generateAnnouncements(documents)) {
        const submission = await submitText(submit, { text: `${doc.text}\n${salt}`, kind: 'announcement' });
        ids.push(submission.jobId);
      }
      const outcomes = await waitForJobs(queue, events, ids);
      const seconds = (performance.now() - started) / 1000;
      let sentences = 0;
      let facts = 0;
      let graphMs = 0;
      let failed = 0;
      for (const outcome of outcomes.values()) {
        if (outcome.state !== 'completed') {
          failed++;
          continue;
        }
        const result = (await queue.getJob(outcome.jobId))?.returnvalue as JobResult;
        sentences += result.sentences;
        facts += result.sentences + result.mentions + result.events + result.arguments;
        graphMs += result.timings.graph ?? 0;
      }
      return { workers, documents, failed, seconds, sentences, facts, graphSeconds: graphMs / 1000 };
    },
  );
}

const { values } = parseArgs({
  options: { documents: { type: 'string', default: '200' }, workers: { type: 'string', default: '1,2' } },
});
const documents = Number(values.documents);
const runs: RunFigures[] = [];
await withBenchServices(async (config) => {
  for (const workers of values.workers.split(',').map(Number)) {
    console.error(`running ${documents} documents with ${workers} worker process(es)…`);
    runs.push(await run(config, workers, documents));
  }
});

const base = runs[0] as RunFigures;
const rate = (r: RunFigures) => ({
  docsPerMin: ((r.documents - r.failed) / r.seconds) * 60,
  sentencesPerSec: r.sentences / r.seconds,
  factsPerSec: r.facts / r.graphSeconds,
});
console.log('\nworkers  documents  failed  wall s   docs/min  sentences/s  graph facts/s  vs first run');
for (const r of runs) {
  const x = rate(r);
  console.log(
    [
      String(r.workers).padStart(7),
      String(r.documents).padStart(10),
      String(r.failed).padStart(7),
      r.seconds.toFixed(1).padStart(7),
      x.docsPerMin.toFixed(1).padStart(10),
      x.sentencesPerSec.toFixed(1).padStart(12),
      x.factsPerSec.toFixed(0).padStart(14),
      `${(x.docsPerMin / rate(base).docsPerMin).toFixed(2)}x`.padStart(13),
    ].join(' '),
  );
}
console.log(
  `\n(${process.env.MODEL_DIR ?? 'models/finkg-small'}, ${process.env.MODEL_PRECISION ?? 'int8'}; graph facts = sentences + mentions + events + arguments written, per second of graph-stage time)`,
);
process.exit(0);
