import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ocrTables } from '../../src/parse/ocr/ocr-tables.js';
import { rulingsFromImage } from '../../src/parse/ocr/page-rules.js';
import type { RgbaImage } from '../../src/parse/ocr/raster.js';
import { parseDocument } from '../../src/parse/parse-document.js';
import { scannedPdf, scannedPdfPages } from '../support/scanned-pdf.js';

/** A white image with black rectangles [left, top, right, bottom] painted in. */
function image(width: number, height: number, inked: Array<[number, number, number, number]>): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (const [x0, y0, x1, y1] of inked) {
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
    }
  }
  return { width, height, data };
}

describe('rules on a page image', () => {
  it('finds long thin runs of ink as rules in page units, not strokes, dashes or filled boxes', () => {
    const page = image(400, 300, [
      [20, 50, 380, 52], // a horizontal rule, 2 px thick
      [20, 150, 380, 151],
      [100, 40, 102, 160], // a vertical rule
      [30, 100, 70, 102], // a stroke 40 px long: under 24 pt at scale 2
      [200, 200, 300, 240], // a filled box
    ]);
    const rules = rulingsFromImage(page, 2);
    assert.deepEqual(
      rules.horizontal.map((r) => [r.x0, r.x1, r.y0]).sort((a, b) => (a[2] ?? 0) - (b[2] ?? 0)),
      [
        [10, 190, 25.5],
        [10, 190, 75.25],
      ],
    );
    assert.deepEqual(
      rules.vertical.map((r) => [r.x0, r.y0, r.y1]),
      [[50.5, 20, 80]],
    );
  });
});

describe('tables in scans', () => {
  const box = (left: number, top: number, right: number) => ({ left, top, right, bottom: top + 14 });
  /** A recognised line whose characters share its width evenly. */
  const line = (text: string, left: number, top: number, right: number) => {
    const chars = [...text];
    const pitch = (right - left) / chars.length;
    return {
      text,
      box: box(left, top, right),
      chars: chars.map((c, i) => ({ text: c, box: box(left + i * pitch, top, left + (i + 1) * pitch) })),
    };
  };

  it('cuts a line the detector read across a vertical rule into its cells', () => {
    const h = (y: number) => ({ x0: 50, x1: 350, y0: y, y1: y });
    const v = (x: number) => ({ x0: x, x1: x, y0: 100, y1: 160 });
    const found = ocrTables(
      [
        line('名称数量', 60, 108, 220), // one box over both cells of the header row
        line('甲公司', 60, 138, 130),
        line('1,000', 210, 138, 260),
        line('正文在表格之外', 60, 200, 200),
      ],
      { horizontal: [h(100), h(130), h(160)], vertical: [v(50), v(140), v(350)] },
    );
    assert.equal(found.tables.length, 1);
    assert.deepEqual(
      found.tables[0]?.cells.map((row) => row.map((c) => c.text)),
      [
        ['名称', '数量'],
        ['甲公司', '1,000'],
      ],
    );
    assert.deepEqual([...found.lines].sort(), [0, 1, 2]);
  });

  it('reads a ruled table on a page fed in askew (6°) into its rows and cells', async () => {
    const pdf = await scannedPdf([['关于股东持股情况的公告', '截至本公告日，股东持股情况如下：']], {
      table: {
        rows: [
          ['股东名称', '持股数量（股）', '持股比例'],
          ['示例投资有限公司', '12,680,000', '31.70%'],
          ['示例控股集团', '6,150,000', '15.38%'],
        ],
        columnWidths: [330, 300, 220],
      },
      after: ['特此公告。'],
      skewDegrees: 6,
    });
    const doc = await parseDocument(
      pdf,
      { fileName: 'scan.pdf' },
      { maxBytes: 20 * 1024 * 1024, maxPages: 5 },
    );
    assert.equal(doc.tables.length, 1, doc.text);
    assert.deepEqual(doc.tables[0]?.header, ['股东名称', '持股数量（股）', '持股比例']);
    assert.deepEqual(doc.tables[0]?.rows, [
      ['示例投资有限公司', '12,680,000', '31.70%'],
      ['示例控股集团', '6,150,000', '15.38%'],
    ]);
    assert.ok(doc.text.indexOf('如下') < doc.text.indexOf('特此公告'), doc.text);
  });

  it('reads a generated scanned table into the same rows and cells a text layer gives', async () => {
    const pdf = await scannedPdf([['关于股东持股情况的公告', '截至本公告日，股东持股情况如下：']], {
      table: {
        rows: [
          ['股东名称', '持股数量（股）', '持股比例'],
          ['示例投资有限公司', '12,680,000', '31.70%'],
          ['示例控股集团', '6,150,000', '15.38%'],
        ],
        columnWidths: [330, 300, 220],
      },
      after: ['特此公告。'],
    });
    const doc = await parseDocument(
      pdf,
      { fileName: 'scan.pdf' },
      { maxBytes: 20 * 1024 * 1024, maxPages: 5 },
    );
    assert.equal(doc.ocr, true);
    assert.equal(doc.tables.length, 1, doc.text);
    const [table] = doc.tables;
    assert.equal(table?.page, 1);
    assert.deepEqual(table?.header, ['股东名称', '持股数量（股）', '持股比例']);
    // Rows and cells as drawn, figures to the digit (lines squeezed to 0.8 once read 12,680,000 as 12,680,00).
    assert.deepEqual(table?.rows, [
      ['示例投资有限公司', '12,680,000', '31.70%'],
      ['示例控股集团', '6,150,000', '15.38%'],
    ]);
    // The table stands between the text above and below it, one line per row.
    const above = doc.text.indexOf('股东持股情况如下');
    const row = doc.text.indexOf('股东名称：示例投资有限公司；持股数量（股）：');
    const below = doc.text.indexOf('特此公告');
    assert.ok(above >= 0 && row > above && below > row, doc.text);
    // Its lines keep their boxes among the page's OCR lines.
    assert.ok(doc.pages[0]?.ocr?.lines.some((l) => l.text === '6,150,000' && l.box[0] > 200));
  });
});

describe('tables continued over scanned pages', () => {
  it('reads a ruled table going on over three scanned pages as one table, the repeated header dropped', async () => {
    const columnWidths = [330, 300, 220];
    const header = ['股东名称', '持股数量（股）', '持股比例'];
    const pdf = await scannedPdfPages([
      {
        lines: ['关于股东持股情况的公告', '截至本公告日，股东持股情况如下：'],
        options: {
          table: {
            rows: [
              header,
              ['示例投资有限公司', '12,680,000', '31.70%'],
              ['示例控股集团', '6,150,000', '15.38%'],
            ],
            columnWidths,
          },
        },
      },
      // The header printed again on the next page.
      {
        lines: [],
        options: {
          table: {
            rows: [
              header,
              ['甲实业有限公司', '3,200,000', '8.00%'],
              ['乙资本管理有限公司', '2,400,000', '6.00%'],
            ],
            columnWidths,
          },
        },
      },
      // Rows only on the last page, then the text goes on.
      {
        lines: [],
        options: {
          table: {
            rows: [
              ['丙科技有限公司', '1,600,000', '4.00%'],
              ['丁咨询有限公司', '800,000', '2.00%'],
            ],
            columnWidths,
          },
          after: ['特此公告。'],
        },
      },
    ]);
    const doc = await parseDocument(
      pdf,
      { fileName: 'scan.pdf' },
      { maxBytes: 20 * 1024 * 1024, maxPages: 5 },
    );
    assert.equal(doc.ocr, true);
    assert.equal(doc.tables.length, 1, JSON.stringify(doc.tables));
    const [table] = doc.tables;
    assert.equal(table?.page, 1);
    assert.deepEqual(table?.header, header);
    assert.deepEqual(table?.rows, [
      ['示例投资有限公司', '12,680,000', '31.70%'],
      ['示例控股集团', '6,150,000', '15.38%'],
      ['甲实业有限公司', '3,200,000', '8.00%'],
      ['乙资本管理有限公司', '2,400,000', '6.00%'],
      ['丙科技有限公司', '1,600,000', '4.00%'],
      ['丁咨询有限公司', '800,000', '2.00%'],
    ]);
    // The rows stand once, where the table begins; the text after the table follows them.
    const last = doc.text.indexOf('股东名称：丁咨询有限公司');
    assert.ok(last > doc.text.indexOf('股东持股情况如下'), doc.text);
    assert.ok(doc.text.indexOf('特此公告') > last, doc.text);
    assert.equal(doc.text.split('股东名称：股东名称').length, 1, doc.text);
    // The continuation's lines keep their boxes on their own pages.
    assert.ok(doc.pages[2]?.ocr?.lines.some((l) => l.text === '1,600,000'));
  });
});
