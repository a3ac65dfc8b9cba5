import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import PDFDocument from 'pdfkit';
import { inputFormatFromPath, parseJsonRecords, readRecords } from '../../src/extract/document-input.js';

/** A one-page PDF with a text layer (ASCII: the standard PDF fonts have no CJK glyphs). */
function makePdf(text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.text(text);
    doc.end();
  });
}

describe('document input', () => {
  it('picks the format from the extension', () => {
    assert.equal(inputFormatFromPath('a/b.PDF'), 'pdf');
    assert.equal(inputFormatFromPath('x.jsonl'), 'jsonl');
    assert.equal(inputFormatFromPath('x.json'), 'jsonl');
    assert.equal(inputFormatFromPath('notes.txt'), 'text');
  });

  it('reads JSON Lines and a JSON array of {id, content}', () => {
    const lines = `${JSON.stringify({ id: 'a', content: '甲' })}\n\n${JSON.stringify({ id: 7, content: '乙' })}\n`;
    assert.deepEqual(parseJsonRecords(lines, 'in'), [
      { id: 'a', content: '甲' },
      { id: '7', content: '乙' },
    ]);
    assert.deepEqual(parseJsonRecords('[{"content":"丙"}]', 'in'), [{ id: 'in:1', content: '丙' }]);
  });

  it('names the line of a bad record', () => {
    assert.throws(() => parseJsonRecords('{"id":"a","content":"x"}\n{oops', 'in.jsonl'), /in\.jsonl:2/);
    assert.throws(() => parseJsonRecords('{"id":"a"}', 'in.jsonl'), /content/);
  });

  it('keeps a text document whole, as one record', async () => {
    const records = await readRecords(Buffer.from('第一行。\n第二行'), 'text', 'doc.txt');
    assert.deepEqual(records, [{ id: 'doc.txt', content: '第一行。\n第二行' }]);
  });

  it('reads the text layer of a PDF', async () => {
    const pdf = await makePdf('Pledge of 12 million shares announced');
    const [record] = await readRecords(pdf, 'pdf', 'report.pdf');
    assert.equal(record?.id, 'report.pdf');
    assert.match(record?.content ?? '', /Pledge of 12 million shares/);
  });
});
