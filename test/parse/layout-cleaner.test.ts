import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanLayout, isTabular } from '../../src/parse/layout-cleaner.js';

const body = (n: number) =>
  `公司于2025年3月17日接到控股股东的通知，控股股东将其持有的本公司部分股份办理了质押业务，本次质押第${n}批`;

describe('cleanLayout', () => {
  it('joins lines that layout broke mid-sentence and keeps real paragraph ends', () => {
    const page = [
      '一、本次股份质押的基本情况',
      '公司于2025年3月17日接到控股股东周建平先生的通知，周建平先生将其持有的本公',
      '司1,800万股无限售流通股质押给国联信达证券股份有限公司，质押期限为一年。',
      '本次质押不会导致公司实际控制权发生变更。',
    ].join('\n');
    const out = cleanLayout([page]);
    assert.equal(
      out.pages[0],
      [
        '一、本次股份质押的基本情况',
        '公司于2025年3月17日接到控股股东周建平先生的通知，周建平先生将其持有的本公司1,800万股无限售流通股质押给国联信达证券股份有限公司，质押期限为一年。',
        '本次质押不会导致公司实际控制权发生变更。',
      ].join('\n'),
    );
  });

  it('does not join list items, headings after colons or table rows', () => {
    const page = [
      '公司的诉讼请求如下，请求法院判令被告支付工程款及逾期付款利息共计以下各项金额：',
      '1.判令被告支付工程款7,928.40万元；',
      '（二）业绩承诺安排',
      '项目 2024A 2025E 2026E',
      '营业收入（百万元） 3,512 4,236 5,018',
    ].join('\n');
    assert.equal(cleanLayout([page]).pages[0], page);
    assert.equal(isTabular('营业收入（百万元） 3,512 4,236 5,018'), true);
    assert.equal(isTabular('证券代码：600000 证券简称：示例'), false);
    assert.equal(isTabular('周建平 是 1,800 2025-03-14'), true);
    assert.equal(isTabular('股东名称 是否为控股股东 本次质押股数（万股）'), true);
    assert.equal(isTabular('Line 3 of page 7 has some words in it'), false);
  });

  it('joins Latin words with a space but Chinese without one', () => {
    const page = [
      'The board approved the acquisition of the target company for a total consideration of',
      'HKD 420 million, payable in two instalments.',
    ].join('\n');
    assert.equal(
      cleanLayout([page]).pages[0],
      'The board approved the acquisition of the target company for a total consideration of HKD 420 million, payable in two instalments.',
    );
  });

  it('removes running headers, footers and page numbers repeated across pages', () => {
    const pages = [1, 2, 3].map((n) =>
      [
        '示例股份有限公司 关于股份质押的公告',
        `${body(n)}。`,
        '请务必阅读正文之后的免责声明',
        `第 ${n} 页 共 3 页`,
      ].join('\n'),
    );
    const out = cleanLayout(pages);
    assert.deepEqual(out.pages, [`${body(1)}。`, `${body(2)}。`, `${body(3)}。`]);
    assert.deepEqual(
      out.removedRepeatedLines.sort(),
      ['示例股份有限公司 关于股份质押的公告', '请务必阅读正文之后的免责声明'].sort(),
    );
    assert.equal(out.removedPageNumbers, 3);
  });

  it('recognises several page-number styles', () => {
    for (const style of ['1 / 3', '- 1 -', '1', 'Page 1 of 3', '第1页']) {
      const pages = [`正文第一页内容。\n${style}`, `正文第二页内容。\n${style.replace('1', '2')}`];
      assert.deepEqual(cleanLayout(pages).pages, ['正文第一页内容。', '正文第二页内容。'], style);
    }
  });

  it('keeps a line repeated on only one page of many', () => {
    const pages = ['特别提示\n正文一。', '正文二。', '正文三。'];
    assert.deepEqual(cleanLayout(pages).pages, ['特别提示\n正文一。', '正文二。', '正文三。']);
  });

  it('joins a sentence that continues on the next page', () => {
    const full = '公司于2025年3月17日接到控股股东周建平先生的通知，周建平先生将其持有的本公';
    const out = cleanLayout([`${full}\n${full}`, '司股份办理了质押。\n后续内容。']);
    assert.deepEqual(out.continues, [false, true]);
  });

  it('strips broker template tags', () => {
    const out = cleanLayout(['[Table_Title]\n华辰精密：业绩超预期\n[Table_Summary] 投资要点[Table_Main]']);
    assert.equal(out.pages[0], '华辰精密：业绩超预期\n投资要点');
  });

  it('reassembles vertical titles printed one character per line', () => {
    const out = cleanLayout(['公\n司\n点\n评\n正文。']);
    assert.equal(out.pages[0], '公司点评\n正文。');
    // Two single characters are not enough evidence.
    assert.equal(cleanLayout(['甲\n乙\n正文。']).pages[0], '甲\n乙\n正文。');
  });

  it('flags research-report sidebar lines and re-joins wrapped sidebar values', () => {
    const page = [
      '维持公司“买入”评级，给予6个月目标价45.60元。',
      '投资评级：买入（维持）',
      '目标价：45.60元',
      '分析师：李文博',
      '执业证书编号：',
      'S1230520080003',
      '相关研究',
      '《华辰精密（603871）：订单',
      '饱满，产能释放在即》',
      '2025-01-15',
      '一、正文标题',
    ].join('\n');
    const out = cleanLayout([page], { researchReport: true });
    assert.deepEqual(out.sidebar, [
      '投资评级：买入（维持）',
      '目标价：45.60元',
      '分析师：李文博',
      '执业证书编号：S1230520080003',
      '相关研究',
      '《华辰精密（603871）：订单饱满，产能释放在即》2025-01-15',
    ]);
    assert.match(out.pages[0] ?? '', /\n一、正文标题$/);
  });

  it('splits sidebar cells that share a line with body text', () => {
    const out = cleanLayout(['公司一季度收入增长21.4%，超出市场预期。\t投资评级：买入'], {
      researchReport: true,
    });
    assert.equal(out.pages[0], '公司一季度收入增长21.4%，超出市场预期。\n投资评级：买入');
    assert.deepEqual(out.sidebar, ['投资评级：买入']);
  });

  it('leaves HTML lines alone when joining is off', () => {
    const out = cleanLayout(
      ['很长的一行没有句号结尾但它是一个独立的段落标题而且长度也很长很长很长\n下一段'],
      {
        joinLines: false,
      },
    );
    assert.equal(
      out.pages[0],
      '很长的一行没有句号结尾但它是一个独立的段落标题而且长度也很长很长很长\n下一段',
    );
  });

  it('closes up letter-spaced CJK lines but not ordinary spaced cells', () => {
    assert.equal(cleanLayout(['关 于 股 份 质 押 的 公 告\n正文。']).pages[0], '关于股份质押的公告\n正文。');
    assert.equal(cleanLayout(['周建平 是 1,800 2025-03-14']).pages[0], '周建平 是 1,800 2025-03-14');
  });
});
