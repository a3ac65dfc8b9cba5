/** Whose figure is it: a running total or this event's own (wordings written for these tests). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCumulativeFigure } from '../../src/assemble/figures.js';

function cumulativeAt(sentence: string, figure: string): boolean {
  const at = sentence.indexOf(figure);
  assert.ok(at >= 0, `${figure} is in the sentence`);
  return isCumulativeFigure(sentence, at);
}

describe('isCumulativeFigure', () => {
  it('takes a running total after 累计 as no event figure', () => {
    assert.equal(cumulativeAt('本次质押后，股东远航投资累计质押公司股份3,000万股。', '3,000万股'), true);
  });

  it('takes an earlier sum over past trades (已合计减持) as no event figure', () => {
    assert.equal(cumulativeAt('在过去十二个月内，远航投资已合计减持1,200万股。', '1,200万股'), true);
  });

  it("keeps this plan's own sum even where a comma stands between 此次 and 共计", () => {
    const sentence =
      '在此次减持计划实施期间内，王建国通过集中竞价交易方式共计减持公司500万股，占公司总股本的0.5%。';
    assert.equal(cumulativeAt(sentence, '500万股'), false);
  });

  it('still takes a holding after this trade as a total', () => {
    assert.equal(cumulativeAt('本次减持后，王建国合计持有公司股份2,000万股。', '2,000万股'), true);
  });
});
