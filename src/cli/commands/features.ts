/**
 * `finkg features <in.jsonl> <out.jsonl>`: model input features for training data.
 * Input records {id, text, fold?}; output records {id, seg, pos, kb?} (one entry per code point).
 * Model training calls this so training and serving share one feature implementation.
 * With `--knowledge <datasets>` each record is also marked with the training gazetteer, leaving out the
 * names of the record's own fold when it has one (see extract/training-gazetteer.ts).
 */

import { once } from 'node:events';
import { createReadStream, createWriteStream, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { eventSchemaFile } from '../../config/index.js';
import {
  KNOWLEDGE_FOLDS,
  leaveFoldOut,
  readTrainingGazetteerEntries,
} from '../../eval/training-gazetteer.js';
import { KB_VOCAB, KNOWLEDGE_FEATURES_VERSION, KnownNames } from '../../extract/knowledge-features.js';
import { loadEventSchema } from '../../extract/model-config.js';
import { POS_TAGS, WORD_FEATURES_VERSION, wordFeatures } from '../../extract/word-features.js';

interface FeaturesOptions {
  meta?: string;
  knowledge?: string;
}

/** One gazetteer per fold left out, plus the full one (key -1), built on first use. */
async function foldGazetteers(datasetsDir: string): Promise<(fold: number | undefined) => KnownNames> {
  const entries = await readTrainingGazetteerEntries(datasetsDir, await loadEventSchema(eventSchemaFile()));
  const built = new Map<number, KnownNames>();
  return (fold) => {
    const key = fold ?? -1;
    let g = built.get(key);
    if (!g) {
      g = KnownNames.of(leaveFoldOut(entries, fold));
      built.set(key, g);
    }
    return g;
  };
}

async function run(input: string, output: string, opts: FeaturesOptions): Promise<void> {
  if (opts.meta) {
    const meta = {
      version: WORD_FEATURES_VERSION,
      posTags: POS_TAGS,
      ...(opts.knowledge
        ? { knowledge: { version: KNOWLEDGE_FEATURES_VERSION, vocab: KB_VOCAB, folds: KNOWLEDGE_FOLDS } }
        : {}),
    };
    writeFileSync(opts.meta, `${JSON.stringify(meta, null, 2)}\n`);
  }
  const gazetteerFor = opts.knowledge ? await foldGazetteers(opts.knowledge) : undefined;
  const out = createWriteStream(output, { encoding: 'utf8' });
  const lines = createInterface({
    input: createReadStream(input, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  let count = 0;
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const rec = JSON.parse(line) as { id: unknown; text: string; fold?: number };
    const { seg, pos } = wordFeatures(rec.text);
    const kb = gazetteerFor?.(rec.fold).mark(rec.text);
    const row = kb ? { id: rec.id, seg, pos, kb } : { id: rec.id, seg, pos };
    if (!out.write(`${JSON.stringify(row)}\n`)) await once(out, 'drain');
    count++;
  }
  out.end();
  await once(out, 'finish');
  process.stderr.write(`features: ${count} records -> ${output}\n`);
}

export function registerFeaturesCommand(program: Command): void {
  program
    .command('features')
    .description(
      'model input features (jieba seg/pos, optional knowledge marks) for JSONL {id, text} records',
    )
    .argument('<in>', 'input JSONL with {id, text, fold?}')
    .argument('<out>', 'output JSONL with {id, seg, pos, kb?}')
    .option('--meta <file>', 'also write the feature definitions (versions, POS tags) to this JSON file')
    .option('--knowledge <datasets>', 'mark names from the training gazetteer read from this datasets folder')
    .action(run);
}
