import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizePercentage } from '../../src/normalize/percentage.js';

describe('normalizePercentage', () => {
  it('parses percents as value and fraction', () => {
    assert.deepEqual(normalizePercentage('8.50%'), { kind: 'percent', value: 8.5, fraction: 0.085 });
    assert.deepEqual(normalizePercentage('14.20％'), { kind: 'percent', value: 14.2, fraction: 0.142 });
    assert.deepEqual(normalizePercentage('-5%'), { kind: 'percent', value: -5, fraction: -0.05 });
    assert.deepEqual(normalizePercentage('百分之五'), { kind: 'percent', value: 5, fraction: 0.05 });
    assert.deepEqual(normalizePercentage('百分之八点五'), { kind: 'percent', value: 8.5, fraction: 0.085 });
    assert.deepEqual(normalizePercentage('千分之三'), { kind: 'percent', value: 0.3, fraction: 0.003 });
  });

  it('keeps percentage points apart from percents', () => {
    assert.deepEqual(normalizePercentage('5个百分点'), { kind: 'percentage_points', value: 5 });
    assert.deepEqual(normalizePercentage('1.9个百分点'), { kind: 'percentage_points', value: 1.9 });
    assert.deepEqual(normalizePercentage('0.5pct'), { kind: 'percentage_points', value: 0.5 });
    assert.deepEqual(normalizePercentage('三个百分点'), { kind: 'percentage_points', value: 3 });
  });

  it('rejects other text', () => {
    assert.equal(normalizePercentage('8.5'), null);
    assert.equal(normalizePercentage('%'), null);
    assert.equal(normalizePercentage('百分之'), null);
  });
});
