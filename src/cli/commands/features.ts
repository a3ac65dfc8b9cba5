/**
 * `finkg features <in.jsonl> <out.jsonl>`: jieba word features for training data.
 * Input records {id, text}; output records {id, seg, pos} (one entry per code point).
 * Model training calls this so training and serving share one feature implementation.
 */

import { once } from 'node:events';
import { createReadStream, createWriteStream, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { POS_TAGS, WORD_FEATURES_VERSION, wordFeatures } from '../../extract/word-features.js';

async function run(input: string, output: string, opts: { meta?: string }): Promise<void> {
  if (opts.meta) {
    writeFileSync(
      opts.meta,
      `${JSON.stringify({ version: WORD_FEATURES_VERSION, posTags: POS_TAGS }, null, 2)}\n`,
    );
  }
  const out = createWriteStream(output, { encoding: 'utf8' });
  const lines = createInterface({
    input: createReadStream(input, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  let count = 0;
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const rec = JSON.parse(line) as { id: unknown; text: string };
    const { seg, pos } = wordFeatures(rec.text);
    if (!out.write(`${JSON.stringify({ id: rec.id, seg, pos })}\n`)) await once(out, 'drain');
    count++;
  }
  out.end();
  await once(out, 'finish');
  process.stderr.write(`features: ${count} records -> ${output}\n`);
}

export function registerFeaturesCommand(program: Command): void {
  program
    .command('features')
    .description('jieba word features (seg, pos per code point) for JSONL {id, text} records')
    .argument('<in>', 'input JSONL with {id, text}')
    .argument('<out>', 'output JSONL with {id, seg, pos}')
    .option('--meta <file>', 'also write {version, posTags} to this JSON file')
    .action(run);
}
