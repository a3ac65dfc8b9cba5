import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectDocumentKind, kindSample, kindScores } from '../../src/parse/document-kind.js';

const ANNOUNCEMENT = [
  '证券代码：600000    证券简称：示例股份    公告编号：2025-012',
  '示例股份有限公司关于股东股份质押的公告',
  '本公司及董事会全体成员保证信息披露的内容真实、准确、完整。',
  '公司股东承诺六个月内不减持。',
  '特此公告。',
  '示例股份有限公司董事会',
].join('\n');

const HKEX = [
  '香港交易及结算所有限公司及香港联合交易所有限公司对本公告的内容概不负责',
  '（于百慕达注册成立之有限公司）',
  '（股份代号：0328）',
  '独立非执行董事辞任',
].join('\n');

const REPORT = [
  '证券研究报告 | 公司点评',
  '示例股份（600000.SH）：一季度业绩超预期',
  '投资评级：买入（维持）',
  '分析师：张三 执业证书编号：S0570516010001',
  '盈利预测与估值',
  '请务必阅读正文之后的免责声明部分',
].join('\n');

const NEWS = [
  '新华社北京3月1日电（记者 王五）示例股份3月1日宣布完成收购。',
  '来源：新华社',
  '责任编辑：赵六',
].join('\n');

describe('detectDocumentKind', () => {
  it('reads each kind from its own cues', () => {
    assert.equal(detectDocumentKind(ANNOUNCEMENT), 'announcement');
    assert.equal(detectDocumentKind(HKEX), 'announcement');
    assert.equal(detectDocumentKind(REPORT), 'research_report');
    assert.equal(detectDocumentKind(NEWS), 'news');
    assert.equal(detectDocumentKind('今天天气很好，我们去公园散步。'), 'other');
  });

  it("reads a research house's overview by its author block and series banner", () => {
    const overview = [
      '1报告编码[19RI0000]某某研究院|医疗器械系列行业概览',
      '中国连锁诊所行业市场规模保持增长。',
      '田一鸣分析师郝二分析师邮箱：cs@example.com行业走势图',
    ].join('');
    assert.equal(detectDocumentKind(overview), 'research_report');
    const byAuthor = '2020年中国医美器械行业概览报告主要作者：王英一2020/03报告提供的任何内容均系本院所有。';
    assert.equal(detectDocumentKind(byAuthor), 'research_report');
    const quant = [
      '某某超额现金流选股法则',
      '——大师系列_价值投资篇之十三',
      '请务必仔细阅读正文之后的各项信息披露与声明',
      '某某证券研究所金融工程部计划介绍一系列投资大师的经典投资理论。',
    ].join('\n');
    assert.equal(detectDocumentKind(quant), 'research_report');
  });

  it('reads news flashes and short news items by how they open', () => {
    assert.equal(
      detectDocumentKind('【示例股份：控股股东减持100万股】3月1日讯，示例股份公告，控股股东减持。'),
      'news',
    );
    assert.equal(detectDocumentKind('7月5日消息，某某监管分局公布的信息显示，某公司被罚25万元。'), 'news');
    assert.equal(
      detectDocumentKind('示例股份终止收购\n原标题：示例股份终止收购某资产\n公司称交易终止。'),
      'news',
    );
    assert.equal(detectDocumentKind('据上证报报道，示例股份拟回购股份。'), 'news');
    // a filing retold by the press, its headline, the company with its code in brackets
    assert.equal(
      detectDocumentKind('示例股份：拟回购1亿元股份\n示例股份公告，拟以自有资金回购股份。'),
      'news',
    );
    assert.equal(detectDocumentKind('示例股份(600000)3月1日晚间公告，公司中标一项工程。'), 'news');
    assert.equal(detectDocumentKind('示例股份（600000）5月15日公开信息显示，股东质押100万股。'), 'news');
    assert.equal(detectDocumentKind('某银行(01398.HK)获某保险增持1亿股H股。 (责任编辑：DF120)'), 'news');
    // a headline over its story, a source credited at the end
    assert.equal(
      detectDocumentKind(
        '某某证券否认整体降薪传闻\n1月25日，网传一段对话显示，多家券商被要求降薪，某某证券当日回应称该传闻不实。',
      ),
      'news',
    );
    assert.equal(
      detectDocumentKind('自1月1日起，新的进口海关管制规则正式生效，行业团体警告或将短缺。（央视财经）'),
      'news',
    );
    // a bracket that is no headline, mid-text
    assert.equal(detectDocumentKind('公司拟以自有资金回购股份。详见【公告】。'), 'other');
  });

  it("reads a research report's abstract as news sites carry it", () => {
    assert.equal(
      detectDocumentKind(
        '事件：公司发布三季报，业绩低于预期。我们预计2022-2024年EPS分别为1.2/1.5/1.8元，维持“增持”评级。',
      ),
      'research_report',
    );
    assert.equal(
      detectDocumentKind('产品创新带来经营持续向好，维持盈利预测，维持目标价，维持增持。'),
      'research_report',
    );
    // a broker's abstract with no rating: its opening label, bare 公司 and brokers' shorthand
    assert.equal(
      detectDocumentKind(
        '业绩回顾：公司公布2Q21业绩，收入12.3亿元，同比+15.2%，归母净利润1.1亿元（+8.4%）。',
      ),
      'research_report',
    );
    assert.equal(
      detectDocumentKind('3月2日，公司发布回购方案，拟回购不超过5亿元股份，彰显发展信心，看好全年增长。'),
      'research_report',
    );
  });

  it('reads short reported prose as news and social posts as other', () => {
    assert.equal(detectDocumentKind('某某集团近日表示，已完成对示例科技的收购，交易金额未披露。'), 'news');
    // a filing's own voice quoted (我公司) is no first-person post
    assert.equal(
      detectDocumentKind('据悉，示例建设近日收到中标通知书。该公司表示：“我公司将按要求签订合同。”'),
      'news',
    );
    assert.equal(detectDocumentKind('港资6月1日，净卖出12.5万股，约300万元，持股比例：1.2%。'), 'news');
    assert.equal(detectDocumentKind('4月2日，示例地产发布2022年年报，全年营收120亿元。'), 'news');
    assert.equal(detectDocumentKind('示例建设公告，公司中标2#3#楼配套工程，中标金额约2亿元。'), 'news');
    assert.equal(
      detectDocumentKind('#示例平台爆雷[超话]# 我的钱还没拿回来，示例平台近日表示正在清退！！'),
      'other',
    );
  });

  it('reads spaced-out characters of financial printers', () => {
    assert.equal(detectDocumentKind('董 事 会 谨 此 宣 布\n（ 股 份 代 号 ：328 ）'), 'announcement');
  });

  it('finds the closing formula at the end of a long filing', () => {
    const body = '公司经营情况正常。'.repeat(3000);
    const filing = `示例股份有限公司\n${body}\n特此公告。`;
    assert.ok(kindSample(filing).length < filing.length);
    assert.equal(kindScores(filing).announcement >= 3, true);
    assert.equal(detectDocumentKind(filing), 'announcement');
  });

  it('does not take a filing that names brokers for a research report', () => {
    const minutes = `${ANNOUNCEMENT}\n参会机构：华泰证券、东方证券\n数据来源：公司公告`;
    assert.equal(detectDocumentKind(minutes), 'announcement');
  });
});
