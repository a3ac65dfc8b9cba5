/**
 * `finkg extract [input]`: run the event/entity model over plain text, a PDF or JSON Lines of
 * {"id","content"}, writing one JSON line per record. Needs neither Redis nor Neo4j.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { type InputFormat, readInput } from '../../extract/document-input.js';
import { EventExtractor } from '../../extract/event-extractor.js';
import { toFewfcEvents } from '../../extract/fewfc-format.js';
import { KnownNames } from '../../extract/knowledge-features.js';
import { defaultModelDir, type Precision, parsePrecision } from '../../extract/model-paths.js';

interface ExtractOptions {
  format: 'fewfc' | 'finkg';
  model: string;
  precision: Precision;
  threads: number;
  output?: string;
  inputFormat?: InputFormat;
  gazetteer?: string;
}

/** Records per model call: large enough to batch well, small enough to stream output. */
const RECORDS_PER_CALL = 64;

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a non-negative integer');
  return n;
}

async function writeLine(out: Writable, value: unknown): Promise<void> {
  if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, 'drain');
}

async function run(input: string, options: ExtractOptions): Promise<void> {
  const [records, extractor, gazetteer] = await Promise.all([
    readInput(input, options.inputFormat),
    EventExtractor.load({
      modelDir: options.model,
      precision: options.precision,
      session: { intraOpNumThreads: options.threads },
    }),
    options.gazetteer ? KnownNames.fromTsvFile(options.gazetteer) : undefined,
  ]);
  const out = options.output ? createWriteStream(options.output, { encoding: 'utf8' }) : process.stdout;
  for (let i = 0; i < records.length; i += RECORDS_PER_CALL) {
    const slice = records.slice(i, i + RECORDS_PER_CALL);
    const results = await extractor.extractDocuments(
      slice.map((r) => r.content),
      gazetteer ? { gazetteer } : {},
    );
    for (const [k, record] of slice.entries()) {
      const result = results[k];
      if (!result) continue;
      await writeLine(
        out,
        options.format === 'fewfc'
          ? { id: record.id, content: record.content, events: toFewfcEvents(record.content, result) }
          : { id: record.id, ...result },
      );
    }
  }
  if (out !== process.stdout) {
    out.end();
    await once(out, 'finish');
  }
  process.stderr.write(`extract: ${records.length} records, model ${extractor.modelVersion}\n`);
}

export function registerExtractCommand(program: Command): void {
  program
    .command('extract')
    .description('extract entities and events from text, PDF or JSON Lines {id, content}; writes JSON Lines')
    .argument('[input]', 'a .txt, .pdf, .jsonl/.json file, or - for stdin', '-')
    .addOption(new Option('--format <format>', 'output layout').choices(['fewfc', 'finkg']).default('finkg'))
    .addOption(
      new Option(
        '--input-format <format>',
        'input layout (default: from the extension; text for stdin)',
      ).choices(['text', 'pdf', 'jsonl']),
    )
    .option('--model <dir>', 'model folder (config.json, vocab.txt, .onnx)', defaultModelDir())
    .option('--precision <precision>', 'fp32 (model.onnx) or int8 (model.int8.onnx)', parsePrecision, 'int8')
    .option('--threads <n>', 'onnxruntime intra-op threads (0 = one per core)', parsePositiveInt, 0)
    .option('--output <file>', 'write JSON Lines here instead of stdout')
    .option('--gazetteer <file>', 'known names to mark for the model: lines "name<TAB>org|person"')
    .action(run);
}
