import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseDocument } from '../../src/parse/parse-document.js';
import type { ParsedDocument } from '../../src/parse/types.js';
import { cjkFont, drawTable, pdfWith } from './table-pdfs.js';

const LIMITS = { maxBytes: 50_000_000, maxPages: 100 };
const PLEDGE_HEADER = ['股东名称', '本次质押股数', '质押开始日期', '质权人'];
const BANK = '中国工商银行股份有限公司杭州西湖支行';
const WIDTHS = [90, 90, 90, 110];
const font = cjkFont();

function pdfDoc(bytes: Uint8Array): Promise<ParsedDocument> {
  return parseDocument(bytes, { fileName: 'table.pdf', kind: 'announcement' }, LIMITS);
}

/** Every sentence offset is exact and each table row is one sentence pointing back at its row. */
function assertRowsAreSentences(doc: ParsedDocument): void {
  for (const s of doc.sentences) assert.equal(doc.text.slice(s.start, s.end), s.text);
  doc.tables.forEach((table, index) => {
    assert.equal(table.rowSpans.length, table.rows.length);
    table.rowSpans.forEach((span, row) => {
      const sentence = doc.sentences.find((s) => s.start === span.start);
      assert.ok(sentence, `row ${row} of table ${index} is a sentence`);
      assert.equal(sentence.end, span.end);
      assert.deepEqual(sentence.table, { index, row });
    });
  });
}

describe('tables in PDFs', () => {
  it('reads a ruled table row whole, with a wrapped cell kept in one piece', async (t) => {
    if (!font) return t.skip('no CJK font installed');
    const pdf = await pdfWith(font, [
      (doc) => {
        doc.fontSize(10.5).text('一、股东股份质押的基本情况', 64, 80);
        const below = drawTable(
          doc,
          {
            x: 64,
            widths: WIDTHS,
            rows: [PLEDGE_HEADER, ['浙江某某控股有限公司', '12,000,000', '2025年3月1日', BANK]],
          },
          110,
        );
        doc.fontSize(10.5).text('二、其他说明', 64, below + 20);
      },
    ]);
    const doc = await pdfDoc(pdf);
    assert.equal(doc.tables.length, 1);
    const table = doc.tables[0];
    assert.ok(table);
    assert.deepEqual(table.header, PLEDGE_HEADER);
    assert.deepEqual(table.rows, [['浙江某某控股有限公司', '12,000,000', '2025年3月1日', BANK]]);
    const row = doc.sentences.filter((s) => s.table);
    assert.equal(row.length, 1);
    assert.equal(
      row[0]?.text,
      `股东名称：浙江某某控股有限公司；本次质押股数：12,000,000；质押开始日期：2025年3月1日；质权人：${BANK}`,
    );
    // The bank's name is in no other sentence: the cell fragments are gone from the text.
    assert.equal(doc.sentences.filter((s) => s.text.includes('西湖支行')).length, 1);
    assert.ok(doc.sentences.some((s) => s.text === '一、股东股份质押的基本情况'));
    assert.ok(doc.sentences.some((s) => s.text === '二、其他说明'));
    assertRowsAreSentences(doc);
  });

  it('joins a table continued on the next page and drops the repeated header', async (t) => {
    if (!font) return t.skip('no CJK font installed');
    const row = (n: number) => [`股东${n}`, `${n},000,000`, '2025年3月1日', '某某证券股份有限公司'];
    const pdf = await pdfWith(font, [
      (doc) => {
        doc.fontSize(10.5).text('股东股份质押情况如下：', 64, 80);
        drawTable(doc, { x: 64, widths: WIDTHS, rows: [PLEDGE_HEADER, ...[1, 2, 3, 4].map(row)] }, 640);
      },
      (doc) => {
        const below = drawTable(
          doc,
          { x: 64, widths: WIDTHS, rows: [PLEDGE_HEADER, ...[5, 6].map(row)] },
          72,
        );
        doc.fontSize(10.5).text('特此公告。', 64, below + 20);
      },
    ]);
    const doc = await pdfDoc(pdf);
    // The second page's text layer is the table's rest: no page for OCR, though its own text is short.
    assert.ok(!doc.ocr, 'no page was read by OCR');
    assert.equal(doc.tables.length, 1);
    const table = doc.tables[0];
    assert.ok(table);
    assert.equal(table.page, 1);
    assert.deepEqual(table.header, PLEDGE_HEADER);
    assert.deepEqual(
      table.rows.map((r) => r[0]),
      ['股东1', '股东2', '股东3', '股东4', '股东5', '股东6'],
    );
    assert.equal(doc.text.match(/股东名称：/g)?.length, 6);
    assert.ok(doc.sentences.some((s) => s.text === '特此公告。' && !s.table));
    assertRowsAreSentences(doc);
  });

  it("keeps an A+B company's codes (000570、200570) of its 公司信息 table in the text and the header", async (t) => {
    if (!font) return t.skip('no CJK font installed');
    const pdf = await pdfWith(font, [
      (doc) => {
        doc.fontSize(14).text('示例股份有限公司', 64, 80);
        doc.fontSize(14).text('2019 年年度报告', 64, 110);
        doc.fontSize(10.5).text('一、公司信息', 64, 150);
        drawTable(
          doc,
          {
            x: 64,
            widths: [110, 110, 80, 100],
            rows: [
              ['股票简称', '示例A、示例B', '股票代码', '000570、200570'],
              ['公司的中文名称', '示例股份有限公司', '', ''],
              ['公司的法定代表人', '王某某', '', ''],
            ],
          },
          175,
        );
      },
    ]);
    const doc = await pdfDoc(pdf);
    assert.ok(doc.text.includes('股票代码；000570、200570'), doc.text);
    assert.deepEqual(
      doc.header.announcement?.securityCodes.map((c) => c.code),
      ['000570', '200570'],
    );
    assertRowsAreSentences(doc);
  });

  it('reads a table ruled only horizontally (a three-line table), columns from the white space', async (t) => {
    if (!font) return t.skip('no CJK font installed');
    const cols = [64, 200, 290, 380];
    const lines = [
      ['项目', '2024A', '2025E', '2026E'],
      ['营业收入（百万元）', '3,512', '4,236', '5,018'],
      ['归母净利润（百万元）', '402', '498', '611'],
      ['EPS（元）', '1.01', '1.25', '1.53'],
    ];
    const pdf = await pdfWith(font, [
      (doc) => {
        doc.fontSize(10.5).text('盈利预测如下：', 64, 80);
        doc.fontSize(9);
        lines.forEach((line, r) => {
          line.forEach((cell, c) => {
            doc.text(cell, cols[c] ?? 0, 124 + r * 18 + (r > 0 ? 6 : 0), { lineBreak: false });
          });
        });
        doc.lineWidth(0.8).moveTo(64, 118).lineTo(460, 118).stroke();
        doc.lineWidth(0.5).moveTo(64, 140).lineTo(460, 140).stroke();
        doc.lineWidth(0.8).moveTo(64, 206).lineTo(460, 206).stroke();
        doc.fontSize(10.5).text('风险提示：需求不及预期。', 64, 230);
      },
    ]);
    const doc = await pdfDoc(pdf);
    assert.equal(doc.tables.length, 1);
    assert.deepEqual(doc.tables[0]?.header, lines[0]);
    assert.deepEqual(doc.tables[0]?.rows, lines.slice(1));
    assert.ok(doc.sentences.some((s) => s.text === '项目：EPS（元）；2024A：1.01；2025E：1.25；2026E：1.53'));
    assertRowsAreSentences(doc);
  });

  it('leaves prose alone: header block, numbered list, two columns, a framed paragraph', async (t) => {
    if (!font) return t.skip('no CJK font installed');
    const pdf = await pdfWith(font, [
      (doc) => {
        doc.fontSize(10.5);
        doc.text('证券代码：002020', 64, 60, { lineBreak: false });
        doc.text('证券简称：某某药业', 230, 60, { lineBreak: false });
        doc.text('公告编号：2025-001', 400, 60, { lineBreak: false });
        doc.text('1、公司于2025年3月1日召开董事会。', 64, 100);
        doc.text('2、会议审议通过了回购股份的议案。', 64, 120);
        // Rules across the page (under a running header, above a footer) frame no table.
        doc.lineWidth(0.5).moveTo(64, 150).lineTo(530, 150).stroke();
        doc.lineWidth(0.5).moveTo(64, 245).lineTo(530, 245).stroke();
        for (let i = 0; i < 5; i++) {
          doc.text(`左栏第${i + 1}行正文内容`, 64, 160 + i * 16, { lineBreak: false });
          doc.text(`右栏第${i + 1}行正文内容`, 320, 160 + i * 16, { lineBreak: false });
        }
        doc.lineWidth(0.5).rect(60, 260, 470, 40).stroke();
        doc.text('重要内容提示：本公司董事会及全体董事保证本公告内容真实、准确、完整。', 66, 266, {
          width: 460,
        });
      },
    ]);
    const doc = await pdfDoc(pdf);
    assert.deepEqual(doc.tables, []);
    assert.ok(doc.sentences.every((s) => s.table === undefined));
    assert.ok(doc.text.includes('重要内容提示'));
  });
});

describe('tables in HTML', () => {
  it('reads rows and cells, with a rowspan repeated and a colspan counted once', async () => {
    const html = `<html><body><p>质押情况如下：</p><table>
      <thead><tr><th>股东名称</th><th>本次质押股数</th><th>质权人</th></tr></thead>
      <tbody><tr><td rowspan="2">某某控股有限公司</td><td>1,000,000</td><td>甲银行</td></tr>
      <tr><td>2,000,000</td><td>乙银行</td></tr>
      <tr><td colspan="2">合计</td><td>3,000,000</td></tr></tbody></table><p>特此公告。</p></body></html>`;
    const doc = await parseDocument(new TextEncoder().encode(html), { fileName: 'a.html' }, LIMITS);
    assert.equal(doc.tables.length, 1);
    const table = doc.tables[0];
    assert.ok(table);
    assert.deepEqual(table.header, ['股东名称', '本次质押股数', '质权人']);
    assert.deepEqual(table.rows, [
      ['某某控股有限公司', '1,000,000', '甲银行'],
      ['某某控股有限公司', '2,000,000', '乙银行'],
      ['合计', '', '3,000,000'],
    ]);
    assert.deepEqual(
      doc.sentences.filter((s) => s.table).map((s) => s.text),
      [
        '股东名称：某某控股有限公司；本次质押股数：1,000,000；质权人：甲银行',
        '股东名称：某某控股有限公司；本次质押股数：2,000,000；质权人：乙银行',
        '股东名称：合计；质权人：3,000,000',
      ],
    );
    assert.deepEqual(
      doc.sentences.filter((s) => !s.table).map((s) => s.text),
      ['质押情况如下：', '特此公告。'],
    );
    assertRowsAreSentences(doc);
  });
});

const REAL = path.join(process.env.DATASETS_DIR ?? path.resolve('../shared/data'), 'real-pdfs/announcements');

describe('tables in real announcements', () => {
  it('recognises the share-structure table of a buy-back report', async (t) => {
    const file = path.join(REAL, '002020_京新药业_关于以集中竞价交易方式回购股份的报告书（修订稿）.pdf');
    if (!existsSync(file)) return t.skip(`${file} not found`);
    const doc = await pdfDoc(new Uint8Array(await readFile(file)));
    const table = doc.tables.find((tb) => tb.header[0] === '股份类别');
    assert.ok(table, 'share-structure table found');
    assert.equal(table.header.length, 5);
    assert.ok(table.header.some((h) => h.startsWith('回购前')));
    assert.ok(table.rows.length >= 2);
    assert.ok(table.rows.every((r) => r.length === 5));
    assertRowsAreSentences(doc);
  });

  it('recognises the shareholder tables of an acquisition announcement', async (t) => {
    const file = path.join(REAL, '002020_京新药业_关于全资子公司收购股权暨关联交易的公告.pdf');
    if (!existsSync(file)) return t.skip(`${file} not found`);
    const doc = await pdfDoc(new Uint8Array(await readFile(file)));
    assert.ok(doc.tables.some((tb) => tb.header.join('|') === '股东名称|持股比例'));
    const before = doc.tables.find((tb) => tb.header.includes('收购前股东名称'));
    assert.ok(before, 'before/after shareholding table found');
    assert.ok(before.rows.every((r) => /%$/.test(r[before.header.indexOf('收购前持股比例')] ?? '')));
    assertRowsAreSentences(doc);
  });
});
