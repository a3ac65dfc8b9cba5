import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentValue } from '../../src/normalize/index.js';

describe('documentValue: money', () => {
  it('keeps the upper end of an amount stated as a range, in its currency', () => {
    assert.equal(documentValue('money', '60 百万港元至 70 百万港元')?.display, '70000000 HKD');
    assert.equal(documentValue('money', '不低于1亿元（含）且不超过2亿元（含）')?.display, '200000000 CNY');
    assert.equal(documentValue('money', '1至2亿元')?.display, '200000000 CNY');
    assert.equal(documentValue('money', '60 百萬港元至 70 百萬港元')?.display, '70000000 HKD');
  });

  it("keeps the lower end of a range too, a bare one taking the upper end's unit", () => {
    assert.deepEqual(documentValue('money', '0.5亿元-1亿元'), {
      display: '100000000 CNY',
      value: 100_000_000,
      currency: 'CNY',
      low: 50_000_000,
    });
    assert.equal(documentValue('money', '5000万-1亿元')?.low, 50_000_000);
    // The range words research reports use too (目标价 6.5–7.0 元): an en dash, a wave dash.
    assert.equal(documentValue('money', '10–12亿元')?.low, 1_000_000_000);
    assert.equal(documentValue('money', '10～12亿元')?.low, 1_000_000_000);
    assert.equal(documentValue('money', '1至2亿元')?.low, 100_000_000);
    assert.equal(documentValue('money', '60 百万港元至 70 百万港元')?.low, 60_000_000);
    assert.equal(documentValue('money', '不低于1亿元（含）且不超过2亿元（含）')?.low, 100_000_000);
    // A leading hyphen is a minus, no range; a single amount has no lower end.
    assert.equal(documentValue('money', '-1亿元')?.low, undefined);
    assert.equal(documentValue('money', '2,000,000元')?.low, undefined);
    // Ends in other currencies, or the wrong way round, are no range.
    assert.equal(documentValue('money', '1亿美元-2亿元')?.low, undefined);
    assert.equal(documentValue('money', '2亿元-1亿元')?.low, undefined);
  });

  it('reads a single amount as before and gives nothing for a range of no amounts', () => {
    assert.equal(documentValue('money', '2,000,000元')?.display, '2000000 CNY');
    assert.equal(documentValue('money', '若干至若干'), null);
  });
});
