import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fullWidthPunctuation } from '../../src/parse/ocr/cjk-punctuation.js';

const fixed = (text: string) => fullWidthPunctuation([...text]).join('');

describe('OCR punctuation next to Chinese text', () => {
  it('brackets and quotes read as ASCII become full-width, as the text layer has them', () => {
    assert.equal(
      fixed('财通证券（以下简称“财通证券”、“保荐机构"）作为'),
      '财通证券（以下简称“财通证券”、“保荐机构”）作为',
    );
    assert.equal(fixed('(以下无正文)（本页无正文'), '（以下无正文）（本页无正文');
    assert.equal(fixed('以下简称"公司")'), '以下简称“公司”）');
    assert.equal(fixed('证券代码:603871'), '证券代码：603871');
    assert.equal(fixed('本公司,并'), '本公司，并');
  });

  it('leaves numbers, dates and Latin text alone, one character for one', () => {
    for (const text of ['5,000.00', '2025-03-14 (T+1)', 'ratio: 1:2', '(1) 12,680万', '金额为1,800万']) {
      assert.equal(fixed(text), text);
    }
    assert.equal(fullWidthPunctuation([...'（"公司"）']).length, 6);
  });
});
