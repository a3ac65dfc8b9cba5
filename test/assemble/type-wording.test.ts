import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { titleCallsOffDeal } from '../../src/assemble/type-wording.js';

describe('titles that call a deal off', () => {
  it('reads a deal called off in a headline or a title, for the deal types only', () => {
    assert.equal(titleCallsOffDeal('企业收购', '远山电机终止收购实控人亲属氢燃料资产'), true);
    assert.equal(titleCallsOffDeal('企业收购', '【远山股份：终止收购星河矿业51%股权】'), true);
    assert.equal(titleCallsOffDeal('股份股权转让', '两家创业板公司终止重大重组 折射并购新生态'), true);
    assert.equal(titleCallsOffDeal('企业收购', '远山通航上市十年：巨亏5亿 收购星河网失败'), true);
    assert.equal(titleCallsOffDeal('企业收购', '关于终止筹划重大资产重组事项的公告'), true);
    // A deal done, or a failure of something else, is no deal called off.
    assert.equal(titleCallsOffDeal('企业收购', '远山科技拟5亿元收购星河电子60%股权'), false);
    assert.equal(titleCallsOffDeal('企业收购', '远山科技收购星河电子 终止上市计划'), false);
    assert.equal(titleCallsOffDeal('高管变动', '远山电机终止收购星河资产 董事长辞职'), false);
    assert.equal(titleCallsOffDeal('企业收购', undefined), false);
  });
});
