/**
 * Precision of 质押 / 解除质押 records on news the team never annotated: corpus texts outside data/team-events
 * and data/realdocs in which the product predicted a pledge record, each record judged by hand against the
 * guideline (bench/pledge-judgements.jsonl: document id, type, pledgors, share count as predicted, verdict, why).
 *
 *   node dist/bench/pledge-precision.js [--cache DIR] [--verbose]
 *
 * Reads the judged documents as `finkg eval` does (kind undeclared, the model's readings kept in the cache,
 * default DATA_DIR/eval-cache) and prints the records now predicted: right, wrong, or not judged yet (a new
 * record, or one whose pledgor or count changed: judge it and add a line), and the judged records no longer
 * predicted.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultDatasetsDir, readSetting } from '../src/config/index.js';
import { projectRoot } from '../src/config/project-paths.js';
import type { PredictedDocument } from '../src/eval/realdocs.js';
import { runRealDocs } from '../src/eval/realdocs-run.js';
import { CachedExtractor } from '../src/extract/extraction-cache.js';
import { EventExtractor } from '../src/extract/index.js';

interface Judgement {
  id: string;
  type: string;
  /** The record's 质押方 arguments, sorted, joined by |. */
  pledgor: string;
  /** The record's 质押股票/股份数量 argument as written, or empty. */
  shares: string;
  verdict: 'right' | 'wrong';
  /** Why a wrong record is wrong, in a word: standing-pledge, warning-line, recalled-history, …. */
  cause?: string;
  reason: string;
}

const PLEDGE_TYPES = new Set(['质押', '解除质押']);
const JUDGEMENTS = path.join(projectRoot, 'bench', 'pledge-judgements.jsonl');

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function recordKey(id: string, event: PredictedDocument['event_list'][number]): string {
  const pledgor = event.arguments
    .filter((a) => a.role === '质押方')
    .map((a) => a.argument)
    .sort()
    .join('|');
  const shares = event.arguments.find((a) => a.role === '质押股票/股份数量')?.argument ?? '';
  return `${id} ${event.event_type} ${pledgor} ${shares}`;
}

async function main(): Promise<void> {
  const verbose = process.argv.includes('--verbose');
  const judgements = readFileSync(JUDGEMENTS, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Judgement);
  const byKey = new Map(judgements.map((j) => [`${j.id} ${j.type} ${j.pledgor} ${j.shares}`, j]));
  const ids = [...new Set(judgements.map((j) => j.id))];
  const dataDir = defaultDatasetsDir();
  // runRealDocs reads documents listed as gold: the judged ids, with no events of their own.
  const goldDir = mkdtempSync(path.join(tmpdir(), 'pledge-precision-'));
  try {
    writeFileSync(
      path.join(goldDir, 'documents.jsonl'),
      ids
        .map((id) =>
          JSON.stringify({ id, source: `corpus/${id.split(':')[1]}.jsonl:${id.split(':')[2]}`, events: [] }),
        )
        .join('\n'),
    );
    const extractor = await EventExtractor.load({ precision: 'int8', parts: true });
    const reader = await CachedExtractor.open(
      extractor,
      option('--cache') ?? path.join(readSetting('dataDir'), 'eval-cache'),
    );
    const run = await runRealDocs(reader, dataDir, goldDir);
    const seen = new Set<string>();
    const tally = { right: 0, wrong: 0, unjudged: 0 };
    const reasons = new Map<string, number>();
    for (const [id, doc] of run.predictions) {
      for (const event of doc.event_list) {
        if (!PLEDGE_TYPES.has(event.event_type)) continue;
        const key = recordKey(id, event);
        const judged = byKey.get(key);
        seen.add(key);
        if (!judged) {
          tally.unjudged++;
          console.log(`not judged: ${key}`);
          continue;
        }
        tally[judged.verdict]++;
        if (judged.verdict === 'wrong') {
          const cause = judged.cause ?? 'unstated';
          reasons.set(cause, (reasons.get(cause) ?? 0) + 1);
        }
        if (verbose) console.log(`${judged.verdict}: ${key} — ${judged.reason}`);
      }
    }
    const gone = judgements.filter((j) => !seen.has(`${j.id} ${j.type} ${j.pledgor} ${j.shares}`));
    for (const j of gone)
      console.log(`no longer predicted (${j.verdict}): ${j.id} ${j.type} ${j.pledgor} ${j.shares}`);
    const judgedCount = tally.right + tally.wrong;
    console.log(
      `${ids.length} documents; pledge records predicted ${judgedCount + tally.unjudged}: right ${tally.right}, wrong ${tally.wrong}, not judged ${tally.unjudged}; precision ${judgedCount ? ((100 * tally.right) / judgedCount).toFixed(1) : '–'} % of judged; right records lost ${gone.filter((j) => j.verdict === 'right').length}`,
    );
    for (const [cause, n] of [...reasons].sort((a, b) => b[1] - a[1]))
      console.log(`  wrong: ${n} × ${cause}`);
  } finally {
    rmSync(goldDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
