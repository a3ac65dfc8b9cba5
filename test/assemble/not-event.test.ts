import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type NotEventReason, notEventReason, notEventSections } from '../../src/assemble/index.js';

/** The span of the `nth` occurrence of `word` in `sentence`. */
function span(sentence: string, word: string, nth = 0): { start: number; end: number } {
  let start = -1;
  for (let k = 0; k <= nth; k++) start = sentence.indexOf(word, start + 1);
  assert.ok(start >= 0, `${word} not in ${sentence}`);
  return { start, end: start + word.length };
}

function expectReason(sentence: string, reason: NotEventReason | undefined, trigger?: string, nth = 0): void {
  const got = notEventReason(sentence, trigger ? span(sentence, trigger, nth) : undefined);
  assert.equal(got, reason, `${sentence} [trigger ${trigger ?? 'none'}]`);
}

describe('notEventReason: statements that are not events', () => {
  it('description: a clause that says what a party is', () => {
    expectReason('远山资本乃一投资平台，专注新能源产业投资。', 'description', '远山资本');
    expectReason('远山科技是一家从事储能设备研发的企业，总部位于杭州。', 'description', '远山科技');
    expectReason('远山科技收购星河电子后，星河电子成为一家全资子公司。', undefined, '收购');
  });

  it('negated: 未发生, 不存在…质押, 没有签署', () => {
    expectReason('报告期内，公司未发生破产重整相关事项。', 'negated');
    expectReason('报告期内，公司未发生破产重整相关事项。', 'negated', '破产');
    expectReason('公司控股股东所持股份不存在质押、冻结情况。', 'negated', '质押');
    expectReason('上一会计年度公司与该客户没有签署过相关业务合同。', 'negated', '签署');
  });

  it('promised-not-to: 承诺…不减持, and the promise scoped to its clause', () => {
    expectReason('控股股东承诺六个月内不减持公司股份。', 'promised-not-to', '减持');
    expectReason(
      '控股股东承诺，自本公告披露之日起六个月内，不以任何方式减持所持有的公司股份。',
      'promised-not-to',
    );
    const plan = '控股股东计划增持公司股份，并承诺在增持期间及法定期限内不减持所持有的公司股份。';
    expectReason(plan, undefined, '增持');
    expectReason(plan, 'promised-not-to', '减持');
  });

  it('promised-not-to: a lock-up on the shares a trade brought (承诺本次增持的股份…不得转让)', () => {
    expectReason('两大股东承诺本次增持的股份自取得之日起五年内不得转让。', 'promised-not-to', '增持');
    expectReason('股东承诺，增持完成后的6个月内不出售所增持的公司股份；', 'promised-not-to', '增持');
    // The promise to buy itself is the plan, though a lock-up follows it.
    expectReason('控股股东承诺增持公司股份不低于500万股，增持完成后六个月内不减持。', undefined, '增持');
  });

  it('not-yet: 尚未与招标人签订正式合同, while the bid win in the same sentence stays', () => {
    expectReason('截至本公告日，公司尚未与招标人签订正式合同。', 'not-yet', '签订');
    expectReason('截至本公告日，公司尚未与招标人签订正式合同。', 'not-yet');
    const won = '公司已收到中标通知书，但尚未与招标人签订正式合同。';
    expectReason(won, undefined, '中标');
    expectReason(won, 'not-yet', '签订');
  });

  it('hypothetical: a trade that may happen or that someone asks about', () => {
    expectReason('控股股东的部分质押已触发违约条款，可能存在被动减持的风险。', 'hypothetical', '减持');
    expectReason('分析师指出，这家科技巨头或将出售其在星河电子的部分股份。', 'hypothetical', '出售');
    expectReason('交易所要求公司说明大股东近期是否存在减持计划。', 'hypothetical', '减持');
    expectReason('控股股东拟减持不超过公司总股本2%的股份。', undefined, '减持');
  });

  it('hypothetical: a deal only sought or talked over', () => {
    expectReason(
      '有知情人士称，远山资本正寻求收购星河银行的控股权，交易仍在谈判中。',
      'hypothetical',
      '收购',
    );
    expectReason('控股股东正在筹备通过协议转让方式减持公司股份事项。', 'hypothetical', '减持');
    expectReason('双方正在洽谈增资事宜。', 'hypothetical', '增资');
    expectReason('此前有报道称，甲公司和乙公司均在探索全面收购该公司的可能性。', 'hypothetical', '收购');
    expectReason('独董公开质疑大股东的资管计划应该减持，也引起了市场担忧。', 'hypothetical', '减持');
    expectReason('远山资本已于近日完成收购星河银行的控股权。', undefined, '收购');
  });

  it('hypothetical: 若…则, 如果…将, 一旦; but 拟, 如下 and 若干 are not conditions', () => {
    expectReason('若公司股价连续20个交易日低于每股净资产，控股股东将增持公司股份。', 'hypothetical', '增持');
    expectReason('如公司最终成为该项目的中标单位，公司将及时履行信息披露义务。', 'hypothetical', '中标');
    expectReason('若公司能够签订正式合同并顺利实施，将对公司经营业绩产生积极影响。', 'hypothetical');
    expectReason('公司拟以自有资金回购股份，回购价格不超过每股20元。', undefined, '回购');
    expectReason('公司与某银行签订担保合同，主要内容如下：', undefined, '担保');
    expectReason('公司于近日收到若干项目的中标通知书。', undefined, '中标');
    // The condition follows the trigger: the bid win is a fact.
    expectReason('上述中标项目一旦实施将构成关联交易。', undefined, '中标');
  });

  it('boilerplate: the board guarantee, 复议和诉讼期间, 敬请投资者注意投资风险', () => {
    expectReason(
      '本公司及董事会全体成员保证信息披露的内容真实、准确、完整，没有虚假记载、误导性陈述或重大遗漏。',
      'boilerplate',
    );
    expectReason('复议和诉讼期间，上述决定不停止执行。', 'boilerplate');
    expectReason('敬请广大投资者注意投资风险。', 'boilerplate');
    expectReason('特此公告。', 'boilerplate');
    // The reminder closes a sentence that reports a real bid win.
    expectReason('公司于近日收到中标通知书，敬请广大投资者注意投资风险。', undefined, '中标');
    expectReason('公司于近日收到中标通知书，敬请广大投资者注意投资风险。', undefined);
  });

  it('rating-legend: 增持：相对强于市场表现5%～20%, 买入/卖出 definitions, 评级标准', () => {
    expectReason('增持：相对强于市场表现5%～20%；', 'rating-legend', '增持');
    expectReason('买入：预期未来6个月个股涨跌幅相对大盘在15%以上；', 'rating-legend');
    expectReason('减持 相对沪深300指数下跌5%以上', 'rating-legend', '减持');
    expectReason('卖出 预计6个月内，股价表现弱于市场指数10%以上', 'rating-legend');
    expectReason('评级标准为报告发布日后的6~12个月内公司股价相对同期基准指数的涨跌幅。', 'rating-legend');
  });

  it('disclaimer: 免责声明, 未经…许可…不得, 不构成投资建议', () => {
    expectReason('请务必阅读正文之后的免责声明部分', 'disclaimer');
    expectReason(
      '本报告版权归本公司所有，未经书面许可，任何机构和个人不得以任何形式翻版、复制或引用。',
      'disclaimer',
    );
    expectReason('在任何情况下，本报告中的信息或所表述的意见并不构成对任何人的投资建议。', 'disclaimer');
    expectReason('市场有风险，投资需谨慎。', 'disclaimer');
  });

  it('certification: 分析师声明 and the analyst pledge', () => {
    expectReason('分析师声明', 'certification');
    expectReason(
      '本人具有中国证券业协会授予的证券投资咨询执业资格，以勤勉的职业态度，独立、客观地出具本报告。',
      'certification',
    );
    expectReason(
      '分析师薪酬的任何组成部分过去不曾与、现在不与、未来也将不会与本报告中的具体推荐意见直接相关。',
      'certification',
    );
  });

  it('market-data: margin trading and connect-scheme figures of a stock', () => {
    expectReason('示例股份8月1日获融资买入1717.85万元，当前融资余额1.34亿元。', 'market-data', '买入');
    expectReason('北向资金当日净买入示例股份2.3亿元。', 'market-data', '买入');
    expectReason('示例股份控股股东通过集中竞价增持100万股。', undefined, '增持');
  });

  it('contact-list: addresses, phones and mail lists of the broker', () => {
    expectReason('地址：某市某区某路1号', 'contact-list');
    expectReason('张三(021)12345678 zhangsan@example.com 李四(010)87654321 lisi@example.com', 'contact-list');
    expectReason('机构销售团队联系人', 'contact-list');
  });

  it('keeps real events, with and without a trigger', () => {
    const cases: Array<[string, string]> = [
      ['公司控股股东将其持有的3,000万股质押给某银行。', '质押'],
      ['公司拟以自有资金回购股份。', '回购'],
      ['本次质押不涉及新增融资安排。', '质押'],
      ['公司于近日收到中标通知书。', '中标'],
      ['公司董事会于近日收到副总经理张某的书面辞职报告。', '辞职'],
      ['公司以无偿方式受让某公司10%股权。', '受让'],
      ['控股股东将其持有的未解除限售的股份质押给某证券公司。', '质押'],
      ['公司本次回购股份数量不超过500万股。', '回购'],
      ['公司控股股东所持未上市流通股份全部解除质押。', '上市'],
      ['公司存在未决诉讼，原告为某公司。', '诉讼'],
    ];
    for (const [sentence, trigger] of cases) {
      expectReason(sentence, undefined, trigger);
      expectReason(sentence, undefined);
    }
  });

  it('judges the clause of the trigger: a negation after the trigger or in another clause does not count', () => {
    const s = '本次质押不涉及新增融资安排。';
    expectReason(s, undefined, '质押');
    expectReason(s, 'negated', '融资');
  });
});

describe('notEventSections', () => {
  const page = (n: number, ...texts: string[]) => texts.map((text) => ({ text, page: n }));

  it('marks the end matter from its heading to the end of the document, switching reasons at headings', () => {
    const sentences = [
      ...page(1, '某公司（000001）', '公司第三季度收入增长10%，维持“增持”评级。'),
      ...page(2, '1. 投资要点', '公司于近日中标某项目，金额约3亿元。', '2. 风险提示', '原材料价格波动。'),
      ...page(3, '分析师声明', '作者以勤勉的职业态度，独立、客观地出具本报告。', '投资评级说明'),
      ...page(3, '增持 相对沪深300指数涨幅5%～15%', '股票评级'),
      ...page(4, '法律声明', '本报告仅供本公司的客户使用。', '某证券研究所', '地址：某市某路1号'),
    ];
    const marked = notEventSections(sentences);
    for (let i = 0; i < 6; i++) assert.equal(marked.has(i), false, sentences[i]?.text);
    assert.equal(marked.get(6), 'certification');
    assert.equal(marked.get(7), 'certification');
    assert.equal(marked.get(8), 'rating-legend');
    assert.equal(marked.get(9), 'rating-legend');
    assert.equal(marked.get(10), 'rating-legend');
    assert.equal(marked.get(11), 'disclaimer');
    assert.equal(marked.get(12), 'disclaimer');
    assert.equal(marked.get(13), 'disclaimer');
    assert.equal(marked.get(14), 'contact-list');
  });

  it('in end matter, a plain 风险提示 heading switches to disclaimer; in the body it is content', () => {
    const sentences = [
      ...page(1, '1. 结论', '因子表现稳定。', '风险提示', '模型基于历史数据。'),
      ...page(2, '分析师承诺', '作者保证报告所采用的数据均来自合规渠道。', '风险提示', '投资者应自行判断。'),
    ];
    const marked = notEventSections(sentences);
    assert.deepEqual([...marked.keys()], [4, 5, 6, 7]);
    assert.equal(marked.get(5), 'certification');
    assert.equal(marked.get(7), 'disclaimer');
  });

  it('marks a legend block at the foot of the first page but not the body after it', () => {
    const sentences = [
      ...page(1, '公司收入同比增长15%。', '投资评级说明', '买入：预期未来6个月个股涨跌幅相对大盘在15%以上；'),
      ...page(1, '股票评级', '公司于近日收到中标通知书。', '主要风险：原材料价格上涨。'),
      ...page(2, '1. 公司概况', '公司主营业务为某产品。'),
      ...page(9, '2. 风险提示', '风险。'),
    ];
    const marked = notEventSections(sentences);
    assert.deepEqual([...marked.keys()], [1, 2, 3]);
    assert.equal(marked.get(1), 'rating-legend');
  });

  it('does not take content that merely mentions 声明 for a heading', () => {
    const sentences = page(
      3,
      '公司董事会声明如下：',
      '公司于近日收到中标通知书。',
      '根据上述声明，公司控股股东将其持有的股份质押给某银行。',
    );
    assert.equal(notEventSections(sentences).size, 0);
  });
});
