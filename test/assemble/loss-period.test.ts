import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keepOneLossPeriod } from '../../src/assemble/loss-period.js';

type Arg = { documentRole: string; text: string; sentence: number };
const arg = (documentRole: string, text: string, sentence: number): Arg => ({ documentRole, text, sentence });
const periods = (args: Arg[]) => args.filter((a) => a.documentRole === '财报周期').map((a) => a.text);

describe('keepOneLossPeriod', () => {
  it("keeps the body's period over the headline's short one", () => {
    const args = [arg('财报周期', '2024年', 0), arg('净亏损', '3亿元', 0), arg('财报周期', '2024年度', 1)];
    assert.deepEqual(periods(keepOneLossPeriod(args, 0)), ['2024年度']);
  });

  it('keeps the period of the sentence that states the loss figure over another body period', () => {
    const args = [
      arg('财报周期', '2023年', 2),
      arg('净亏损', '1.2亿元', 1),
      arg('财报周期', '2024年上半年', 1),
      arg('公司名称', '远山科技', 1),
    ];
    const kept = keepOneLossPeriod(args, 0);
    assert.deepEqual(periods(kept), ['2024年上半年']);
    assert.equal(kept.length, 3);
  });

  it('keeps the surest (first) reading when no body sentence states the figure', () => {
    const args = [arg('财报周期', '前三季度', 2), arg('财报周期', '三季度', 3)];
    assert.deepEqual(periods(keepOneLossPeriod(args, undefined)), ['前三季度']);
  });

  it('leaves a record with one period as it is', () => {
    const args = [arg('财报周期', '2024年', 0), arg('净亏损', '3亿元', 0)];
    assert.equal(keepOneLossPeriod(args, 0), args);
  });
});
