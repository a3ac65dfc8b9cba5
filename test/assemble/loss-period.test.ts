import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keepOneLossPeriod } from '../../src/assemble/loss-period.js';
import { lossChangeIn } from '../../src/assemble/rule-losses.js';

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

  it('keeps one change word, the bare word over the phrase around it', () => {
    const args = [arg('亏损变化', '亏损同比扩大', 1), arg('净亏损', '2亿元', 1), arg('亏损变化', '扩大', 1)];
    assert.deepEqual(
      keepOneLossPeriod(args, 0)
        .filter((a) => a.documentRole === '亏损变化')
        .map((a) => a.text),
      ['扩大'],
    );
  });
});

describe('lossChangeIn', () => {
  it('reads the bare change word of a loss, and a turn word whole', () => {
    assert.equal(lossChangeIn('预计2024年亏损3亿元，亏损同比扩大120%。')?.text, '扩大');
    assert.equal(lossChangeIn('24Q2亏幅环比明显收窄。')?.text, '收窄');
    assert.equal(lossChangeIn('远山科技：2024年预亏1亿元 同比盈转亏')?.text, '盈转亏');
    assert.equal(lossChangeIn('中报业绩由盈转亏。')?.text, '由盈转亏');
    const at = lossChangeIn('公司归母净利润转亏，主要因减值。');
    assert.deepEqual(at && [at.start, at.end], [7, 9]);
  });

  it('reads none where profit turns back (扭亏) or falls without a loss word', () => {
    assert.equal(lossChangeIn('公司2024年实现扭亏为盈。'), undefined);
    assert.equal(lossChangeIn('净利润同比减少20%。'), undefined);
  });
});
