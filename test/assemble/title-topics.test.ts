import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { headlineTopics, titleTopics } from '../../src/assemble/title-topics.js';

describe('titleTopics', () => {
  it('allows the types of the matter a title names', () => {
    assert.deepEqual([...(titleTopics('关于控股股东部分股份解除质押的公告') ?? [])], ['质押', '解除质押']);
    assert.ok(titleTopics('重大资产置换及发行股份购买资产并募集配套资金暨关联交易预案')?.has('企业融资'));
    // The listing and bankruptcy rules ask these topics whether a filing tells a listing step or a procedure.
    assert.ok(titleTopics('招股说明书摘要')?.has('公司上市'));
    assert.ok(titleTopics('示例科技科创板IPO遭暂缓审议 专利纠纷不断')?.has('公司上市'));
    assert.ok(titleTopics('关于法院裁定受理公司重整的公告')?.has('企业破产'));
    // A headline about a court case: the penalty it recalls is background.
    assert.deepEqual(
      [...(titleTopics('某某证券索赔案二审开庭 公司试图降低赔付金额') ?? [])],
      ['起诉', '判决'],
    );
    assert.ok(titleTopics('某某娱乐被查将引发投资者索赔')?.has('行政处罚'));
  });

  it('keeps the officer changes of a headline that names a change of the team (管理层大换血, 人事变动, 离职)', () => {
    assert.deepEqual(
      [...(titleTopics('远山股份预亏逾1亿元 中报披露前管理层大换血') ?? [])].sort(),
      ['亏损', '高管变动'].sort(),
    );
    assert.ok(titleTopics('远山科技人事变动：总裁卸任')?.has('高管变动'));
    assert.ok(titleTopics('远山银行高管离职潮')?.has('高管变动'));
    assert.equal(titleTopics('远山股份上半年预亏超6000万')?.has('高管变动'), false);
    // Officers who trade are no change of officers.
    assert.equal(titleTopics('远山银行出手稳股价：持股5%以上股东及高管共同增持')?.has('高管变动'), false);
  });

  it('allows no type for an accounting notice, and every type for a title that names no matter', () => {
    assert.equal(titleTopics('关于计提商誉减值准备的公告')?.size, 0);
    assert.equal(titleTopics('2024年年度权益分派实施公告')?.size, 0);
    assert.equal(titleTopics('关于日常关联交易预计的公告'), undefined);
  });
});

describe('headlineTopics', () => {
  const headline = '某某生物三跌停：大股东质押超亿股 某某资产踩雷';

  it('narrows a story to its headline matter where a mention tells it', () => {
    assert.deepEqual(
      [...(headlineTopics(headline, new Set(['质押', '股份回购'])) ?? [])],
      ['质押', '解除质押'],
    );
  });

  it("keeps the story's own-word matters, not its deals, where no mention tells the headline's", () => {
    const topics = headlineTopics(headline, new Set(['股份回购', '企业收购']));
    assert.ok(topics?.has('股份回购'));
    assert.ok(!topics?.has('企业收购'));
    assert.ok(!topics?.has('质押'));
  });

  it('leaves an accounting headline and an unnamed matter as the title says', () => {
    assert.equal(headlineTopics('某某计提商誉减值准备', new Set(['亏损']))?.size, 0);
    assert.equal(headlineTopics('某某今日开盘大涨', new Set(['亏损'])), undefined);
  });
});
