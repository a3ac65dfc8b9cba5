/** Whose figure is it: a running total or this event's own (wordings written for these tests). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAdjustedFigure, isCumulativeFigure, restatesBodyTotal } from '../../src/assemble/figures.js';

function cumulativeAt(sentence: string, figure: string): boolean {
  const at = sentence.indexOf(figure);
  assert.ok(at >= 0, `${figure} is in the sentence`);
  return isCumulativeFigure(sentence, at);
}

describe('isAdjustedFigure', () => {
  const results = '上半年净利润亏损57.04万元，同比减少110.62%；扣非后净利润亏损326.51万元。';
  it('takes a profit after non-recurring items (扣非) for an adjusted figure', () => {
    assert.equal(isAdjustedFigure(results, results.indexOf('326.51')), true);
    assert.equal(isAdjustedFigure('扣除非经常性损益后的净利润为-50万元。', 8), true);
  });
  it('keeps the plain net profit, and a later clause free of the word', () => {
    assert.equal(isAdjustedFigure(results, results.indexOf('57.04')), false);
    assert.equal(isAdjustedFigure('扣非后净利润下降，净利润亏损20万元。', 14), false);
  });
});

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

describe('restatesBodyTotal', () => {
  const headline = '某某股份七大股东质押3858万股占总股本四成';
  const at = headline.indexOf('3858');

  it("takes a headline count that rounds the body's running total for that total", () => {
    const body = [
      '截至今年上半年末，某某投资已质押所持公司股份1608万股，占其所持公司股份的80.8%。',
      '此外，前十大股东中已有七大股东存在股份质押，累计质押公司股份3858.4万股，占公司总股本的42%。',
    ];
    assert.equal(restatesBodyTotal(headline, at, body), true);
  });

  it("keeps a headline count that the body states as this event's own, or does not state at all", () => {
    const own = ['某某投资于7月2日质押公司股份3858万股。', '本次质押后，某某投资累计质押公司股份3858万股。'];
    assert.equal(restatesBodyTotal(headline, at, own), false);
    assert.equal(restatesBodyTotal(headline, at, ['累计质押公司股份4200万股。']), false);
    const plan = '某某银行稳股价方案：国资股东等增持不少于1735万股';
    const sum = ['股东甲、乙和丙拟合计增持不少于1735万股，增持计划不设价格区间。'];
    assert.equal(restatesBodyTotal(plan, plan.indexOf('1735'), sum), false);
  });

  it('tells counts apart at the precision the headline writes', () => {
    const precise = '某某股份股东质押3858.4万股';
    const body = ['累计质押公司股份3858万股。'];
    assert.equal(restatesBodyTotal(precise, precise.indexOf('3858'), body), false);
  });
});
