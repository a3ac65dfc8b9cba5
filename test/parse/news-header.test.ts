import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { outletOf, parseNewsHeader, publisherOf } from '../../src/parse/news-header.js';

describe('parseNewsHeader', () => {
  it("reads the company from a bracketed headline; an outlet's dateline is not the notice's date", () => {
    const header = parseNewsHeader(
      '【示例能源：控股股东质押6000万股】1月19日讯，示例能源公告，公司近日接到通知。',
    );
    assert.deepEqual(header.subject, { name: '示例能源' });
    assert.equal(header.noticeDate, undefined);
  });

  it("reads the day of the company's notice, also after a dateline of the same day", () => {
    assert.equal(
      parseNewsHeader('示例眼科(300015)1月6日晚间公告，公司副总经理增持。').noticeDate?.text,
      '1月6日',
    );
    assert.equal(
      parseNewsHeader('新浪财经讯 8月4日消息，*ST示例（000010）4日晚公告，公司收到处罚决定书。').noticeDate
        ?.text,
      '8月4日',
    );
    assert.equal(
      parseNewsHeader('8月4日消息，示例股份（000010）5日晚公告，公司收到决定书。').noticeDate,
      undefined,
    );
  });

  it("reads the date an item opens with before the company's notice, and no date later on", () => {
    const opening = parseNewsHeader(
      '4月29日，示例管道(002999)发布关于重大诉讼的公告，详情如下：原告某公司诉公司合同纠纷。',
    );
    assert.equal(opening.noticeDate?.text, '4月29日');
    const recalled = parseNewsHeader(
      '示例银行换帅后首次增持。7月9日晚间，示例银行发布公告，董事长发生变更。',
    );
    assert.equal(recalled.noticeDate, undefined);
  });

  it('reads the evening a listed company named with its code acts on as the day of its notice', () => {
    const acted = parseNewsHeader(
      '示例银行稳股价\n收盘价连续低于每股净资产后，8月1日晚间，示例银行股份有限公司（示例银行，601999.SH）启动了稳定股价方案。',
    );
    assert.equal(acted.noticeDate?.text, '8月1日');
    // An evening named without the company's code, or a morning, dates no notice.
    assert.equal(parseNewsHeader('8月1日晚间，示例银行启动了稳定股价方案。').noticeDate, undefined);
    assert.equal(
      parseNewsHeader('8月1日，示例银行股份有限公司（601999.SH）启动了稳定股价方案。').noticeDate,
      undefined,
    );
  });

  it('takes the name before a stock code, not the verb it runs into', () => {
    assert.deepEqual(parseNewsHeader('某保险6.17亿港元增持示例银行(01398.HK)1.1亿股H股').subject, {
      name: '示例银行',
      code: '01398.HK',
    });
    assert.deepEqual(parseNewsHeader('示例电机（002176）5月15日公开信息显示，股东质押').subject, {
      name: '示例电机',
      code: '002176',
    });
    assert.deepEqual(parseNewsHeader('中国经济网8月2日讯 今日，示例生物（300401.SZ）以跌停价开盘').subject, {
      name: '示例生物',
      code: '300401.SZ',
    });
  });

  it('finds "X公告" without swallowing 发布, and drops a board suffix', () => {
    assert.equal(
      parseNewsHeader('新浪财经讯 8月2日，示例酒业发布公告，称股东拟减持。').subject?.name,
      '示例酒业',
    );
    assert.equal(parseNewsHeader('【示例移动港股：计划回购股份】示例移动港股公告').subject?.name, '示例移动');
  });

  it('reads a bare five-digit HKEX code, and leaves the time word of "X昨日公告" out of the name', () => {
    assert.deepEqual(parseNewsHeader('示例保险(02318)获某银行增持1641.2万股').subject, {
      name: '示例保险',
      code: '02318',
    });
    assert.equal(parseNewsHeader('公司近况 示例快递昨日公告，子公司获增资。').subject?.name, '示例快递');
  });

  it('names no company where a headline starts with a field label or a time word', () => {
    assert.equal(parseNewsHeader('原标题：示例网：再发退市预警').subject?.name, undefined);
    assert.equal(parseNewsHeader('证券代码：600000 今日新闻。').subject, undefined);
    assert.equal(parseNewsHeader('同时公告，董事会通过了议案。').subject, undefined);
  });

  it('takes no speaker, column or section head of a "X：" headline for the company', () => {
    for (const text of [
      '事件：公司发布公告，拟非公开发行股票。',
      '【机构分析：美元汇率涨跌互见】美元兑多数货币走低。',
      '午间公告：示例股份2021年净利预降57.5%',
      '证监会：研究出台更多政策措施\n证监会表示。',
      '九部门：引导早期投资支持医药产业\n工业和信息化部等九部门近日发布规划。',
      '【经济日报评论：反垄断执法坚持一视同仁】监管是为了规范发展。',
      '【伊朗副外长：谈判正努力取得进展】伊朗副外长5日说。',
      '示例策略师：欧洲科技板块可能出现短期反弹\n示例策略师表示。',
    ])
      assert.equal(parseNewsHeader(text).subject, undefined, text);
    // The company's own statement keeps its headline name.
    assert.equal(parseNewsHeader('示例工具：筹划重大资产重组，拟现金收购某公司。').subject?.name, '示例工具');
  });

  it("names no company for a broker's research view, whatever stocks it rates", () => {
    assert.equal(
      parseNewsHeader('示例证券：降示例智家(06690.HK)评级至与大市同步\n示例证券发表研究报告，指需求放缓。')
        .subject,
      undefined,
    );
  });

  it('leaves a dateline, a conjunction or a time word before a coded name out of the name', () => {
    assert.deepEqual(parseNewsHeader('9月1日丨示例证券(06837)公布中期业绩').subject, {
      name: '示例证券',
      code: '06837',
    });
    assert.equal(parseNewsHeader('近期示例特(300053)股价异动').subject?.name, '示例特');
    assert.equal(parseNewsHeader('某基金正式入主示例蓝科(601798)').subject?.name, '示例蓝科');
  });

  it('names the company an item or a note says published a report or notice', () => {
    assert.equal(
      parseNewsHeader('事件：示例盛虹发布2020年前三季度业绩预告，净利润下降。').subject?.name,
      '示例盛虹',
    );
    assert.equal(
      parseNewsHeader('营收增速转正 示例银行于8月30日发布2020年中报，归母净利润下降。').subject?.name,
      '示例银行',
    );
    assert.equal(publisherOf('报告导读 示例控股发布2021年半年报，上半年归母净利润7.60亿元。'), '示例控股');
    // A group of companies is no one issuer.
    assert.equal(publisherOf('部分银行发布2021年业绩快报，净利润增长。'), undefined);
    assert.equal(publisherOf('多家公司发布业绩预告。'), undefined);
  });

  it("names no company for a digest of several companies' notices, but keeps one company's item with its bylines", () => {
    assert.equal(
      parseNewsHeader('示例微：预计2021年净利4.7亿元，同比增367%。北玻示例：2021年预盈4700万元。').subject,
      undefined,
    );
    assert.equal(
      parseNewsHeader('示例科技：三季度业绩预告超预期\n来源：证券时报,某证券指出公司受益。\n责任编辑：王某')
        .subject?.name,
      '示例科技',
    );
  });

  it("names the company a headline, or a reposted item's original headline, opens with before its people or a verb", () => {
    const reposted = [
      '董事长怒怼记者惹火烧身 交易所批评证监局处罚来了',
      '原标题：示例激光董事长怒怼记者惹火烧身，交易所批评,来源：某报,示例激光被监管批评和处罚。',
      '8月1日晚，示例激光发布致歉声明。',
    ].join('\n');
    assert.equal(parseNewsHeader(reposted).subject?.name, '示例激光');
    const headline = '示例通信获某某金投举牌 并称未来可能继续加码\n8月1日晚，示例通信发布权益变动书。';
    assert.equal(parseNewsHeader(headline).subject?.name, '示例通信');
  });

  it('names no company from a leading count word or a name the story never repeats', () => {
    const counted =
      '示例电机终止收购资产\n原标题：两度遭问询无法披露核心信息 示例电机终止收购,来源：某报,两度遭问询后。';
    assert.notEqual(parseNewsHeader(counted).subject?.name, '两度');
    assert.equal(parseNewsHeader('示例激光董事长道歉\n他表示将虚心接受监督。').subject, undefined);
  });

  it('leaves how the stock moved or how the company spoke out of the name', () => {
    const moved = '示例榨菜跌停：业绩增速放缓\n示例榨菜（002000.SZ）发布半年报。';
    assert.equal(parseNewsHeader(moved).subject?.name, '示例榨菜');
    const told = '高管大换血\n近日，示例股份对外公告称，公司董事长辞职。';
    assert.equal(parseNewsHeader(told).subject?.name, '示例股份');
  });

  it("reads past an outlet's byline to the company an original headline opens with", () => {
    const reposted = '原标题：某财网：示例银行回应理财罚单：已整改\n监管披露罚单，其中示例银行收到4张罚单。';
    assert.equal(parseNewsHeader(reposted).subject?.name, '示例银行');
    assert.equal(outletOf('某财网：央行开展票据互换操作'), '某财网');
    // A grid company is no outlet.
    assert.equal(outletOf('国家电网：启动新一轮招标'), undefined);
  });
});
