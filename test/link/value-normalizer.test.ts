import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeArgumentValue } from '../../src/link/index.js';
import { documentValue } from '../../src/normalize/index.js';

describe('normalizeArgumentValue', () => {
  it('reads each FewFC value role as the kind of value it holds, as records show it', () => {
    assert.equal(normalizeArgumentValue('amount', '人民币2.5亿元')?.display, '250000000 CNY');
    assert.equal(normalizeArgumentValue('money', '3,000万元')?.display, '30000000 CNY');
    assert.equal(normalizeArgumentValue('number', '2000万')?.display, '20000000 shares');
    for (const role of ['proportion', 'share-per', 'share-org'])
      assert.equal(normalizeArgumentValue(role, '5.25%')?.display, '5.25%');
    assert.equal(normalizeArgumentValue('date', '2024年3月5日')?.display, '2024-03-05');
    // The record of the same text shows the same value.
    assert.deepEqual(normalizeArgumentValue('amount', '2.5亿元'), documentValue('money', '2.5亿元'));
  });

  it('gives nothing for a role that holds no value, or text that is not one', () => {
    assert.equal(normalizeArgumentValue('sub-org', '2.5亿元'), null);
    assert.equal(normalizeArgumentValue('amount', '若干'), null);
  });
});
