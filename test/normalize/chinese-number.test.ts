import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseChineseNumber } from '../../src/normalize/chinese-number.js';

describe('parseChineseNumber', () => {
  const cases: Array<[string, number]> = [
    ['五', 5],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['一百零五', 105],
    ['一千二百万', 12_000_000],
    ['两亿', 200_000_000],
    ['一亿二千万', 120_000_000],
    ['三亿五千万', 350_000_000],
    ['一万亿', 1_000_000_000_000],
    ['壹仟贰佰', 1200],
    ['二〇二四', 2024],
    ['二零二五', 2025],
    ['三点五', 3.5],
    ['零点零五', 0.05],
  ];
  for (const [input, expected] of cases) {
    it(`${input} → ${expected}`, () => assert.equal(parseChineseNumber(input), expected));
  }

  it('rejects non-numerals and empty input', () => {
    assert.equal(parseChineseNumber(''), null);
    assert.equal(parseChineseNumber('一千元'), null);
    assert.equal(parseChineseNumber('abc'), null);
    assert.equal(parseChineseNumber('三点'), null);
    assert.equal(parseChineseNumber('万'), null);
    assert.equal(parseChineseNumber('亿'), null);
  });
});
