/**
 * `finkg parse <file>`: what the parser reads of one document, as JSON: its type, kind and header, each
 * page's text (and, for pages read by OCR, each line's box and confidence), its tables and warnings.
 * Needs neither Redis nor Neo4j nor the event model.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type Command, Option } from 'commander';
import { mimeTypeOf } from '../../ingest/index.js';
import { isDocumentInputError, type ParsedDocument, parseDocument } from '../../parse/index.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../../vocabulary/document-kinds.js';
import { configuredOcr } from './configured-ocr.js';

interface ParseOptions {
  kind: DocumentKind;
  ocr: boolean;
}

/** The parse as people read it: offsets and model text left out, tables by their cells. */
export function parseReport(fileName: string, doc: ParsedDocument) {
  return {
    file: fileName,
    type: doc.type,
    kind: doc.kind,
    ocr: doc.ocr ?? false,
    header: doc.header,
    pages: doc.pages.map((p) => ({ number: p.number, text: p.text, ...(p.ocr ? { ocr: p.ocr } : {}) })),
    tables: doc.tables.map((t) => ({ page: t.page, header: t.header, rows: t.rows })),
    sentences: doc.sentences.length,
    warnings: doc.warnings,
  };
}

async function run(file: string, options: ParseOptions): Promise<void> {
  const fileName = basename(file);
  const mimeType = mimeTypeOf(fileName);
  try {
    const doc = await parseDocument(
      new Uint8Array(await readFile(file)),
      {
        fileName,
        ...(mimeType ? { mimeType } : {}),
        ...(options.kind !== 'other' ? { kind: options.kind } : {}),
      },
      // One user's own file: the worker's byte and page limits do not apply; OCR keeps its configured ones.
      {
        maxBytes: Number.MAX_SAFE_INTEGER,
        maxPages: Number.MAX_SAFE_INTEGER,
        ocr: options.ocr ? configuredOcr() : false,
      },
    );
    process.stdout.write(`${JSON.stringify(parseReport(fileName, doc), null, 2)}\n`);
  } catch (error) {
    if (!isDocumentInputError(error)) throw error;
    throw new Error(`${fileName}: [${error.code.toLowerCase()}] ${error.message}`);
  }
}

export function registerParseCommand(program: Command): void {
  program
    .command('parse')
    .description('print what the parser reads of a document (PDF, HTML, text) as JSON; no services needed')
    .argument('<file>', 'the document')
    .addOption(
      new Option('--kind <kind>', 'declared document kind; other: told from the content')
        .choices(DOCUMENT_KINDS)
        .default('other'),
    )
    .option('--no-ocr', 'do not read scanned pages by OCR (they fail with no_text_layer)')
    .action((file: string, options: ParseOptions) => run(file, options));
}
