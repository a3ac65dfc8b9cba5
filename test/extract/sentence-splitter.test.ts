import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { packSentences, splitSentences } from '../../src/extract/sentence-splitter.js';

describe('splitSentences', () => {
  it('cuts after terminators and line breaks, keeping offsets', () => {
    const text = '甲公司中标。乙公司质押股份！\n\n丙；丁';
    const pieces = splitSentences(text);
    assert.deepEqual(
      pieces.map((p) => p.text),
      ['甲公司中标。', '乙公司质押股份！', '丙；', '丁'],
    );
    for (const p of pieces) assert.equal(text.slice(p.start, p.start + p.text.length), p.text);
  });
});

describe('packSentences', () => {
  it('joins sentences up to the limit in code points', () => {
    const text = '一二三。四五。六七八九。';
    assert.deepEqual(
      packSentences(text, 7).map((p) => [p.text, p.start]),
      [
        ['一二三。四五。', 0],
        ['六七八九。', 7],
      ],
    );
  });

  it('counts astral characters once', () => {
    const text = '𠀀𠀀。𠀀𠀀。';
    assert.equal(packSentences(text, 6).length, 1);
    assert.equal(packSentences(text, 5).length, 2);
  });

  it('keeps an over-long sentence as one chunk', () => {
    assert.deepEqual(
      packSentences('一二三四五六。七。', 3).map((p) => p.text),
      ['一二三四五六。', '七。'],
    );
  });
});
