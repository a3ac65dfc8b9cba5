import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sentenceBoxes } from '../../src/parse/ocr/sentence-boxes.js';
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

  it('a sentence not on the page has no boxes', () => {
    assert.equal(sentenceBoxes('董事会决议', page), undefined);
    assert.equal(sentenceBoxes('  ', page), undefined);
  });
});
