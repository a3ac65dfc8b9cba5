import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasRecordWording, notOfType, titleCallsOffDeal } from '../../src/assemble/type-wording.js';

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

describe('the wording of a loss', () => {
  it("reads the period's own loss, also one a change word states", () => {
    assert.equal(hasRecordWording('亏损', '远山科技预计上半年净亏损2,480万元-3,720万元，同比增亏。'), true);
    assert.equal(hasRecordWording('亏损', '公司上半年归母净利润-1.2亿元，同比由盈转亏。'), true);
    assert.equal(hasRecordWording('亏损', '2023年度，公司实现营业收入4.28亿元，亏损1.03亿元。'), true);
  });

  it("reads none in an adjusted figure and its change, an associate's loss, a prospectus or a company's profile", () => {
    // 同比减亏 is the change of the 扣非 figure before it; the net profit is positive.
    assert.equal(
      hasRecordWording(
        '亏损',
        '预计上半年净利润20,160万元–30,240万元，同比扭亏，扣非净亏损2,480万元-3,720万元，同比减亏。',
      ),
      false,
    );
    assert.equal(
      hasRecordWording('亏损', '但上半年整体经常性业务依然亏损，利润转盈主要是非经损益影响。'),
      false,
    );
    assert.equal(
      hasRecordWording('亏损', '公司一季度确认联营企业星河汽车投资亏损0.98亿元，归母净利润3.48亿元。'),
      false,
    );
    assert.equal(hasRecordWording('亏损', '招股书还显示，星河新能2020年亏损1.8亿元。'), false);
    assert.equal(
      hasRecordWording(
        '亏损',
        '2023年度，星河新材实现营业收入4.28亿元，净亏损约1.03亿元，期末净资产为2.76亿元。',
      ),
      false,
    );
  });
});

describe('a pledge stated as a holding', () => {
  const reason = (sentence: string) => notOfType('质押', sentence, sentence.indexOf('质押'));

  it('reads a standing total or the liquidation line as no pledge', () => {
    assert.equal(
      reason('截至今年3月底，公司控股股东远山控股已将2.29亿股股份质押，质押率为61.92%。'),
      'holding-status',
    );
    assert.equal(reason('截至本公告日，远山控股累计质押公司股份3,000万股。'), 'holding-status');
    assert.equal(
      reason('比如复牌三跌停的远山环境控股股东质押的5162万股股票已跌破平仓线。'),
      'holding-status',
    );
  });

  it('reads pledges still outstanding or facing liquidation as no pledge', () => {
    assert.equal(reason('截至6月8日，A股中有3000只股票有未解押的股票质押，占比为80%。'), 'holding-status');
    assert.equal(reason('远山控股尚未解除质押的股份为1,000万股。'), 'holding-status');
    assert.equal(reason('双方正在协商化解质押的公司股份面临的平仓风险。'), 'holding-status');
  });

  it('reads pledged shares described as a position in the pledge clause as no pledge', () => {
    assert.equal(
      reason('不过，星河所持有的约6000万股已处于质押状态，其余股份处于冻结状态。'),
      'holding-status',
    );
    assert.equal(reason('其中已质押股份5000万股，占远山集团持有公司股份比例为20%。'), 'holding-status');
    assert.equal(reason('据报道，张某持有的8亿股中7.9亿股被质押，质押比例达到98%。'), 'holding-status');
    assert.equal(
      reason('公告显示，张某质押给某证券的2000万股公司股份的预警线为7.5元/股。'),
      'holding-status',
    );
    assert.equal(reason('公司接到控股股东通知，其质押的公司股票已接近警戒线。'), 'holding-status');
    assert.equal(reason('远山投资声称，公司是星河矿业100%股权的质押权人。'), 'holding-status');
    assert.equal(reason('融入方可用的质押券不足时需补足。'), 'holding-status');
    assert.equal(
      reason('由于甲、乙质押于某证券的公司股份涉及违约，某证券拟进行违约处置。'),
      'holding-status',
    );
    assert.equal(
      reason('张某持有公司1亿股股份，占总股本的20%，其中9000万股已质押给金融机构。'),
      'holding-status',
    );
    assert.equal(reason('其中：质押2000万股，占公司总股本的10%。'), 'holding-status');
    assert.equal(reason('远山控股及其一致行动人共持有公司股份2.58亿股，累计质押2.5亿股。'), 'holding-status');
  });

  it('reads a liquidation risk removed as no release', () => {
    const release = (sentence: string) => notOfType('解除质押', sentence, sentence.indexOf('解除'));
    assert.equal(release('张某通过提前还款的方式解除质押平仓风险，公司股票复牌。'), 'risk-removed');
    assert.equal(release('张某近日解除质押500万股。'), undefined);
  });

  it('leaves a pledge made against the line, or one told beside a position', () => {
    assert.equal(reason('因股价下跌触及平仓线，张某补充质押500万股。'), undefined);
    assert.equal(
      reason('张某将其持有的1000万股质押给某证券股份有限公司，本次质押后累计质押3000万股。'),
      undefined,
    );
    assert.equal(reason('股东张某向某证券合计质押800万股，占总股本1.2%。'), undefined);
  });

  it('leaves a pledge made as an event', () => {
    assert.equal(reason('远山控股于2024年3月5日将其持有的2,000万股质押给星河证券。'), undefined);
    assert.equal(reason('获悉赵一波将其所持有公司的部分股份进行了补充质押，补充质押40万股。'), undefined);
  });
});

describe('a tally of clients signed', () => {
  it('reads no signing out of clients named as examples of a business’s new contracts', () => {
    const tally = '公司云服务业务新签约了甲保险、乙互联、丙软件、丁报业等多家重要企业客户。';
    assert.equal(notOfType('签署合同', tally, tally.indexOf('签约')), 'statistic-examples');
    const one = '远山股份与甲保险签订《云服务合作协议》。';
    assert.equal(notOfType('签署合同', one, one.indexOf('签订')), undefined);
  });
});

describe('an officer change a story sets before its news', () => {
  const reason = (sentence: string, kind: 'news' | 'announcement' = 'news') =>
    notOfType('高管变动', sentence, sentence.indexOf('离'), kind);

  it('reads a change told as what came before (此前, 去年) as background in news', () => {
    assert.equal(reason('此前，远山证券前任董事长张某在今年初离职。'), 'earlier-change');
    assert.equal(
      reason('去年7月30日，在原总经理张某因个人原因离任后，由董事长李某代任总经理职务。'),
      'earlier-change',
    );
  });

  it('leaves the news itself, and a filing', () => {
    assert.equal(reason('远山证券公告，总经理张某因个人原因离职。'), undefined);
    assert.equal(reason('此前，总经理张某因个人原因离职。', 'announcement'), undefined);
  });
});

describe('a trade a story sets before its news', () => {
  it('reads a holder’s earlier trade (此前, 去年) as background in news only', () => {
    const sentence = '此前，远山控股曾于去年12月减持星河科技5%股份。';
    assert.equal(notOfType('股东减持', sentence, sentence.indexOf('减持'), 'news'), 'earlier-trade');
    assert.equal(notOfType('股东减持', sentence, sentence.indexOf('减持'), 'announcement'), undefined);
    const news = '远山控股公告，拟减持星河科技不超过5%股份。';
    assert.equal(notOfType('股东减持', news, news.indexOf('减持'), 'news'), undefined);
  });
});
