import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import PDFDocument from 'pdfkit';
import { characterErrorRate } from '../../src/eval/character-error-rate.js';
import { renderPage } from '../../src/parse/ocr/render-page.js';
import {
  drawJpeg,
  jpegPixelSize,
  onlyPaintedXObject,
  scannerJpegs,
} from '../../src/parse/ocr/scanner-jpeg.js';
import { parseDocument } from '../../src/parse/parse-document.js';
import { openPdf } from '../../src/parse/pdf-text.js';
import { scannedPdf, scannedPng } from '../support/scanned-pdf.js';

const LINES = [
  '关于使用闲置募集资金暂时补充流动资金的公告',
  '每股发行价格为人民币11.21元，募集资金总额为人民币1,099,999,993.12元。',
  '特此公告。',
];

/** A page drawing a JPEG scan over the whole page and then a line of text over it. */
function scanWithText(jpeg: Buffer): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    info: { CreationDate: new Date('2025-01-01T00:00:00Z') },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve) =>
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))),
  );
  doc.image(jpeg, 0, 0, { width: doc.page.width, height: doc.page.height });
  doc.fontSize(20).text('Stamped over the scan', 100, 700);
  doc.end();
  return done;
}

describe('pages that are one scanned JPEG', () => {
  it('reads the transform and the one image a content stream paints, and nothing more', () => {
    // pdfkit flips the page, then draws the image flipped back: upright over the whole page.
    assert.deepEqual(
      onlyPaintedXObject('1 0 0 -1 0 841.89 cm\nq\n595.28 0 0 -841.89 0 841.89 cm\n/I1 Do\nQ\n'),
      {
        name: 'I1',
        matrix: [595.28, 0, 0, 841.89, 0, 0],
      },
    );
    assert.deepEqual(onlyPaintedXObject('% scanner\nq 593.28 0 0 846.72 0.00 0.00 cm /Obj4 Do Q'), {
      name: 'Obj4',
      matrix: [593.28, 0, 0, 846.72, 0, 0],
    });
    assert.equal(onlyPaintedXObject('q 595 0 0 842 0 0 cm /I1 Do Q BT /F1 12 Tf (x) Tj ET'), undefined);
    assert.equal(onlyPaintedXObject('q 595 0 0 842 0 0 cm /I1 Do /I2 Do Q'), undefined);
    assert.equal(onlyPaintedXObject('0 0 m 10 10 l S'), undefined);
  });

  it('draws a JPEG page natively as pdf.js renders it, and leaves other pages to pdf.js', async () => {
    const jpegPdf = await scannedPdf([LINES], { jpeg: true });
    const jpegOf = await scannerJpegs(jpegPdf);
    const jpeg = jpegOf(1);
    assert.ok(jpeg, 'a page that is one JPEG gives its JPEG');
    assert.equal(jpegOf(2), undefined);
    const task = openPdf(jpegPdf);
    try {
      const page = await (await task.promise).getPage(1);
      const byPdfJs = await renderPage(page, 2);
      const native = await drawJpeg(jpeg, byPdfJs.width, byPdfJs.height);
      let sum = 0;
      for (let i = 0; i < native.data.length; i++)
        sum += Math.abs((native.data[i] ?? 0) - (byPdfJs.data[i] ?? 0));
      const mean = sum / native.data.length;
      assert.ok(mean < 2, `mean difference ${mean.toFixed(2)} levels a channel`);
    } finally {
      await task.destroy();
    }
    // A PNG scan, and a JPEG with text drawn over it, are pdf.js's to render.
    assert.equal((await scannerJpegs(await scannedPdf([LINES])))(1), undefined);
    assert.equal((await scannerJpegs(await scanWithText(scannedPng(LINES, { jpeg: true }))))(1), undefined);
    // Bytes pdf-lib cannot read have no JPEG pages.
    assert.equal((await scannerJpegs(new TextEncoder().encode('%PDF-1.4 not really')))(1), undefined);
  });

  it('reads a JPEG scan at a character error rate of at most 2 %', async () => {
    const doc = await parseDocument(
      await scannedPdf([LINES], { jpeg: true }),
      {},
      { maxBytes: 20 * 1024 * 1024, maxPages: 5 },
    );
    const cer = characterErrorRate(LINES.join(''), doc.text);
    assert.ok(cer <= 0.02, `CER ${(cer * 100).toFixed(2)} %: ${doc.text}`);
  });

  it("reads a JPEG's pixel size from its frame header, and nothing from bytes that are no JPEG", () => {
    const jpeg = scannedPng(LINES, { jpeg: true });
    assert.deepEqual(jpegPixelSize(jpeg), { width: 1240, height: 1754 });
    assert.equal(jpegPixelSize(scannedPng(LINES)), undefined);
    assert.equal(jpegPixelSize(jpeg.subarray(0, 20)), undefined);
  });
});
