import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findShares, normalizeShares } from '../../src/normalize/shares.js';

describe('normalizeShares', () => {
  const cases: Array<[string, number]> = [
    ['2000万股', 20_000_000],
    ['1.2亿股', 120_000_000],
    ['500股', 500],
    ['1,800万股', 18_000_000],
    ['398.6万股', 3_986_000],
    ['一千二百万股', 12_000_000],
    ['2,016,000 股', 2_016_000],
  ];
  for (const [input, shares] of cases) {
    it(`${input} → ${shares}`, () => assert.deepEqual(normalizeShares(input), { shares }));
  }

  it('rejects non share counts', () => {
    assert.equal(normalizeShares('2000万元'), null);
    assert.equal(normalizeShares('股东'), null);
    assert.equal(normalizeShares('万股'), null);
  });

  it('finds share counts in text but not 股东/股份有限', () => {
    const text = '控股股东质押1,800万股，占其所持股份的14.20%，累计质押6,150万股。';
    const found = findShares(text);
    assert.deepEqual(
      found.map((f) => f.shares),
      [18_000_000, 61_500_000],
    );
    for (const f of found) assert.equal(text.slice(f.start, f.end), f.text);
  });
});
