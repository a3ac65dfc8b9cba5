import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { PDFParse } from 'pdf-parse';
import { CorruptPdfError } from '../../src/parse/errors/corrupt-pdf-error.js';
import { EncryptedPdfError } from '../../src/parse/errors/encrypted-pdf-error.js';
import { TooManyPagesError } from '../../src/parse/errors/too-many-pages-error.js';
import { extractPdfText } from '../../src/parse/pdf-text.js';
import { encryptedPdf, imageOnlyPdf, predefinedCmapPdf, textPdf } from '../support/pdf-fixtures.js';
import { SAMPLES_DIR } from './samples-dir.js';

describe('extractPdfText', () => {
  it('returns text per page', async () => {
    const pdf = await textPdf([['First page line'], ['Second page line']]);
    const out = await extractPdfText(pdf, { maxPages: 10 });
    assert.equal(out.pageCount, 2);
    assert.deepEqual(
      out.pages.map((p) => [p.number, p.text]),
      [
        [1, 'First page line'],
        [2, 'Second page line'],
      ],
    );
    assert.deepEqual(out.warnings, []);
  });

  it('does not detach the caller’s buffer', async () => {
    const pdf = await textPdf([['x']]);
    const length = pdf.length;
    await extractPdfText(pdf, { maxPages: 1 });
    assert.equal(pdf.length, length);
  });

  it('needs the CMap files for CJK text encoded with a predefined CMap', async () => {
    const pdf = predefinedCmapPdf('中文公告测试');
    const out = await extractPdfText(pdf, { maxPages: 1 });
    assert.equal(out.pages[0]?.text, '中文公告测试');
    // The failure mode this guards against: without cMapUrl pdfjs silently returns nothing.
    const bare = new PDFParse({ data: new Uint8Array(pdf), verbosity: 0 });
    try {
      const text = await bare.getText();
      assert.equal(text.pages[0]?.text.trim(), '');
    } finally {
      await bare.destroy();
    }
  });

  it('extracts ruled tables', async () => {
    const pdf = await readFile(`${SAMPLES_DIR}rr-603871-glxd-q1-review.pdf`);
    const out = await extractPdfText(new Uint8Array(pdf), { maxPages: 10 });
    const table = out.tables.find((t) => t.header[0] === '项目');
    assert.ok(table, 'forecast table found');
    assert.equal(table.page, 2);
    assert.deepEqual(table.header, ['项目', '2024A', '2025E', '2026E', '2027E']);
    assert.deepEqual(table.rows[4], ['EPS（元）', '1.01', '1.25', '1.53', '1.84']);
    // The table stands in the page text as one placeholder line, not as shredded cells.
    assert.equal(out.pages[1]?.text.includes('EPS（元）'), false);
  });

  it('enforces the page limit before reading text', async () => {
    const pdf = await textPdf([['a'], ['b'], ['c']]);
    await assert.rejects(
      extractPdfText(pdf, { maxPages: 2 }),
      (e: unknown) => e instanceof TooManyPagesError && e.pageCount === 3 && e.maxPages === 2,
    );
  });

  it('maps encrypted and corrupt PDFs to typed errors', async () => {
    await assert.rejects(extractPdfText(await encryptedPdf(), { maxPages: 5 }), EncryptedPdfError);
    const good = await textPdf([['hello'], ['world']]);
    await assert.rejects(
      extractPdfText(good.slice(0, Math.floor(good.length / 2)), { maxPages: 5 }),
      CorruptPdfError,
    );
    await assert.rejects(
      extractPdfText(new TextEncoder().encode('%PDF-1.4\nnot really'), { maxPages: 5 }),
      CorruptPdfError,
    );
  });

  it('returns empty pages for image-only PDFs (the caller decides it needs OCR)', async () => {
    const out = await extractPdfText(await imageOnlyPdf(2), { maxPages: 5 });
    assert.deepEqual(
      out.pages.map((p) => p.text),
      ['', ''],
    );
  });
});
