import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import PDFDocument from 'pdfkit';
import { characterErrorRate } from '../../src/eval/character-error-rate.js';
import {
  NoTextFoundError,
  NoTextLayerError,
  OcrLimitError,
  ParseErrorCode,
} from '../../src/parse/errors/index.js';
import { ocrModelLoads } from '../../src/parse/ocr/ocr-models.js';
import { parseDocument } from '../../src/parse/parse-document.js';
import { scannedPdf, scannedPng } from '../support/scanned-pdf.js';

const LIMITS = { maxBytes: 20 * 1024 * 1024, maxPages: 50 };

/** Lines of a made-up sponsor opinion, with the digits, brackets and quotes filings are full of. */
const PAGE = [
  '浙江示例药业股份有限公司关于使用闲置募集资金',
  '暂时补充流动资金的公告',
  '本公司及董事会全体成员保证信息披露内容的真实、准确和完整。',
  '经中国证券监督管理委员会《关于核准浙江示例药业股份有限公司非公开发行',
  '股票的批复》（证监许可[2017]924号）核准，公司非公开发行人民币普通股',
  '（A股）98,126,672股，每股发行价格为人民币11.21元，募集资金总额为',
  '人民币1,099,999,993.12元。公司拟使用不超过5亿元的闲置募集资金暂时',
  '补充流动资金，使用期限自董事会审议通过之日起不超过12个月。',
  '特此公告。',
];

describe('OCR of scanned PDFs', () => {
  it('reads a generated scanned page with a character error rate of at most 2 %', async () => {
    const doc = await parseDocument(await scannedPdf([PAGE]), { fileName: 'scan.pdf' }, LIMITS);
    const cer = characterErrorRate(PAGE.join(''), doc.text);
    assert.ok(cer <= 0.02, `CER ${(cer * 100).toFixed(2)} %: ${doc.text}`);
    assert.equal(doc.ocr, true);
    const page = doc.pages[0];
    assert.ok(page?.ocr, 'the page carries its OCR lines');
    assert.equal(page.ocr.lines.length, PAGE.length);
    assert.ok(page.ocr.confidence > 0.9 && page.ocr.confidence <= 1);
    // Boxes are in PDF points: the first line starts at the 150 px margin of a 150 dpi scan, i.e. 72 pt.
    const [left, top, right, bottom] = page.ocr.lines[0]?.box ?? [];
    assert.ok(Math.abs((left ?? 0) - 72) < 6, `left ${left}`);
    assert.ok((top ?? 0) > 70 && (bottom ?? 0) > (top ?? 0) && (right ?? 0) > 300);
    // Each character keeps its confidence and a box inside its line's, left to right.
    assert.deepEqual(page.ocr.size, [595.3, 841.9]);
    for (const line of page.ocr.lines) {
      assert.equal(line.chars.map((c) => c.text).join(''), line.text);
      let previousLeft = -1;
      for (const c of line.chars) {
        assert.ok(c.confidence > 0 && c.confidence <= 1);
        assert.ok(c.box[0] >= line.box[0] - 0.2 && c.box[2] <= line.box[2] + 0.2, JSON.stringify(c));
        assert.ok(c.box[0] > previousLeft && c.box[2] > c.box[0], JSON.stringify(line.chars));
        previousLeft = c.box[0];
      }
    }
    // The first line's 23 glyphs of 26 px at 150 dpi: each character about 12.5 pt wide, from 72 pt.
    const first = page.ocr.lines[0]?.chars ?? [];
    const fifth = first[4]?.box ?? [0, 0, 0, 0];
    const centre = (fifth[0] + fifth[2]) / 2;
    assert.ok(Math.abs(centre - (72 + 4.5 * 12.48)) < 6, `5th character centred at ${centre}`);
    // The rest of the parser ran as for a text layer: sentences and paragraphs over the OCR'd text.
    assert.ok(doc.sentences.some((s) => s.text.includes('特此公告')));
    assert.ok(doc.sentences.every((s) => s.page === 1));
    // Each sentence knows where it lies on the page: the closing line is the last line's box.
    const closing = doc.sentences.find((s) => s.text.includes('特此公告'));
    const last = page.ocr.lines[page.ocr.lines.length - 1]?.box ?? [0, 0, 0, 0];
    assert.equal(closing?.ocrBoxes?.length, 1);
    const [box] = closing?.ocrBoxes ?? [];
    assert.ok(box && Math.abs(box[1] - last[1]) < 1 && Math.abs(box[0] - last[0]) < 8, JSON.stringify(box));
    assert.ok(
      doc.sentences.every((s) => (s.ocrBoxes?.length ?? 0) >= 1),
      'every sentence is placed',
    );
  });

  it('reads a page fed in askew (2° either way) line by line, at a character error rate of at most 2 %', async () => {
    for (const skewDegrees of [2, -2]) {
      const doc = await parseDocument(await scannedPdf([PAGE], { skewDegrees }), {}, LIMITS);
      const cer = characterErrorRate(PAGE.join(''), doc.text);
      assert.ok(cer <= 0.02, `${skewDegrees}°: CER ${(cer * 100).toFixed(2)} %: ${doc.text}`);
      // One OCR line per printed line, in order: a tilted line is not cut in two nor merged with the next.
      assert.deepEqual(
        doc.pages[0]?.ocr?.lines.map((l) => l.text.slice(0, 4)),
        PAGE.map((l) => l.slice(0, 4)),
        `${skewDegrees}°`,
      );
      // The line was read along its tilt: its characters' boxes fall (or rise) from its first to its last.
      const chars = doc.pages[0]?.ocr?.lines[0]?.chars ?? [];
      const drop = (chars[chars.length - 1]?.box[1] ?? 0) - (chars[0]?.box[1] ?? 0);
      assert.ok(drop * Math.sign(skewDegrees) > 5, `${skewDegrees}°: the first line drops ${drop} pt`);
    }
  });

  it('reads a page fed in further askew (over 5°) in reading order, its boxes on the page as it lies', async () => {
    for (const skewDegrees of [7, -8]) {
      const doc = await parseDocument(await scannedPdf([PAGE], { skewDegrees }), {}, LIMITS);
      const cer = characterErrorRate(PAGE.join(''), doc.text);
      assert.ok(cer <= 0.02, `${skewDegrees}°: CER ${(cer * 100).toFixed(2)} %: ${doc.text}`);
      const lines = doc.pages[0]?.ocr?.lines ?? [];
      assert.deepEqual(
        lines.map((l) => l.text.slice(0, 4)),
        PAGE.map((l) => l.slice(0, 4)),
        `${skewDegrees}°`,
      );
      // A long line's box on the page spans its lean: its height is about its width × tan(angle).
      const long = lines[3];
      assert.ok(long);
      const [left, top, right, bottom] = long.box;
      const lean = (bottom - top) / (right - left);
      const expected = Math.tan((Math.abs(skewDegrees) * Math.PI) / 180);
      assert.ok(lean > expected && lean < expected + 0.1, `${skewDegrees}°: ${long.box}`);
      // Characters fall (or rise) along it from the first to the last, as printed.
      const drop = (long.chars[long.chars.length - 1]?.box[1] ?? 0) - (long.chars[0]?.box[1] ?? 0);
      assert.ok(drop * Math.sign(skewDegrees) > 20, `${skewDegrees}°: the line drops ${drop} pt`);
    }
  });

  it('reads a page scanned sideways or upside down turned upright, its boxes on the page as it lies', async () => {
    for (const options of [{ sideways: 90 }, { sideways: 270 }, { skewDegrees: 180 }] as const) {
      const doc = await parseDocument(await scannedPdf([PAGE], options), {}, LIMITS);
      const cer = characterErrorRate(PAGE.join(''), doc.text);
      const name = JSON.stringify(options);
      assert.ok(cer <= 0.02, `${name}: CER ${(cer * 100).toFixed(2)} %: ${doc.text}`);
      assert.ok(
        doc.warnings.some((w) => /page 1: the scan lies turned/.test(w)),
        `${name}: ${doc.warnings.join('; ')}`,
      );
      const lines = doc.pages[0]?.ocr?.lines ?? [];
      assert.equal(lines.length, PAGE.length, name);
      for (const { box } of lines) {
        assert.ok(box[0] >= 0 && box[1] >= 0 && box[2] <= 596 && box[3] <= 842, `${name}: ${box}`);
        // A line running down or up the scan is a box taller than wide where it lies.
        const tall = box[3] - box[1] > box[2] - box[0];
        assert.equal(tall, 'sideways' in options, `${name}: ${box}`);
      }
    }
  });

  it('skips a red seal and says so, keeping the black text', async () => {
    const doc = await parseDocument(await scannedPdf([PAGE.slice(0, 3)], { seal: true }), {}, LIMITS);
    assert.ok(!doc.text.includes('印章'), doc.text);
    assert.ok(doc.text.includes('暂时补充流动资金的公告'));
    assert.ok(
      doc.warnings.some((w) => /seal or stamp/.test(w)),
      doc.warnings.join('; '),
    );
  });

  it('a blank scanned page is "no text found", not an empty document', async () => {
    await assert.rejects(parseDocument(await scannedPdf([[]]), {}, LIMITS), (e: unknown) => {
      assert.ok(e instanceof NoTextFoundError, String(e));
      assert.equal(e.code, ParseErrorCode.NoTextFound);
      assert.match(e.message, /OCR found no text/);
      return true;
    });
  });

  it('a blank page among read ones is a warning on that page', async () => {
    const doc = await parseDocument(await scannedPdf([PAGE.slice(0, 2), []]), {}, LIMITS);
    assert.equal(doc.pages[1]?.text, '');
    assert.deepEqual(doc.pages[1]?.ocr?.lines, []);
    assert.ok(doc.warnings.includes('page 2: OCR found no text'), doc.warnings.join('; '));
  });

  /** A typed cover page, then two scanned pages. */
  async function coverAndScans(): Promise<Uint8Array> {
    const doc = new PDFDocument({ size: 'A4', autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
    doc.addPage().font('Helvetica').fontSize(11).text('Cover page typed with a real text layer.');
    for (const lines of [PAGE.slice(0, 3), PAGE.slice(3, 6)]) {
      doc.addPage({ size: 'A4', margin: 0 });
      doc.image(scannedPng(lines), 0, 0, { width: doc.page.width, height: doc.page.height });
    }
    doc.end();
    return done;
  }

  it('in a mostly scanned PDF, reads only the pages without a text layer', async () => {
    const parsed = await parseDocument(await coverAndScans(), {}, LIMITS);
    assert.equal(parsed.pages[0]?.ocr, undefined);
    assert.match(parsed.pages[0]?.text ?? '', /Cover page typed/);
    assert.deepEqual(
      parsed.pages.filter((p) => p.ocr).map((p) => p.number),
      [2, 3],
    );
    assert.ok(characterErrorRate(PAGE.slice(3, 6).join(''), parsed.pages[2]?.text ?? '') <= 0.02);
  });

  it('past the OCR limits, a mostly scanned PDF keeps its text pages and says what is missing', async () => {
    const parsed = await parseDocument(
      await coverAndScans(),
      {},
      { ...LIMITS, ocr: { maxPages: 1, timeoutMs: 60_000 } },
    );
    assert.match(parsed.text, /Cover page typed/);
    assert.equal(parsed.ocr, undefined);
    assert.ok(
      parsed.warnings.some((w) => /2 of 3 pages have no text layer \(.*over the OCR limit of 1/.test(w)),
      parsed.warnings.join('; '),
    );
  });

  it('with OCR off, a scan is the old clear no_text_layer error', async () => {
    await assert.rejects(
      parseDocument(await scannedPdf([PAGE]), {}, { ...LIMITS, ocr: false }),
      (e: unknown) => e instanceof NoTextLayerError && /needs OCR/.test(e.message),
    );
  });

  it('OCR keeps its own page and time limits', async () => {
    const twoPages = await scannedPdf([PAGE.slice(0, 2), PAGE.slice(2, 4)]);
    await assert.rejects(
      parseDocument(twoPages, {}, { ...LIMITS, ocr: { maxPages: 1, timeoutMs: 60_000 } }),
      (e: unknown) => e instanceof OcrLimitError && /2 pages, over the OCR limit of 1/.test(e.message),
    );
    await assert.rejects(
      parseDocument(twoPages, {}, { ...LIMITS, ocr: { maxPages: 5, timeoutMs: 1 } }),
      (e: unknown) =>
        e instanceof OcrLimitError && e.code === ParseErrorCode.OcrLimit && /time limit/.test(e.message),
    );
  });

  it('loads the OCR models once per process', () => {
    // Every test above read pages; the models were loaded by the first and reused since.
    assert.equal(ocrModelLoads(), 1);
  });
});
