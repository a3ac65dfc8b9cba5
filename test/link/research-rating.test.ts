import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linkText } from '../support/link-text.js';

const linkReport = (text: string) => linkText(text, 'research_report');

describe("a report's rating", () => {
  it('keeps both ends of a target price range', async () => {
    const linked = await linkReport(
      '示例证券研究所\n示例服饰（600398.SH）\n下调目标价至 6.5-7.0 元，维持“优于大市”评级。\n公司营收稳定增长。\n',
    );
    assert.equal(linked.rating?.rating, 'outperform');
    assert.deepEqual(
      [linked.rating?.targetPrice, linked.rating?.targetPriceHigh, linked.rating?.currency],
      [6.5, 7, 'CNY'],
    );
  });

  it('has no high end for a single target price', async () => {
    const linked = await linkReport(
      '示例证券研究所\n示例服饰（600398.SH）\n给予“买入”评级，目标价 8.2 元。\n公司营收稳定增长。\n',
    );
    assert.equal(linked.rating?.targetPrice, 8.2);
    assert.equal(linked.rating?.targetPriceHigh, undefined);
  });
});
