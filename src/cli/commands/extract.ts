/**
 * `finkg extract [inputs…]`: reads documents the way the workers do (parse → extract → link → assemble)
 * and writes one JSON line per document: its records in DuEE-fin's layout (`--format duee-fin`), or
 * what the graph would get (`finkg`). `--format fewfc` runs the model alone over FewFC-style sentence
 * records. Needs neither Redis nor Neo4j.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { toDueeFinDocument } from '../../assemble/index.js';
import { defaultModelDir } from '../../config/index.js';
import { EventExtractor } from '../../extract/event-extractor.js';
import { toFewfcEvents } from '../../extract/fewfc-format.js';
import { KnownNames } from '../../extract/knowledge-features.js';
import { type Precision, parsePrecision } from '../../extract/model-paths.js';
import { loadEventRoles } from '../../link/index.js';
import { isDocumentInputError, parseDocument } from '../../parse/index.js';
import {
  type InputDocument,
  type InputFormat,
  parseInputFormat,
  readInputs,
} from '../../pipeline/document-input.js';
import { readStandalone } from '../../pipeline/index.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../../vocabulary/document-kinds.js';
import { configuredOcr } from './configured-ocr.js';

type OutputFormat = 'duee-fin' | 'finkg' | 'fewfc';

interface ExtractOptions {
  format: OutputFormat;
  kind: DocumentKind;
  model: string;
  precision: Precision;
  threads: number;
  output?: string;
  inputFormat?: InputFormat;
  gazetteer?: string;
}

/** Sentence records per model call in the fewfc layout: large enough to batch well, small enough to stream. */
const RECORDS_PER_CALL = 64;
/** No document is too long for the command line: the limits that protect workers do not apply here. */
const LIMITS = { maxBytes: Number.MAX_SAFE_INTEGER, maxPages: Number.MAX_SAFE_INTEGER };

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a non-negative integer');
  return n;
}

async function writeLine(out: Writable, value: unknown): Promise<void> {
  if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, 'drain');
}

/** The text FewFC-style records give the model: a text record as it is, other documents as parsed. */
async function sentenceText(doc: InputDocument): Promise<string> {
  if (doc.mimeType === 'text/plain') return new TextDecoder().decode(doc.bytes);
  return (await parseDocument(doc.bytes, { fileName: doc.fileName }, LIMITS)).text;
}

async function writeFewfc(
  documents: InputDocument[],
  extractor: EventExtractor,
  gazetteer: KnownNames | undefined,
  out: Writable,
) {
  for (let i = 0; i < documents.length; i += RECORDS_PER_CALL) {
    const slice = documents.slice(i, i + RECORDS_PER_CALL);
    const contents = await Promise.all(slice.map(sentenceText));
    const results = await extractor.extractDocuments(contents, gazetteer ? { gazetteer } : {});
    for (const [k, doc] of slice.entries()) {
      const result = results[k];
      const content = contents[k] ?? '';
      if (result) await writeLine(out, { id: doc.id, content, events: toFewfcEvents(content, result) });
    }
  }
}

async function writeDocuments(
  documents: InputDocument[],
  extractor: EventExtractor,
  gazetteer: KnownNames | undefined,
  options: ExtractOptions,
  out: Writable,
): Promise<number> {
  const eventTypes = loadEventRoles();
  let failed = 0;
  for (const doc of documents) {
    try {
      const { parsed, graph } = await readStandalone(doc, {
        extractor,
        eventTypes,
        kind: options.kind,
        ocr: configuredOcr(),
        ...(gazetteer ? { knownNames: gazetteer } : {}),
      });
      await writeLine(
        out,
        options.format === 'duee-fin'
          ? toDueeFinDocument(doc.id, parsed, graph, eventTypes)
          : {
              id: doc.id,
              document: graph.document,
              entities: graph.entities,
              events: graph.events,
              rating: graph.rating,
            },
      );
    } catch (error) {
      // A document that cannot be read is reported and skipped; the others still come out.
      if (!isDocumentInputError(error)) throw error;
      failed++;
      process.stderr.write(`extract: ${doc.id}: ${error.message}\n`);
    }
  }
  return failed;
}

async function run(inputs: string[], options: ExtractOptions): Promise<void> {
  const [documents, extractor, gazetteer] = await Promise.all([
    readInputs(inputs.length > 0 ? inputs : ['-'], options.inputFormat),
    EventExtractor.load({
      modelDir: options.model,
      precision: options.precision,
      session: { intraOpNumThreads: options.threads },
    }),
    options.gazetteer ? KnownNames.fromTsvFile(options.gazetteer) : undefined,
  ]);
  const out = options.output ? createWriteStream(options.output, { encoding: 'utf8' }) : process.stdout;
  let failed = 0;
  if (options.format === 'fewfc') await writeFewfc(documents, extractor, gazetteer, out);
  else failed = await writeDocuments(documents, extractor, gazetteer, options, out);
  if (out !== process.stdout) {
    out.end();
    await once(out, 'finish');
  }
  const unread = failed > 0 ? `, ${failed} could not be read` : '';
  process.stderr.write(`extract: ${documents.length} documents${unread}, model ${extractor.modelVersion}\n`);
  if (failed > 0) process.exitCode = 1;
}

export function registerExtractCommand(program: Command): void {
  program
    .command('extract')
    .description('read documents as the workers do (no Redis or Neo4j) and write one JSON line per document')
    .argument(
      '[inputs...]',
      'PDF, HTML or text files, folders of them, .jsonl of {id, title?, text}, or - for stdin',
    )
    .addOption(
      new Option(
        '--format <format>',
        'duee-fin: records by document-level type and role; finkg: what the graph gets; fewfc: the model alone on sentence records',
      )
        .choices(['duee-fin', 'finkg', 'fewfc'])
        .default('finkg'),
    )
    .addOption(
      new Option('--kind <kind>', 'document kind; other lets the parser tell it from the content')
        .choices([...DOCUMENT_KINDS])
        .default('other'),
    )
    .addOption(
      new Option(
        '--input-format <format>',
        'input layout (default: from the extension; a text document for stdin)',
      )
        .choices(['document', 'jsonl'])
        .argParser(parseInputFormat),
    )
    .option('--model <dir>', 'model folder (config.json, vocab.txt, .onnx)', defaultModelDir())
    .option('--precision <precision>', 'fp32 (model.onnx) or int8 (model.int8.onnx)', parsePrecision, 'int8')
    .option('--threads <n>', 'onnxruntime intra-op threads (0 = one per core)', parsePositiveInt, 0)
    .option('--output <file>', 'write JSON Lines here instead of stdout')
    .option('--gazetteer <file>', 'known names to mark for the model: lines "name<TAB>org|person"')
    .action(run);
}
