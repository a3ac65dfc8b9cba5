import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFName, PDFRawStream, type PDFRef } from 'pdf-lib';
import { parseDocument } from '../../src/parse/parse-document.js';
import type { ParsedDocument } from '../../src/parse/types.js';
import { SAMPLES_DIR } from './samples-dir.js';

/**
 * The same content written by another producer must read the same: object order, object streams,
 * compression and content streams split into pieces are the writer's choice, not the document's.
 */

const LIMITS = { maxBytes: 10 * 1024 * 1024, maxPages: 50 };

/** Saves through another writer: objects renumbered and reordered, optionally packed into object streams. */
async function resaved(bytes: Uint8Array, useObjectStreams: boolean): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes);
  return pdf.save({ useObjectStreams });
}

/** Each page's content stream cut at line boundaries into `pieces` uncompressed streams, as some tools write them. */
async function splitContent(bytes: Uint8Array, pieces: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes);
  for (const page of pdf.getPages()) {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
    const parts: Uint8Array[] = [];
    for (const item of streams) {
      const stream = pdf.context.lookup(item as PDFRef);
      assert.ok(stream instanceof PDFRawStream, 'content stream');
      parts.push(decodePDFRawStream(stream).decode());
    }
    const source = Buffer.concat(parts).toString('latin1');
    const lines = source.split('\n');
    const per = Math.ceil(lines.length / pieces);
    const refs = [];
    for (let i = 0; i < lines.length; i += per) {
      const chunk = `${lines.slice(i, i + per).join('\n')}\n`;
      refs.push(pdf.context.register(pdf.context.stream(Buffer.from(chunk, 'latin1'))));
    }
    page.node.set(PDFName.of('Contents'), pdf.context.obj(refs));
  }
  return pdf.save({ useObjectStreams: false });
}

function reading(doc: ParsedDocument) {
  return {
    kind: doc.kind,
    header: doc.header,
    sentences: doc.sentences.map((s) => doc.text.slice(s.start, s.end)),
    tables: doc.tables.map((t) => [t.header, ...t.rows]),
  };
}

const samplePdfs = (await readdir(SAMPLES_DIR)).filter((f) => f.endsWith('.pdf')).sort();

describe('PDF text does not depend on how the file was written', () => {
  for (const file of samplePdfs) {
    it(file, async () => {
      const original = new Uint8Array(await readFile(`${SAMPLES_DIR}${file}`));
      const read = async (bytes: Uint8Array) =>
        reading(await parseDocument(bytes, { fileName: file }, LIMITS));
      const expected = await read(original);
      assert.ok(expected.sentences.length > 5, `${file} reads as text`);
      const variants: Array<[string, Uint8Array]> = [
        ['object streams', await resaved(original, true)],
        ['renumbered objects', await resaved(original, false)],
        ['split content streams', await splitContent(original, 3)],
      ];
      for (const [name, bytes] of variants) {
        assert.notDeepEqual(bytes, original, `${name} is a different file`);
        assert.deepEqual(await read(bytes), expected, `${file} written with ${name}`);
      }
    });
  }
});
