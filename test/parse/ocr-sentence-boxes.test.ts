import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { doubtedFiguresIn, sentenceBoxes } from '../../src/parse/ocr/sentence-boxes.js';
import type { OcrLine, PageOcr } from '../../src/parse/types.js';

/** A line of `text` at `top`, each character 10 points wide from x = 100. */
function line(text: string, top: number): OcrLine {
  const chars = [...text].map((c, i) => ({
    text: c,
    confidence: 0.9,
    box: [100 + 10 * i, top, 110 + 10 * i, top + 12] as [number, number, number, number],
  }));
  return { text, confidence: 0.9, box: [100, top, 100 + 10 * chars.length, top + 12], chars };
}

const page: PageOcr = {
  size: [595, 842],
  confidence: 0.9,
  lines: [line('公司股东质押股份。公司', 100), line('股东解除质押。特此公告', 120)],
};

describe('sentence boxes on an OCR page', () => {
  it('boxes a sentence within one line from its first to its last character', () => {
    assert.deepEqual(sentenceBoxes('公司股东质押股份。', page)?.boxes, [[100, 100, 190, 112]]);
  });

  it('a sentence across two lines gets a box on each, whitespace and line breaks ignored', () => {
    const found = sentenceBoxes('公司\n股东 解除质押。', page, 9);
    assert.deepEqual(found?.boxes, [
      [190, 100, 210, 112],
      [100, 120, 170, 132],
    ]);
    assert.equal(found?.end, 18);
  });

  it('a repeated phrase maps to the occurrence after the previous sentence', () => {
    assert.deepEqual(sentenceBoxes('公司', page)?.boxes, [[100, 100, 120, 112]]);
    assert.deepEqual(sentenceBoxes('公司', page, 9)?.boxes, [[190, 100, 210, 112]]);
  });

  it('gives the offsets in the sentence of the characters of figures the reader doubts', () => {
    const read = line('质押170,36,800股。', 140);
    read.chars.forEach((c, i) => {
      if (i >= 2 && i < 12) c.doubted = true;
    });
    const doubtPage: PageOcr = { ...page, lines: [read] };
    const sentence = '质押 170,36,800股。';
    const found = sentenceBoxes(sentence, doubtPage);
    assert.deepEqual(found?.doubted, [[3, 13]]);
    assert.equal(sentence.slice(3, 13), '170,36,800');
    assert.deepEqual(sentenceBoxes('公司股东质押股份。', page)?.doubted, []);
  });

  it("a table row not on the page in one piece gets the spans of the page's doubted figures it holds", () => {
    /** A line whose characters in [from, to) the reader doubts. */
    const doubting = (text: string, top: number, from: number, to: number) => {
      const read = line(text, top);
      read.chars.forEach((c, i) => {
        if (i >= from && i < to) c.doubted = true;
      });
      return read;
    };
    const tablePage: PageOcr = {
      ...page,
      lines: [
        doubting('2,141,223,000.0', 100, 0, 15),
        doubting('52.87%', 120, 9, 9),
        doubting('3,974,,00.0', 140, 7, 11),
        doubting('154', 160, 0, 3),
      ],
    };
    // Cells run together: the long figure is found though a digit follows it.
    const row = '营业成本：2,141,223,000.052.87%；管理费用：508,038,000.00';
    const spans = doubtedFiguresIn(row, tablePage);
    assert.deepEqual(
      spans.map(([a, b]) => row.slice(a, b)),
      ['2,141,223,000.0'],
    );
    // A short doubted run counts only standing on its own, not as part of another figure (508,038,000.00).
    const alone = '其他：00.0；合计：1,154,000';
    assert.deepEqual(
      doubtedFiguresIn(alone, tablePage).map(([a, b]) => alone.slice(a, b)),
      ['00.0'],
    );
    // Whitespace inside the sentence does not hide a figure; a page without doubts marks nothing.
    const spaced = '营业成本 2,141,223, 000.0';
    assert.deepEqual(
      doubtedFiguresIn(spaced, tablePage).map(([a, b]) => spaced.slice(a, b)),
      ['2,141,223, 000.0'],
    );
    assert.deepEqual(doubtedFiguresIn(row, page), []);
  });

  it('a sentence not on the page has no boxes', () => {
    assert.equal(sentenceBoxes('董事会决议', page), undefined);
    assert.equal(sentenceBoxes('  ', page), undefined);
  });
});
