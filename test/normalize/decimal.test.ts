import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { magnitudeExponent, parseArabicNumber, scaleDecimal } from '../../src/normalize/decimal.js';

describe('decimal helpers', () => {
  it('scales without float noise', () => {
    assert.equal(scaleDecimal('1.2', 4), 12000);
    assert.equal(scaleDecimal('0.07', 4), 700);
    assert.equal(scaleDecimal('2.5', 8), 250_000_000);
    assert.equal(scaleDecimal('1,200', 4), 12_000_000);
    assert.equal(scaleDecimal('12.345', 1), 123.45);
    assert.equal(scaleDecimal('5', -2), 0.05);
    assert.equal(scaleDecimal('-3.5', 2), -350);
  });

  it('parses numbers with thousands separators', () => {
    assert.equal(parseArabicNumber('1,234.50'), 1234.5);
    assert.equal(parseArabicNumber('1，234'), 1234);
    assert.equal(parseArabicNumber('12a'), null);
    assert.equal(scaleDecimal('1..2', 2), null);
  });

  it('knows Chinese magnitudes', () => {
    assert.equal(magnitudeExponent('万'), 4);
    assert.equal(magnitudeExponent('百万'), 6);
    assert.equal(magnitudeExponent('亿'), 8);
    assert.equal(magnitudeExponent('万亿'), 12);
    assert.equal(magnitudeExponent('兆'), null);
  });
});
