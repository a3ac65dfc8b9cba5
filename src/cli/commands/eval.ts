/**
 * `finkg eval --dataset fewfc --split dev`: score the model on a FewFC split with the published metrics
 * (TI/TC/AI/AC precision, recall, F1, micro-averaged). Reads the dataset from the datasets folder.
 * A model with the knowledge input is told the names of the training splits (training-gazetteer.ts),
 * the knowledge it was trained with; `--knowledge none` scores it with nothing marked.
 */
import { basename } from 'node:path';
import { type Command, Option } from 'commander';
import { evaluateEntities, readEntityDevSet } from '../../extract/entity-evaluation.js';
import { EventExtractor, type ExtractOptions } from '../../extract/event-extractor.js';
import { EVENT_METRICS, type Prf } from '../../extract/event-metrics.js';
import { readFewfcSplit } from '../../extract/fewfc-dataset.js';
import { evaluateFewfc } from '../../extract/fewfc-evaluation.js';
import {
  defaultDatasetsDir,
  defaultModelDir,
  type Precision,
  parsePrecision,
} from '../../extract/model-paths.js';
import { readTrainingKnownNames } from '../../extract/training-gazetteer.js';
import { parsePositiveInt } from './extract.js';

interface EvalOptions {
  dataset: 'fewfc' | 'entities';
  split: string;
  model: string;
  precision: Precision;
  dataDir: string;
  threads: number;
  knowledge: 'training' | 'none';
  parts: boolean;
  json?: boolean;
}

const pct = (x: number) => (100 * x).toFixed(2).padStart(6);

export function formatScoreTable(scores: Readonly<Record<string, Prf>>): string {
  const lines = ['metric      P       R      F1   correct/predicted/gold'];
  for (const [name, s] of Object.entries(scores)) {
    lines.push(
      `${name.padEnd(8)} ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}   ${s.correct}/${s.predicted}/${s.gold}`,
    );
  }
  return lines.join('\n');
}

async function run(options: EvalOptions): Promise<void> {
  const started = Date.now();
  const extractor = await EventExtractor.load({
    modelDir: options.model,
    precision: options.precision,
    session: { intraOpNumThreads: options.threads },
    parts: options.parts,
  });
  const extract: ExtractOptions =
    extractor.usesKnowledge && options.knowledge === 'training'
      ? { gazetteer: await readTrainingKnownNames(options.dataDir) }
      : {};
  let sentences: number;
  let scores: Record<string, Prf>;
  if (options.dataset === 'fewfc') {
    const records = await readFewfcSplit(options.dataDir, options.split);
    sentences = records.length;
    const all = await evaluateFewfc(extractor, records, extract);
    scores = Object.fromEntries(EVENT_METRICS.map((m) => [m, all[m]]));
  } else {
    const set = await readEntityDevSet(options.dataDir, extractor.config);
    sentences = set.length;
    scores = await evaluateEntities(extractor, set, extract);
  }
  const seconds = (Date.now() - started) / 1000;
  const summary = {
    dataset: options.dataset,
    split: options.split,
    model: options.model,
    precision: options.precision,
    knowledge: extract.gazetteer ? `${options.knowledge} (${extract.gazetteer.size} names)` : 'none',
    files: extractor.modelFiles.map((f) => basename(f)),
    modelVersion: extractor.modelVersion,
    sentences,
    seconds,
    scores,
  };
  if (options.json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  process.stdout.write(
    `${options.dataset} ${options.split}: ${sentences} sentences, model ${extractor.modelVersion} (${options.precision}), knowledge ${summary.knowledge}, ${summary.files.join(' + ')}, ${seconds.toFixed(1)} s\n${formatScoreTable(scores)}\n`,
  );
}

export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description('score the model on a dev split: FewFC events (TI/TC/AI/AC) or entities')
    .addOption(
      new Option('--dataset <name>', 'what to score').choices(['fewfc', 'entities']).default('fewfc'),
    )
    .option('--split <split>', 'FewFC split file name (dev; the test split is held out)', 'dev')
    .option('--model <dir>', 'model folder', defaultModelDir())
    .option('--precision <precision>', 'fp32 or int8', parsePrecision, 'int8')
    .option('--data-dir <dir>', 'datasets folder (env DATASETS_DIR)', defaultDatasetsDir())
    .option('--threads <n>', 'onnxruntime intra-op threads (0 = one per core)', parsePositiveInt, 0)
    .addOption(
      new Option('--knowledge <source>', 'names marked for a model with the knowledge input')
        .choices(['training', 'none'])
        .default('training'),
    )
    .option('--no-parts', 'run the whole int8 file, not the encoder + detected-type heads parts')
    .option('--json', 'print one JSON object instead of a table')
    .action(run);
}
