/**
 * `finkg pseudo-label`: self-training data. The product reads corpus texts no one annotated and its confident
 * records become team-events records (src/eval/pseudo-labels.ts) for models/training (Config.pseudo_events).
 * `--score-train` instead scores a grid of thresholds on the train part of the team's annotations, where they
 * are chosen (never on the held-out part).
 */
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { defaultDatasetsDir, defaultModelDir, projectRoot } from '../../config/index.js';
import {
  annotatedCorpusTexts,
  type LabelThresholds,
  type PseudoRecord,
  pseudoLabelCandidates,
  pseudoLabels,
  readCandidates,
  scoreOnTrainPart,
} from '../../eval/pseudo-labels.js';
import { REALDOCS_GOLD_DIR, TEAM_EVENTS_DIR } from '../../eval/realdocs-run.js';
import { EventExtractor } from '../../extract/event-extractor.js';
import { loadEventRoles } from '../../link/index.js';
import { parsePositiveInt } from './extract.js';

interface PseudoLabelOptions {
  model: string;
  dataDir: string;
  out: string;
  read?: string;
  limit: number;
  emptyShare: number;
  event: number;
  argument: number;
  threads: number;
  scoreTrain?: number;
}

function parseProbability(value: string): number {
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('expected a number from 0 to 1');
  return n;
}

const pct = (x: number) => (100 * x).toFixed(1);
/** Thresholds --score-train tries: the served decode (0: keep all) and stricter bars. */
const EVENT_GRID = [0, 0.5, 0.6, 0.7, 0.8, 0.9];
const ARGUMENT_GRID = [0, 0.8, 0.9];

async function scoreTrain(
  extractor: EventExtractor,
  options: PseudoLabelOptions,
  sample: number,
): Promise<void> {
  const grid = EVENT_GRID.flatMap((event) => ARGUMENT_GRID.map((argument) => ({ event, argument })));
  const { documents, scores } = await scoreOnTrainPart(extractor, options.dataDir, grid, sample, (n) => {
    if (n % 50 === 0) process.stderr.write(`${n} train documents read\n`);
  });
  const lines = [`team-events train part, ${documents} documents, model ${extractor.modelVersion}`];
  lines.push('event  argument   P      R      F1   correct/predicted/gold   false-event docs');
  for (const { thresholds: t, score } of scores) {
    const a = score.arguments;
    lines.push(
      `${t.event.toFixed(2)}   ${t.argument.toFixed(2)}    ${pct(a.precision).padStart(5)}  ${pct(a.recall).padStart(5)}  ${pct(a.f1).padStart(5)}   ${a.correct}/${a.predicted}/${a.gold}   ${score.falseEventDocuments.correct}/${score.falseEventDocuments.total}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function readJsonLines(file: string): Promise<PseudoRecord[]> {
  return (await readFile(file, 'utf8'))
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as PseudoRecord);
}

async function run(options: PseudoLabelOptions): Promise<void> {
  const thresholds: LabelThresholds = { event: options.event, argument: options.argument };
  const load = () =>
    EventExtractor.load({ modelDir: options.model, session: { intraOpNumThreads: options.threads } });
  if (options.scoreTrain !== undefined) return scoreTrain(await load(), options, options.scoreTrain);
  const out = path.resolve(options.out);
  await mkdir(path.dirname(out), { recursive: true });
  // Every read record, with its confidences, beside the labels: other thresholds need no second read.
  const readPath = options.read ?? `${out.replace(/\.jsonl$/, '')}.read.jsonl`;
  let read: PseudoRecord[];
  if (options.read) {
    read = await readJsonLines(options.read);
  } else {
    const annotated = await annotatedCorpusTexts(options.dataDir, [TEAM_EVENTS_DIR, REALDOCS_GOLD_DIR]);
    const candidates = await pseudoLabelCandidates(options.dataDir, annotated, options.limit);
    const hinted = candidates.filter((c) => c.keywords > 0).length;
    process.stderr.write(
      `${candidates.length} corpus texts to read (${hinted} with keywords of the new types); ${annotated.size} annotated texts and their near-duplicates left out\n`,
    );
    const started = Date.now();
    const extractor = await load();
    await writeFile(readPath, '');
    const result = await readCandidates(extractor, loadEventRoles(), candidates, async (record, n) => {
      await appendFile(readPath, `${JSON.stringify(record)}\n`);
      if (n % 100 === 0)
        process.stderr.write(
          `${n}/${candidates.length} read, ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
        );
    });
    read = result.records;
    if (result.unreadable.length) process.stderr.write(`not read: ${result.unreadable.join('; ')}\n`);
  }
  const records = pseudoLabels(read, thresholds, options.emptyShare);
  await writeFile(out, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  const perType = new Map<string, number>();
  for (const r of records)
    for (const e of r.events) perType.set(e.event_type, (perType.get(e.event_type) ?? 0) + 1);
  const types = [...perType].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ${n}`);
  const withEvents = records.filter((r) => r.events.length).length;
  process.stdout.write(
    `${out}: ${records.length} documents (${withEvents} with events) of ${read.length} read (${readPath}), thresholds ${JSON.stringify(thresholds)}\nevents per type: ${types.join(', ')}\n`,
  );
}

export function registerPseudoLabelCommand(program: Command): void {
  program
    .command('pseudo-label')
    .description(
      "label unannotated corpus texts with the product's confident records (self-training data), or score thresholds on the team annotations' train part",
    )
    .option('--model <dir>', 'model folder', defaultModelDir())
    .option('--data-dir <dir>', 'datasets folder (env DATASETS_DIR)', defaultDatasetsDir())
    .option(
      '--out <file>',
      'pseudo-label file (team-events records)',
      path.join(projectRoot, '.data', 'pseudo-labels', 'events.jsonl'),
    )
    .option('--read <file>', 'label from this earlier read (<out>.read.jsonl) instead of reading the corpus')
    .option('--limit <n>', 'corpus texts to read', parsePositiveInt, 3000)
    .option('--empty-share <x>', 'event-free documents kept, per document with events', parseProbability, 0.5)
    // Chosen with --score-train on finkg-small-0.9.1 (models/training/config/team_selftrain.py).
    .option('--event <p>', 'confidence an event needs', parseProbability, 0.8)
    .option('--argument <p>', 'confidence an argument needs', parseProbability, 0.9)
    .option('--threads <n>', 'onnxruntime intra-op threads (0 = one per core)', parsePositiveInt, 0)
    .option(
      '--score-train <n>',
      "score a grid of thresholds on n documents of the team annotations' train part",
      parsePositiveInt,
    )
    .action(run);
}
