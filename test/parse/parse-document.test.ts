import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import {
  CorruptPdfError,
  DocumentInputError,
  EmptyFileError,
  EncryptedPdfError,
  FileTooLargeError,
  NoTextFoundError,
  NoTextLayerError,
  NotAPdfError,
  ParseErrorCode,
  TooManyPagesError,
  UndecodableTextError,
  UnsupportedTypeError,
} from '../../src/parse/errors/index.js';
import { parseDocument } from '../../src/parse/parse-document.js';
import { encryptedPdf, imageOnlyPdf, stripedPng, textPdf } from '../support/pdf-fixtures.js';

const LIMITS = { maxBytes: 5 * 1024 * 1024, maxPages: 50 };
const utf8 = (s: string) => new TextEncoder().encode(s);

async function rejectsWith(
  promise: Promise<unknown>,
  type: new (...args: never[]) => DocumentInputError,
  code: ParseErrorCode,
) {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof type, `expected ${type.name}, got ${String(e)}`);
    assert.ok(e instanceof DocumentInputError);
    assert.equal(e.code, code);
    return true;
  });
}

describe('parseDocument: bad inputs', () => {
  it('empty bytes', async () => {
    await rejectsWith(
      parseDocument(new Uint8Array(), { fileName: 'a.pdf' }, LIMITS),
      EmptyFileError,
      ParseErrorCode.EmptyFile,
    );
  });

  it('HTML bytes named .pdf', async () => {
    const html = utf8('<!DOCTYPE html><html><body><p>404 Not Found</p></body></html>');
    await rejectsWith(
      parseDocument(html, { fileName: 'report.pdf' }, LIMITS),
      NotAPdfError,
      ParseErrorCode.NotAPdf,
    );
    await rejectsWith(
      parseDocument(utf8('just text'), { mimeType: 'application/pdf' }, LIMITS),
      NotAPdfError,
      ParseErrorCode.NotAPdf,
    );
  });

  it('truncated PDF', async () => {
    const pdf = await textPdf([['Page one text'], ['Page two text']]);
    await rejectsWith(
      parseDocument(pdf.slice(0, Math.floor(pdf.length * 0.6)), { fileName: 'a.pdf' }, LIMITS),
      CorruptPdfError,
      ParseErrorCode.CorruptPdf,
    );
  });

  it('encrypted PDF', async () => {
    await rejectsWith(
      parseDocument(await encryptedPdf(), {}, LIMITS),
      EncryptedPdfError,
      ParseErrorCode.EncryptedPdf,
    );
  });

  it('image-only PDF needs OCR when OCR is off', async () => {
    await rejectsWith(
      parseDocument(await imageOnlyPdf(3), {}, { ...LIMITS, ocr: false }),
      NoTextLayerError,
      ParseErrorCode.NoTextLayer,
    );
  });

  it('image-only PDF of pictures without text: OCR finds none', async () => {
    await rejectsWith(
      parseDocument(await imageOnlyPdf(3), {}, LIMITS),
      NoTextFoundError,
      ParseErrorCode.NoTextFound,
    );
  });

  it('PDF with only a stray page number is still "needs OCR"', async () => {
    const pdf = await textPdf([['1'], ['2'], ['3']]);
    await rejectsWith(parseDocument(pdf, {}, LIMITS), NoTextLayerError, ParseErrorCode.NoTextLayer);
  });

  it('over the byte limit', async () => {
    const pdf = await textPdf([['Some text that makes the file non-trivial']]);
    await rejectsWith(
      parseDocument(pdf, {}, { maxBytes: 100, maxPages: 10 }),
      FileTooLargeError,
      ParseErrorCode.FileTooLarge,
    );
  });

  it('over the page limit', async () => {
    const pdf = await textPdf([['one page of text'], ['two pages of text'], ['three pages of text']]);
    await rejectsWith(
      parseDocument(pdf, {}, { maxBytes: 1e7, maxPages: 2 }),
      TooManyPagesError,
      ParseErrorCode.TooManyPages,
    );
  });

  it('unsupported types', async () => {
    await rejectsWith(
      parseDocument(stripedPng(), { fileName: 'scan.png' }, LIMITS),
      UnsupportedTypeError,
      ParseErrorCode.UnsupportedType,
    );
    await rejectsWith(
      parseDocument(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), { fileName: 'a.docx' }, LIMITS),
      UnsupportedTypeError,
      ParseErrorCode.UnsupportedType,
    );
  });

  it('undecodable text', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0xc3, 0x28, 0xa0, 0xa1]);
    await rejectsWith(
      parseDocument(bytes, { fileName: 'a.txt' }, LIMITS),
      UndecodableTextError,
      ParseErrorCode.UndecodableText,
    );
    await rejectsWith(
      parseDocument(utf8('<html><body><script>x()</script></body></html>'), {}, LIMITS),
      UndecodableTextError,
      ParseErrorCode.UndecodableText,
    );
  });
});

describe('parseDocument: configuration', () => {
  it('rejects invalid limits as a programming error, not a document error', async () => {
    await assert.rejects(parseDocument(utf8('x'), {}, { maxBytes: 0, maxPages: 1 }), TypeError);
    await assert.rejects(parseDocument(utf8('x'), {}, { maxBytes: 10, maxPages: Number.NaN }), TypeError);
  });
});

describe('parseDocument: good inputs', () => {
  it('parses a GB18030 text announcement with header and exact offsets', async () => {
    const text = [
      '证券代码：600000    证券简称：示例股份    公告编号：临2025-001',
      '示例股份有限公司',
      '关于重大项目中标的公告',
      '公司于2025年10月14日收到《中标通知书》，中标金额为18.76亿元。项目工期900日历天。',
      '特此公告。',
      '示例股份有限公司董事会',
      '2025年10月15日',
    ].join('\n');
    const doc = await parseDocument(iconv.encode(text, 'gb18030'), { fileName: 'a.txt' }, LIMITS);
    assert.equal(doc.type, 'text');
    assert.equal(doc.encoding, 'gb18030');
    assert.equal(doc.kind, 'announcement');
    assert.equal(doc.header.announcement?.stockCode, '600000');
    assert.equal(doc.header.announcement?.date, '2025-10-15');
    assert.equal(doc.modelText, doc.text);
    assert.equal(doc.modelOffsetMap, null);
    const sentence = doc.sentences.find((s) => s.text.startsWith('公司于'));
    assert.equal(sentence?.text, '公司于2025年10月14日收到《中标通知书》，中标金额为18.76亿元。');
    for (const s of doc.sentences) assert.equal(doc.text.slice(s.start, s.end), s.text);
  });

  it('respects a declared kind over the guess', async () => {
    const doc = await parseDocument(utf8('证券代码：600000 今日新闻。'), { kind: 'news' }, LIMITS);
    assert.equal(doc.kind, 'news');
    assert.deepEqual(doc.header, {});
  });

  it('keeps page spans consistent with the text for PDFs', async () => {
    const pdf = await textPdf([['Alpha page text.'], ['Beta page text.']]);
    const doc = await parseDocument(pdf, { fileName: 'x.pdf' }, LIMITS);
    assert.equal(doc.type, 'pdf');
    assert.equal(doc.pages.length, 2);
    for (const p of doc.pages) assert.equal(doc.text.slice(p.start, p.end), p.text);
    assert.deepEqual(
      doc.sentences.map((s) => [s.text, s.page]),
      [
        ['Alpha page text.', 1],
        ['Beta page text.', 2],
      ],
    );
  });

  it('warns when half the pages are scans without text', async () => {
    const pdf = await textPdf([
      ['A typed cover page with enough text to count as a text layer.', 'Second line of the cover page.'],
      [],
      [],
    ]);
    const doc = await parseDocument(pdf, {}, { ...LIMITS, ocr: false });
    assert.ok(
      doc.warnings.some((w) => /2 of 3 pages have no text layer/.test(w)),
      doc.warnings.join('; '),
    );
    // With OCR on, the empty pages are read; blank, they say so one by one.
    const read = await parseDocument(pdf, {}, LIMITS);
    assert.deepEqual(
      read.warnings.filter((w) => /OCR/.test(w)),
      ['page 2: OCR found no text', 'page 3: OCR found no text'],
    );
  });

  it('does not mutate or detach the input bytes', async () => {
    const pdf = await textPdf([['Gamma text here.']]);
    const copy = new Uint8Array(pdf);
    await parseDocument(pdf, {}, LIMITS);
    assert.deepEqual(pdf, copy);
  });
});
