import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyMainlandCode, normalizeStockCode } from '../../src/normalize/stock-code.js';

describe('normalizeStockCode', () => {
  const cases: Array<[string, string, string, string]> = [
    ['600519', '600519.SH', 'SSE', 'main'],
    ['688316', '688316.SH', 'SSE', 'star'],
    ['000001', '000001.SZ', 'SZSE', 'main'],
    ['002893', '002893.SZ', 'SZSE', 'main'],
    ['300782', '300782.SZ', 'SZSE', 'chinext'],
    ['430047', '430047.BJ', 'BSE', 'bse'],
    ['830799', '830799.BJ', 'BSE', 'bse'],
    ['920001', '920001.BJ', 'BSE', 'bse'],
    ['600519.SH', '600519.SH', 'SSE', 'main'],
    ['SZ000001', '000001.SZ', 'SZSE', 'main'],
    ['sz000001', '000001.SZ', 'SZSE', 'main'],
    ['(00700.HK)', '00700.HK', 'HKEX', 'hk_main'],
    ['（0700.HK）', '00700.HK', 'HKEX', 'hk_main'],
    ['00700', '00700.HK', 'HKEX', 'hk_main'],
    ['HK02368', '02368.HK', 'HKEX', 'hk_main'],
    ['001238.SZ', '001238.SZ', 'SZSE', 'main'],
  ];
  for (const [input, symbol, exchange, board] of cases) {
    it(`${input} → ${symbol}`, () => {
      const code = normalizeStockCode(input);
      assert.equal(code?.symbol, symbol);
      assert.equal(code?.exchange, exchange);
      assert.equal(code?.board, board);
    });
  }

  it('rejects unknown prefixes and malformed codes', () => {
    assert.equal(normalizeStockCode('999999'), null);
    assert.equal(normalizeStockCode('12345678'), null);
    assert.deepEqual(
      normalizeStockCode('60051'),
      normalizeStockCode('60051.HK'),
      '5 digits are HK by definition',
    );
    assert.equal(normalizeStockCode('600519.XX'), null);
    assert.equal(normalizeStockCode('abc'), null);
    assert.equal(normalizeStockCode(''), null);
  });

  it('classifies B shares and funds', () => {
    assert.deepEqual(classifyMainlandCode('900901'), { exchange: 'SSE', board: 'b_share' });
    assert.deepEqual(classifyMainlandCode('200002'), { exchange: 'SZSE', board: 'b_share' });
    assert.deepEqual(classifyMainlandCode('510300'), { exchange: 'SSE', board: 'fund_or_bond' });
    assert.deepEqual(classifyMainlandCode('159915'), { exchange: 'SZSE', board: 'fund_or_bond' });
  });
});
