/**
 * Graph writing alone, as one worker writes: generated documents (bench/graph-generator.ts: the parse
 * stage's output and the model's reading, linked and assembled by the product's code before the clock
 * starts) written one at a time by writeDocumentGraph against a Neo4j started for the run on a free port
 * (or the TEST_* servers, see bench-pipeline.ts). Prints facts per second (sentences + mentions + events
 * + arguments, as bench:pipeline and the worker count them), transactions per second, and the time of
 * each statement of the write summed over the run, slowest first.
 *
 *   node dist/bench/graph-write.js [--documents 400] [--warmup 50] [--scale 0.05]
 */
import { parseArgs } from 'node:util';
import type { Driver, ManagedTransaction, SessionConfig } from 'neo4j-driver';
import type { Config } from '../src/config/index.js';
import { createNeo4jDriver, ensureGraphSchema, writeDocumentGraph } from '../src/graph/index.js';
import type { GraphDocument } from '../src/link/graph-document.js';
import { linkAndAssemble } from '../src/pipeline/index.js';
import { withBenchServices } from './bench-pipeline.js';
import { DEFAULT_OPTIONS, syntheticDocuments } from './graph-generator.js';

const { values } = parseArgs({
  options: {
    documents: { type: 'string', default: '400' },
    warmup: { type: 'string', default: '50' },
    scale: { type: 'string', default: '0.05' },
  },
});
const measured = Number(values.documents);
const warmup = Number(values.warmup);
const scale = Number(values.scale);

/** Statement time by the statement's first line (its shape), summed over the measured documents. */
const statementMs = new Map<string, { ms: number; calls: number }>();
let profiling = false;

/** A driver whose write transactions time each statement they run; the writer is the product's. */
function timedDriver(driver: Driver): Driver {
  const timedTx = (tx: ManagedTransaction): ManagedTransaction =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        if (prop !== 'run') return Reflect.get(target, prop, receiver);
        return async (query: string, params?: Record<string, unknown>) => {
          const started = performance.now();
          const result = await target.run(query, params);
          if (profiling) {
            const key = query
              .replace(/^CYPHER \S+\s+/, '')
              .trim()
              .split('\n')
              .slice(0, 2)
              .join(' ')
              .replace(/\s+/g, ' ')
              .slice(0, 90);
            const entry = statementMs.get(key) ?? { ms: 0, calls: 0 };
            entry.ms += performance.now() - started;
            entry.calls++;
            statementMs.set(key, entry);
          }
          return result;
        };
      },
    });
  return new Proxy(driver, {
    get(target, prop, receiver) {
      if (prop !== 'session') return Reflect.get(target, prop, receiver);
      return (config: SessionConfig) => {
        const session = target.session(config);
        return new Proxy(session, {
          get(s, p, r) {
            if (p !== 'executeWrite') return Reflect.get(s, p, r);
            return <T>(work: (tx: ManagedTransaction) => Promise<T>) =>
              s.executeWrite((tx) => work(timedTx(tx)));
          },
        });
      };
    },
  });
}

async function run(config: Config): Promise<void> {
  const driver = createNeo4jDriver(config);
  try {
    await ensureGraphSchema(driver, config.neo4jDatabase);
    const options = {
      ...DEFAULT_OPTIONS,
      companies: Math.round(DEFAULT_OPTIONS.companies * scale),
      announcements: Math.round(DEFAULT_OPTIONS.announcements * scale),
      reports: Math.round(DEFAULT_OPTIONS.reports * scale),
      news: Math.round(DEFAULT_OPTIONS.news * scale),
    };
    const documents: GraphDocument[] = [];
    for (const synthetic of syntheticDocuments(options)) {
      documents.push(await linkAndAssemble(synthetic));
      if (documents.length === warmup + measured) break;
    }
    const timed = timedDriver(driver);
    let facts = 0;
    let joined = 0;
    let ms = 0;
    for (const [i, doc] of documents.entries()) {
      profiling = i >= warmup;
      const started = performance.now();
      const summary = await writeDocumentGraph(timed, config.neo4jDatabase, doc);
      if (!profiling) continue;
      ms += performance.now() - started;
      facts += summary.sentences + summary.mentions + summary.events + summary.arguments;
      joined += summary.eventsJoined;
    }
    const n = documents.length - warmup;
    console.log(
      `${n} documents after ${warmup} of warm-up: ${facts} facts in ${(ms / 1000).toFixed(1)} s, ` +
        `${(facts / (ms / 1000)).toFixed(0)} facts/s, ${(n / (ms / 1000)).toFixed(1)} documents/s, ` +
        `${(ms / n).toFixed(1)} ms per document, ${joined} events joined to another document's`,
    );
    const statements = [...statementMs].sort((a, b) => b[1].ms - a[1].ms);
    const total = statements.reduce((a, [, v]) => a + v.ms, 0);
    console.log(
      `statements: ${(total / 1000).toFixed(1)} s in ${statements.reduce((a, [, v]) => a + v.calls, 0)} calls`,
    );
    for (const [key, v] of statements)
      console.log(
        `  ${(v.ms / 1000).toFixed(2).padStart(7)} s ${String(v.calls).padStart(6)} calls ${((100 * v.ms) / total).toFixed(1).padStart(5)} %  ${key}`,
      );
  } finally {
    await driver.close();
  }
}

await withBenchServices(run);
