import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type ContractRecord,
  readContractFields,
  type TextSpan,
} from '../../src/assemble/contract-fields.js';
import { parseDocument } from '../../src/parse/index.js';

const HEADER = '证券代码：600000 证券简称：华北路桥 公告编号：2024-001\n';
const PLEDGE =
  '本公司及董事会全体成员保证信息披露内容的真实、准确和完整，没有虚假记载、误导性陈述或重大遗漏。\n';

async function records(
  body: string,
  title = '华北路桥股份有限公司关于重大工程中标的公告',
): Promise<{
  text: string;
  records: ContractRecord[];
}> {
  const doc = await parseDocument(
    new TextEncoder().encode(
      `${HEADER}${title}\n${PLEDGE}${body}\n特此公告。\n华北路桥股份有限公司董事会\n2024年3月8日\n`,
    ),
    { fileName: 'notice.txt', mimeType: 'text/plain', kind: 'announcement' },
    { maxBytes: 1e6, maxPages: 10 },
  );
  return { text: doc.text, records: readContractFields(doc) };
}

/** Every span must be the text it claims to be at its offsets. */
function assertOffsets(text: string, record: ContractRecord): void {
  for (const value of Object.values(record)) {
    for (const s of (Array.isArray(value) ? value : [value]) as TextSpan[]) {
      if (typeof s === 'object' && s !== null && 'start' in s)
        assert.equal(text.slice(s.start, s.end), s.text);
    }
  }
}

describe('readContractFields', () => {
  it('reads a bid win told in a sentence', async () => {
    const {
      text,
      records: [r],
    } = await records(
      '华北路桥股份有限公司（以下简称“公司”）近日收到东湖市水务局发来的《中标通知书》，公司中标东湖市污水处理厂扩建工程，中标价为人民币1.25亿元。',
    );
    assert.ok(r);
    assert.equal(r.kind, 'bid_win');
    assert.equal(r.甲方?.text, '东湖市水务局');
    assert.equal(r.乙方?.text, '华北路桥股份有限公司');
    assert.equal(r.项目名称?.text, '东湖市污水处理厂扩建工程');
    assert.deepEqual(
      [r.合同金额?.lower, r.合同金额?.upper, r.合同金额?.currency],
      [125000000, 125000000, 'CNY'],
    );
    assert.equal(r.合同名称, undefined);
    assertOffsets(text, r);
  });

  it('trusts labelled lines, a label alone on its line taking the next line', async () => {
    const {
      text,
      records: [r],
    } = await records(
      [
        '现将中标情况公告如下：',
        '1、招标人：',
        '西江水利工程管理局',
        '2、中标人：华北路桥股份有限公司与东方工程有限公司组成的联合体',
        '3、项目名称：西江引水工程第3标段',
        '4、中标金额：约人民币3,670万元',
      ].join('\n'),
    );
    assert.ok(r);
    assert.equal(r.甲方?.text, '西江水利工程管理局');
    assert.equal(r.乙方?.text, '华北路桥股份有限公司');
    assert.deepEqual(
      r.联合体成员?.map((m) => m.text),
      ['东方工程有限公司'],
    );
    assert.equal(r.项目名称?.text, '西江引水工程第3标段');
    assert.equal(r.合同金额?.upper, 36700000);
    assertOffsets(text, r);
  });

  it('ends a labelled name before what runs on after it and skips tender agents', async () => {
    const {
      records: [r],
    } = await records(
      '公司收到南方招标代理有限公司发来的《中标通知书》。\n甲方：南湖建设投资有限公司法定代表人：张某\n中标金额：5,000万元',
    );
    assert.equal(r?.甲方?.text, '南湖建设投资有限公司');
    const agentOnly = await records(
      '公司收到南方招标代理有限公司发来的《中标通知书》，中标金额为5,000万元。',
    );
    assert.equal(agentOnly.records[0]?.甲方, undefined);
  });

  it('reads a signed contract of a subsidiary with a range, a name and a signing date', async () => {
    const {
      text,
      records: [r],
    } = await records(
      '公司全资子公司远山新能源科技有限公司（以下简称“远山新能源”）于2024年3月5日与北辰医药集团有限公司签订了《设备采购合同》，合同金额为8,000万元至9,000万元。',
      '华北路桥股份有限公司关于全资子公司签订日常经营重大合同的公告',
    );
    assert.ok(r);
    assert.equal(r.kind, 'contract');
    assert.equal(r.乙方?.text, '远山新能源科技有限公司');
    assert.equal(r.甲方?.text, '北辰医药集团有限公司');
    assert.equal(r.合同名称?.text, '设备采购合同');
    assert.deepEqual([r.合同金额?.lower, r.合同金额?.upper], [80000000, 90000000]);
    assert.equal(r.签署日期?.value, '2024-03-05');
    assertOffsets(text, r);
  });

  it('counts a foreign-currency contract in the yuan it states, and numerals by their digits', async () => {
    const foreign = await records(
      '公司与海外港口有限公司签订了《码头设备供货合同》，合同金额为1,000万美元（约合人民币6,500万元）。',
    );
    assert.equal(foreign.records[0]?.合同金额?.upper, 65000000);
    const numerals = await records(
      '公司中标东湖大桥工程，中标价为人民币壹亿贰仟万元整（¥120,000,000.50元）。',
    );
    assert.equal(numerals.records[0]?.合同金额?.upper, 120000000.5);
  });

  it('does not take the company revenue for the contract amount', async () => {
    const {
      records: [r],
    } = await records('公司中标东湖大桥工程。公司2023年营业收入为50亿元。');
    assert.equal(r?.合同金额, undefined);
  });

  it('gives one record per numbered contract', async () => {
    const { text, records: rs } = await records(
      [
        '近日本公司收到中标通知书两份，具体如下：',
        '1、东湖市交通局通知公司中标东湖市环线改造工程，中标价12,000万元。',
        '2、西山县水利局通知公司中标西山县引水工程，中标价5,000万元。',
      ].join('\n'),
    );
    assert.deepEqual(
      rs.map((r) => [r.甲方?.text, r.项目名称?.text, r.合同金额?.upper, r.乙方?.text]),
      [
        ['东湖市交通局', '东湖市环线改造工程', 120000000, '华北路桥股份有限公司'],
        ['西山县水利局', '西山县引水工程', 50000000, '华北路桥股份有限公司'],
      ],
    );
    for (const r of rs) assertOffsets(text, r);
  });

  it('gives one record per row of a table of contracts with their clients', async () => {
    const table = [
      '序号\t招标人\t项目名称\t中标金额（万元）',
      '1\t东湖市交通局\t东湖市环线改造工程\t12,000',
      '2\t西山县水利局\t西山县引水工程\t5,000',
      '合计\t\t\t17,000',
    ].join('\n');
    const { text, records: rs } = await records(`公司近日中标以下项目：\n${table}`);
    assert.deepEqual(
      rs.map((r) => [r.甲方?.text, r.项目名称?.text, r.合同金额?.upper]),
      [
        ['东湖市交通局', '东湖市环线改造工程', 120000000],
        ['西山县水利局', '西山县引水工程', 50000000],
      ],
    );
    for (const r of rs) assertOffsets(text, r);
  });

  it("reads the parser's tables where it gives them", async () => {
    const body =
      '公司近日中标以下项目：\n东湖市交通局 东湖市环线改造工程 1.2亿元\n西山县水利局 西山县引水工程 5,000万元';
    const doc = await parseDocument(
      new TextEncoder().encode(`${HEADER}华北路桥股份有限公司中标公告\n${PLEDGE}${body}\n`),
      { fileName: 'notice.txt', mimeType: 'text/plain', kind: 'announcement' },
      { maxBytes: 1e6, maxPages: 10 },
    );
    const rows = [
      ['东湖市交通局', '东湖市环线改造工程', '1.2亿元'],
      ['西山县水利局', '西山县引水工程', '5,000万元'],
    ];
    const rs = readContractFields({
      ...doc,
      tables: [{ page: 1, header: ['采购人', '项目名称', '合同金额'], rows, start: 0, end: 0, rowSpans: [] }],
    });
    assert.deepEqual(
      rs.map((r) => [r.甲方?.text, r.合同金额?.upper, r.乙方?.text]),
      [
        ['东湖市交通局', 120000000, '华北路桥股份有限公司'],
        ['西山县水利局', 50000000, '华北路桥股份有限公司'],
      ],
    );
    for (const r of rs) assertOffsets(doc.text, r);
  });

  it('prefers the digits after numerals that end in 角 and 分', async () => {
    const {
      records: [r],
    } = await records(
      '公司中标东湖大桥工程，中标价为人民币壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分（¥123,456,789.12）。',
    );
    assert.equal(r?.合同金额?.upper, 123456789.12);
  });

  it('keeps 项目 in a project named before 中标单位, 中标人 or 候选人', async () => {
    const bid = await records(
      '公司收到东湖市水务局发来的《中标通知书》，确定公司为东湖新区排水管网改造项目的中标单位。',
    );
    assert.equal(bid.records[0]?.项目名称?.text, '东湖新区排水管网改造项目');
    const candidate = await records(
      '公司全资子公司被确定为西山公园绿化工程施工项目候选人，中标价为3,000万元。',
    );
    assert.equal(candidate.records[0]?.项目名称?.text, '西山公园绿化工程施工项目');
  });

  it('reads projects ending in 综合体 or 建设 and a tender of a 证券 company, not a paper', async () => {
    const complex = await records('3月5日，公司中标东湖市一超高层城市综合体，中标金额12.99亿元。');
    assert.equal(complex.records[0]?.项目名称?.text, '东湖市一超高层城市综合体');
    const quoted = await records('公司成功中标“东湖新城二号地块智能化建设”项目，中标金额3,050万元。');
    assert.equal(quoted.records[0]?.项目名称?.text, '东湖新城二号地块智能化建设');
    const clearing = await records(
      '公司中标中国证券登记结算有限责任公司数据仓库系统升级项目，中标金额1,786.8万元。',
    );
    assert.equal(clearing.records[0]?.项目名称?.text, '中国证券登记结算有限责任公司数据仓库系统升级项目');
    const paper = await records('公司中标东湖大桥工程，详见《中国证券报》，中标金额5,000万元。');
    assert.equal(paper.records[0]?.项目名称?.text, '东湖大桥工程');
    // a bare …建设 tells the scope of the work, not its name
    const scope = await records('公司中标范围包括全线55公里路面施工建设，中标金额5,000万元。');
    assert.equal(scope.records[0]?.项目名称, undefined);
  });

  it("takes the title's project without the subsidiary that won it", async () => {
    const { records: rs } = await records(
      '公司全资子公司近日收到中标通知书，中标金额为3,000万元。\n西山隧道工程位于西山县。',
      '华北路桥股份有限公司关于全资子公司中标西山隧道工程的公告',
    );
    assert.equal(rs[0]?.项目名称?.text, '西山隧道工程');
  });

  it('reads the client from a notice of any name sent by it, and from a contract it sent', async () => {
    const notice = await records(
      '公司于近日收到南湖城市建设有限公司签发的工程成交通知书，成交金额为4,500万元。',
    );
    assert.equal(notice.records[0]?.甲方?.text, '南湖城市建设有限公司');
    const sent = await records(
      '公司于近日收到北辰钢构有限公司（以下简称“北辰钢构”）关于某厂房钢结构制作合同，合同暂估价为2,000万元。',
      '华北路桥股份有限公司关于签订重大经营合同的公告',
    );
    assert.equal(sent.records[0]?.甲方?.text, '北辰钢构有限公司');
    assert.equal(sent.records[0]?.合同名称?.text, '关于某厂房钢结构制作合同');
  });

  it('reads the first of several parties signed with, after 和 as after 与, and a project office', async () => {
    const title = '华北路桥股份有限公司关于签订重大经营合同的公告';
    const listed = await records(
      '公司与东湖新区管理委员会、东湖建设开发有限公司（协议甲方）签订了《委托代建合作协议》，合同金额为3,000万元。',
      title,
    );
    assert.equal(listed.records[0]?.甲方?.text, '东湖新区管理委员会');
    const and = await records('公司和北辰集团签署了《设备供货合同》，合同金额为2,000万元。', title);
    assert.equal(and.records[0]?.甲方?.text, '北辰集团');
    const office = await records(
      '近日，本公司收到东湖高速公路改扩建项目办公室发来的中标通知书，中标金额为4,640万元。',
    );
    assert.equal(office.records[0]?.甲方?.text, '东湖高速公路改扩建项目办公室');
    const ppp = await records(
      ['（四）项目实施机构名称：', '东湖新区管理委员会', '中标金额：5,000万元'].join('\n'),
    );
    assert.equal(ppp.records[0]?.甲方?.text, '东湖新区管理委员会');
  });

  it('drops the words a party name was cut with and reads 本公司 as the issuer', async () => {
    const {
      records: [r],
    } = await records(
      ['公司收到了由东湖市水务局发来的《中标通知书》。', '中标人：本公司', '中标金额：5,000万元'].join('\n'),
    );
    assert.equal(r?.甲方?.text, '东湖市水务局');
    assert.equal(r?.乙方?.text, '华北路桥股份有限公司');
  });

  it('takes the party an owner introduces, the first of a labelled list, and no former name or code', async () => {
    const title = '华北路桥股份有限公司关于签订重大经营合同的公告';
    const owned = await records(
      '公司与北辰控股股份有限公司（股票代码600001）的全资子公司北辰照明有限公司签订了《设备供货合同》，合同金额为2,000万元。',
      title,
    );
    assert.equal(owned.records[0]?.甲方?.text, '北辰照明有限公司');
    assertOffsets(owned.text, owned.records[0] as ContractRecord);
    const subordinate = await records(
      '公司与东湖控股集团有限公司下属企业东湖汽车部件有限公司签署了《采购合同》，合同金额为3,000万元。',
      title,
    );
    assert.equal(subordinate.records[0]?.甲方?.text, '东湖汽车部件有限公司');
    const list = await records(
      ['招标人：东湖轨道交通有限公司、东湖城市建设投资集团有限公司', '中标金额：5,000万元'].join('\n'),
    );
    assert.equal(list.records[0]?.甲方?.text, '东湖轨道交通有限公司');
    const former = await records(
      ['招标人：东湖开发建设投资有限公司（原东湖工业园区投资开发有限责任公司）', '中标金额：5,000万元'].join(
        '\n',
      ),
    );
    assert.equal(former.records[0]?.甲方?.text, '东湖开发建设投资有限公司');
  });

  it('reads the client of a notice named before it, and past an alias note with brackets inside', async () => {
    const notice = await records(
      '近日，本公司收到如下通知书：\n1.\n东湖铁路有限公司《中标通知书》，通知本公司中标东湖铁路站前工程一标段，中标价为人民币58,254万元。',
    );
    assert.equal(notice.records[0]?.甲方?.text, '东湖铁路有限公司');
    const nested = await records(
      '近日，公司与北辰太阳能科技（镇江）有限公司（以下简称“北辰（镇江）”或“乙方”）签订了组件销售合同，合同金额共计4.08亿元。',
      '华北路桥股份有限公司关于签订重大经营合同的公告',
    );
    assert.equal(nested.records[0]?.甲方?.text, '北辰太阳能科技（镇江）有限公司');
    // The short name the note defines is no project.
    assert.equal(nested.records[0]?.项目名称, undefined);
  });

  it('gives one record per block of labelled lines', async () => {
    const { text, records: rs } = await records(
      [
        '公司近日收到两份中标通知书，具体如下：',
        '一、东湖项目',
        '1、招标人：东湖市交通局',
        '2、项目名称：东湖市环线改造工程',
        '3、中标价：12,000万元',
        '二、西山项目',
        '1、招标人：西山县水利局',
        '2、项目名称：西山县引水工程',
        '3、中标价：5,000万元',
      ].join('\n'),
    );
    assert.deepEqual(
      rs.map((r) => [r.甲方?.text, r.项目名称?.text, r.合同金额?.upper, r.乙方?.text]),
      [
        ['东湖市交通局', '东湖市环线改造工程', 120000000, '华北路桥股份有限公司'],
        ['西山县水利局', '西山县引水工程', 50000000, '华北路桥股份有限公司'],
      ],
    );
    for (const r of rs) assertOffsets(text, r);
  });

  it('takes labels far apart for no blocks of contracts', async () => {
    const filler = '公司经营情况良好，各项业务稳步推进。'.repeat(80);
    const { records: rs } = await records(
      [
        '1、招标人：东湖市交通局',
        '2、项目名称：东湖市环线改造工程',
        '2、中标价：12,000万元',
        filler,
        '1、招标人：西山县水利局',
        '2、项目名称：西山县引水工程',
        '2、中标价：5,000万元',
      ].join('\n'),
    );
    assert.equal(rs.length, 1);
  });

  it('names a contract by its standard title or without the count before it', async () => {
    const title = '华北路桥股份有限公司关于签订重大经营合同的公告';
    const standard = await records('公司与东湖市交通局签订了《合同协议书》，合同金额为8,000万元。', title);
    assert.equal(standard.records[0]?.合同名称?.text, '合同协议书');
    const counted = await records('公司与东湖市交通局签订了1份设备采购合同，合同金额为8,000万元。', title);
    assert.equal(counted.records[0]?.合同名称?.text, '设备采购合同');
  });

  it('reads road sections let as 合同段 as projects, each item with the client that notified the subsidiary', async () => {
    const { text, records: rs } = await records(
      [
        '近日本公司及全资子公司收到中标通知书两份，具体如下：',
        '1、东湖市高速公路建设办公室通知公司中标东湖至西山高速公路土建工程A3合同段施工工程。中标价237,785,626元；',
        '2、西山县交通局通知公司全资子公司华北路桥第一工程有限公司中标西山县环线公路B5合同段施工工程。中标价204,232,875元。',
      ].join('\n'),
    );
    assert.deepEqual(
      rs.map((r) => [r.甲方?.text, r.项目名称?.text, r.合同金额?.upper]),
      [
        ['东湖市高速公路建设办公室', '东湖至西山高速公路土建工程A3合同段施工工程', 237785626],
        ['西山县交通局', '西山县环线公路B5合同段施工工程', 204232875],
      ],
    );
    for (const r of rs) assertOffsets(text, r);
  });

  it('gives one record per numbered contract that names a contract but no project', async () => {
    const { records: rs } = await records(
      [
        '2、合同当事人',
        '买方：东湖轮胎有限公司 卖方：华北路桥股份有限公司',
        '4、合同金额',
        '（1）本公司与买方签署的设备《买卖合同》金额为3,170万元；',
        '（2）本公司全资子公司华北机电有限公司与买方签署的《加工定作合同》金额为3,019.2万元。',
      ].join('\n'),
      '华北路桥股份有限公司重大合同公告',
    );
    assert.deepEqual(
      rs.map((r) => [r.甲方?.text, r.合同名称?.text, r.合同金额?.upper]),
      [
        ['东湖轮胎有限公司', '买卖合同', 31700000],
        ['东湖轮胎有限公司', '加工定作合同', 30192000],
      ],
    );
  });

  it('takes a table of earlier orders for background when the stated amount is none of its rows', async () => {
    const table = [
      '客户\t船型\t金额（万元）\t订单时间',
      '东湖船务\t42米客船\t8,100\t2014年12月',
      '西山船务\t沿海客船\t7,300\t2017年4月',
    ].join('\n');
    const { records: rs } = await records(
      `公司与南海航运有限公司签订了《船舶建造合同书》，合同总金额为1,220万元。\n公司近年承接的订单如下：\n${table}`,
      '华北路桥股份有限公司关于签订重大合同的公告',
    );
    assert.deepEqual(
      rs.map((r) => [r.甲方?.text, r.合同金额?.upper]),
      [['南海航运有限公司', 12200000]],
    );
  });

  it('takes any name the text calls 甲方, and foreign company names', async () => {
    const title = '华北路桥股份有限公司关于签订重大合同的公告';
    const station = await records(
      '公司（以下简称“乙方”）与东湖电视台（以下简称“东湖卫视”或“甲方”）签订了《周播剧场合作协议》，合同金额为8,000万元。',
      title,
    );
    assert.equal(station.records[0]?.甲方?.text, '东湖电视台');
    const foreign = await records(
      '2024年2月13日，公司与美国 EASTLAKE CEMENT CO.LLC.签署了日产4000吨水泥生产线设计和设备供货合同，合同金额为8,000万美元。',
      title,
    );
    assert.equal(foreign.records[0]?.甲方?.text, '美国 EASTLAKE CEMENT CO.LLC.');
  });

  it('reads the grid company that publishes the award and the owner a project is named after', async () => {
    const published = await records(
      '2024年8月13日，东方电网公司通过其电子商务平台发布了《东方电网公司输变电项目绝缘子2024年第四批招标活动-推荐的中标候选人公示》，公司为包1的中标候选人。',
    );
    assert.equal(published.records[0]?.甲方?.text, '东方电网公司');
    const named = await records(
      '近日，公司得知公司中标东湖烟草集团有限责任公司2023-2024年内衬纸采购项目，中标金额为3,000万元。',
    );
    assert.equal(named.records[0]?.甲方?.text, '东湖烟草集团有限责任公司');
    assert.equal(named.records[0]?.项目名称?.text, '东湖烟草集团有限责任公司2023-2024年内衬纸采购项目');
  });

  it('reads a project from the name of the tender notice, its number or the tender the company took part in', async () => {
    const published = await records(
      '东方电网公司于2024年1月23日在其电子商务平台公告了“东方电网公司2023年第二批电能表招标采购-推荐的中标候选人公示”，公司为该项目中标候选人。',
    );
    assert.equal(published.records[0]?.项目名称?.text, '东方电网公司2023年第二批电能表招标采购');
    const stated = await records(
      '公司本次预中标项目为东湖市地铁2号线通信系统采购项目（招标编号：DH-2024-018），预中标金额为3,000万元。',
    );
    assert.equal(stated.records[0]?.项目名称?.text, '东湖市地铁2号线通信系统采购项目');
    const within = await records(
      '公司近日接到东湖铁路有限公司《中标通知书》，在新建东湖至西山铁路工程甲供物资招标（招标编号：JW2024-006、包件号：F01）中，被确定为中标人，中标金额为人民币6,626万元。',
    );
    assert.equal(within.records[0]?.项目名称?.text, '新建东湖至西山铁路工程甲供物资招标');
    const overview = await records(
      [
        '一、项目概况',
        '东湖电网公司2024年第一批配网设备招标采购活动（招标编号：0711-24OTL01）由东湖电网公司委托东湖招标有限公司采用公开招标方式进行。公司中标金额约为5,000万元。',
      ].join('\n'),
    );
    assert.equal(overview.records[0]?.项目名称?.text, '东湖电网公司2024年第一批配网设备招标采购活动');
  });

  it('ends a labelled project before a label run on after it and joins a last character wrapped onto the next line', async () => {
    const runOn = await records(
      ['1、项目名称：东湖市园林绿化工程施工、管养一体化项目工程地点：东湖市', '2、中标金额：5,000万元'].join(
        '\n',
      ),
    );
    assert.equal(runOn.records[0]?.项目名称?.text, '东湖市园林绿化工程施工、管养一体化项目');
    const wrapped = await records(
      ['1、项目名称：东湖县水环境治理工程 PPP 项', '目', '2、中标金额：5,000万元'].join('\n'),
    );
    assert.equal(wrapped.records[0]?.项目名称?.text, '东湖县水环境治理工程 PPP 项\n目');
  });

  it('reads the members of a consortium listed with notes, or named before 组成的投标联合体 or （联合体）', async () => {
    const labelled = await records(
      [
        '1、项目名称：东湖大道景观提升工程PPP项目',
        '2、中标单位：华北路桥股份有限公司（牵头人）、东湖园林集团有限公司（联合体成员）',
        '3、中标金额：13,516.64万元',
      ].join('\n'),
    );
    assert.deepEqual(
      labelled.records[0]?.联合体成员?.map((m) => m.text),
      ['东湖园林集团有限公司'],
    );
    const formed = await records(
      '公司近日收到东湖市新区开发投资有限责任公司发来的《中标通知书》，确认公司与东湖建筑安装工程有限公司（以下简称“东湖建筑”）、西山设计研究总院有限公司（以下简称“西山设计”）组成的投标联合体为“东湖湿地公园工程建设项目”的中标单位，中标价为人民币5亿元。',
    );
    assert.deepEqual(
      formed.records[0]?.联合体成员?.map((m) => m.text),
      ['东湖建筑安装工程有限公司', '西山设计研究总院有限公司'],
    );
    const noted = await records(
      '陕西省政府采购网发布了《东湖大街市政道路PPP项目预中标结果公示》，确定我公司与龙岩市西山工程有限公司（联合体）预中标“东湖大街市政道路PPP项目”，中标金额为5亿元。',
    );
    assert.deepEqual(
      noted.records[0]?.联合体成员?.map((m) => m.text),
      ['龙岩市西山工程有限公司'],
    );
  });

  it('reads a consortium listed whole before 联合体, and a member labelled inside a note', async () => {
    const listed = await records(
      '经公开招标，西山园林集团有限公司、华北路桥股份有限公司、东湖工程技术有限公司联合体被确定为“东湖新区海绵城市建设PPP项目”的第一中标候选人，投标报价为3亿元。',
    );
    assert.deepEqual(
      listed.records[0]?.联合体成员?.map((m) => m.text),
      ['西山园林集团有限公司', '东湖工程技术有限公司'],
    );
    assert.equal(listed.records[0]?.乙方?.text, '华北路桥股份有限公司');
    const group = await records(
      '近日，本公司下属东湖建设集团有限公司、西山勘察设计院集团有限公司（联合体）中标东湖产业园安置小区项目勘察、设计、施工总承包，中标金额为5亿元。',
    );
    assert.equal(group.records[0]?.乙方?.text, '东湖建设集团有限公司');
    assert.deepEqual(
      group.records[0]?.联合体成员?.map((m) => m.text),
      ['西山勘察设计院集团有限公司'],
    );
    const noted = await records(
      '公司于近日收到东湖县卫生局出具的《中标通知书》，确认我公司（联合体成员单位：东湖县宏源建筑工程有限责任公司）中标“东湖医疗产业园建设项目”。中标金额为3亿元。',
    );
    assert.deepEqual(
      noted.records[0]?.联合体成员?.map((m) => m.text),
      ['东湖县宏源建筑工程有限责任公司'],
    );
    const joined = await records(
      '3、中标人：华北路桥股份有限公司（联合体成员：西山基金管理（北京）有限公司、东湖扬子江和远融资租赁有限公司）\n4、中标金额：24亿元',
    );
    assert.deepEqual(
      joined.records[0]?.联合体成员?.map((m) => m.text),
      ['西山基金管理（北京）有限公司', '东湖扬子江和远融资租赁有限公司'],
    );
    const marked = await records(
      '公司于近日收到东湖工程咨询监理有限公司发来的《中标通知书》，确定华北设计研究院有限公司（联合体牵头单位）、西山路桥集团有限公司（联合体成员单位）为东湖园区道路工程的中标人，中标价为2亿元。',
    );
    assert.deepEqual(
      marked.records[0]?.联合体成员?.map((m) => m.text),
      ['西山路桥集团有限公司'],
    );
    const ourWords = await records(
      '华北路桥股份有限公司及其控股子公司与东湖电力公司组成联合体，中标东湖输变电工程，中标金额为2亿元。',
    );
    for (const m of ourWords.records[0]?.联合体成员 ?? []) assert.doesNotMatch(m.text, /^其?控股子公司$/);
  });

  it('reads a winner labelled as our company with another (本公司及子公司X): the issuer wins, X is its partner', async () => {
    const labelled = await records(
      [
        '1、招标人：东湖县住房和城乡建设局',
        '2、中标人：本公司及子公司东湖路桥工程集团有限责任公司',
        '3、中标金额：25.36亿元',
      ].join('\n'),
    );
    const record = labelled.records[0] as ContractRecord;
    assertOffsets(labelled.text, record);
    assert.equal(record.乙方?.text, '华北路桥股份有限公司');
    assert.deepEqual(
      record.联合体成员?.map((m) => m.text),
      ['东湖路桥工程集团有限责任公司'],
    );
    const formed = await records(
      [
        '1、中标项目名称：东湖都市休闲公园项目设计施工总承包',
        '2、中标单位：公司及公司之全资子公司华北园林设计有限公司作为联合体为上述项目的中标单位',
        '3、中标价：约11,142万元',
      ].join('\n'),
    );
    assert.equal(formed.records[0]?.乙方?.text, '华北路桥股份有限公司');
    assert.deepEqual(
      formed.records[0]?.联合体成员?.map((m) => m.text),
      ['华北园林设计有限公司'],
    );
    // our company alone is no partnership
    const alone = await records(['1、中标人：本公司', '2、中标金额：5亿元'].join('\n'));
    assert.equal(alone.records[0]?.联合体成员, undefined);
  });

  it('names a concession agreement, and a contract told after 签订的, but no words about a contract', async () => {
    const title = '华北路桥股份有限公司重大合同签署公告';
    const concession = await records(
      '东湖县人民政府与公司于2024年5月14日在东湖县签署了《东湖县生活垃圾处理特许经营协议》，项目总投资2.5亿元。',
      title,
    );
    assert.equal(concession.records[0]?.合同名称?.text, '东湖县生活垃圾处理特许经营协议');
    const told = await records(
      '公司近日收到公司与特殊机构客户签订的通信设备订货合同（以下简称“本合同”），合同总金额约1.1亿元。',
      title,
    );
    assert.equal(told.records[0]?.合同名称?.text, '通信设备订货合同');
    const generic = await records('公司与东湖石油公司签署了乌克兰重大经营合同，合同金额为8,000万元。', title);
    assert.equal(generic.records[0]?.合同名称, undefined);
  });

  it('reads the client from the disclosure of its ties (X与本公司不存在关联关系), 采购方为X, and an unquoted alias among several', async () => {
    const ties = await records(
      [
        '公司于近日在东湖市政府采购网获悉，公司为东湖市环卫特种车辆及设备招标项目的中标人，中标金额为4,702.32万元。',
        '二、项目当事方介绍',
        '东湖市市政市容管理局与本公司不存在任何关联关系。',
      ].join('\n'),
    );
    assert.equal(ties.records[0]?.甲方?.text, '东湖市市政市容管理局');
    const buyer = await records(
      '公司参与了东湖市垃圾焚烧发电厂渗滤液处理项目一期工程的公开招投标，该项目的采购方为东湖市环境能源投资发展有限公司，中标金额为5,000万元。',
    );
    assert.equal(buyer.records[0]?.甲方?.text, '东湖市环境能源投资发展有限公司');
    const alias = await records(
      [
        '本公司于2016年4月25日在东湖与东湖保税区投资有限公司（以下简称：采购方、保税区公司）及西山飞机公司三方签署了《大部件运输工装夹具供应合同》，合同金额为5.9亿元。',
        '保税区公司与本公司不存在关联关系。',
      ].join('\n'),
      '华北路桥股份有限公司重大合同公告',
    );
    assert.equal(alias.records[0]?.甲方?.text, '东湖保税区投资有限公司');
  });

  it('names a supplement to a contract, numbered or not, rather than the contract it supplements', async () => {
    const title = '华北路桥股份有限公司重大合同公告';
    const numbered = await records(
      '本公司与东湖化学工业公司于2024年3月25日签订了《东湖化肥厂项目合同补充协议 -3 》（以下简称“本补充协议”），合同金额为1.6亿元。',
      title,
    );
    assert.equal(numbered.records[0]?.合同名称?.text, '东湖化肥厂项目合同补充协议 -3');
    const plain = await records(
      '公司与东湖水泥公司签订日产 6000 吨水泥生产线项目合同补充协议，合同总金额1,288万元。',
      title,
    );
    assert.equal(plain.records[0]?.合同名称?.text, '日产 6000 吨水泥生产线项目合同补充协议');
  });

  it('reads our subsidiary in a numbered consortium list (1.本公司所属子公司X、Y联合体中标)', async () => {
    const listed = await records(
      '近日，本公司中标以下重大工程：\n1.本公司所属子公司东湖电气化局集团有限公司、西山电务工程有限公司联合体中标东湖铁路站后工程，中标价5亿元。',
    );
    assert.deepEqual(
      listed.records[0]?.联合体成员?.map((m) => m.text),
      ['西山电务工程有限公司'],
    );
  });

  it('names no contract that is not signed yet, a list of acts, an award confirmation or a consortium agreement', async () => {
    const title = '华北路桥股份有限公司重大合同公告';
    const notYet = await records(
      '截至本公告日，公司尚未与出租方签订项目租赁合同，租赁面积约5,000平方米，年租金约1,200万元。',
      title,
    );
    assert.equal(notYet.records[0]?.合同名称, undefined);
    const later = await records(
      '公司中标东湖水电站工程，中标金额为8亿元，公司将在合同正式签订后另行公告合同内容。',
      title,
    );
    assert.equal(later.records[0]?.合同名称, undefined);
    const acts = await records(
      '授权董事代表公司与相关各方商议、制定、签署、补充、修订及实施与投资项目相关的贷款协议，金额不超过人民币4亿元。',
      title,
    );
    assert.equal(acts.records[0]?.合同名称, undefined);
    const award = await records(
      '公司以2.1亿元竞得东湖新区地块，并与东湖市国土资源局签署了《挂牌成交确认书》。',
      title,
    );
    assert.equal(award.records[0]?.合同名称, undefined);
    const consortium = await records(
      '公司与东湖设计院签订了《联合体缔约协议》，并与东湖城投有限公司签订了《建筑工程施工总承包合同》，合同金额为3亿元。',
      title,
    );
    assert.equal(consortium.records[0]?.合同名称?.text, '建筑工程施工总承包合同');
  });

  it('gives the client by the full name a short one stands for, and takes no 项目公司 for a client', async () => {
    const title = '华北路桥股份有限公司重大合同公告';
    const aliased = await records(
      '公司于近日与东湖中烟工业有限责任公司（以下简称“中烟公司”）签订了《商品房购销合同》，中烟公司购买公司开发的酒店，合同金额为3亿元。',
      title,
    );
    assert.equal(aliased.records[0]?.甲方?.text, '东湖中烟工业有限责任公司');
    const nation = await records(
      '公司与中华人民共和国国家旅游局（以下简称“国家旅游局”）签订了《旅游信息系统建设合同》，合同金额为1亿元。',
      title,
    );
    assert.equal(nation.records[0]?.甲方?.text, '中华人民共和国国家旅游局');
    const spv = await records(
      '社会资本方与政府方出资代表共同注资成立项目公司，由中标人与项目公司签订设计施工总承包合同，合同金额为5亿元。',
      title,
    );
    assert.notEqual(spv.records[0]?.甲方?.text, '项目公司');
  });

  it('ends a project where its name does: a bracket closed on the next line, no alias note, no next label, no 内容为', async () => {
    const open = await records(
      [
        '1、项目名称：东湖生态产业园基础配套设施项目(东湖市龙',
        '安工业区纬七路一期道路工程)',
        '2、中标金额：5,000万元',
      ].join('\n'),
    );
    assert.equal(
      open.records[0]?.项目名称?.text,
      '东湖生态产业园基础配套设施项目(东湖市龙\n安工业区纬七路一期道路工程)',
    );
    const alias = await records(
      '1、项目名称：东湖广场商业项目、西山广场商业项目（以下统称“项目”）\n2、中标金额：5,000万元',
    );
    assert.equal(alias.records[0]?.项目名称?.text, '东湖广场商业项目、西山广场商业项目');
    const label = await records(
      '1、项目名称：东湖新区旅游区建设项目（园林绿化工程设计施工一体化） 2.中标报价\n3、工期：365天\n4、中标金额：5,000万元',
    );
    assert.equal(label.records[0]?.项目名称?.text, '东湖新区旅游区建设项目（园林绿化工程设计施工一体化）');
    const told = await records(
      '公司近日收到中标通知书，中标内容为东湖市海绵城市建设PPP项目，中标金额为5亿元。',
    );
    assert.equal(told.records[0]?.项目名称?.text, '东湖市海绵城市建设PPP项目');
  });

  it('drops 项目招标人 and 全资子公司 before the names they introduce', async () => {
    const sent = await records(
      '公司于2024年8月28日收到项目招标人东湖移动通信有限公司签发的《中标通知书》，确定公司为包一中标人，中标价格为人民币12,122万元。',
    );
    assert.equal(sent.records[0]?.甲方?.text, '东湖移动通信有限公司');
    const formed = await records(
      '公司近日收到东湖水务局发来的《中标通知书》，确认公司与全资子公司东湖园林设计有限公司组成的投标联合体为东湖湿地公园项目的中标单位，中标金额为3,000万元。',
    );
    assert.deepEqual(
      formed.records[0]?.联合体成员?.map((m) => m.text),
      ['东湖园林设计有限公司'],
    );
  });
  it('reads no project, nor its owner, from a pointer to a website (（相关内容详见X网站）)', async () => {
    const sent = await records(
      '近日，公司从东湖电子进出口有限公司获悉，由东湖市财政局组织的东湖照明产品推广项目招标已公示中标结果，公司参与了全部项目的投标且全部中标（相关内容详见东湖电子进出口有限公司网站\nhttp://www.example.com/\n）。',
    );
    assert.ok(sent.records.length > 0);
    for (const r of sent.records) {
      assert.doesNotMatch(r.甲方?.text ?? '', /详见/);
      assert.doesNotMatch(r.项目名称?.text ?? '', /详见/);
    }
  });

  it('reads a project the text calls 本项目 or names in the award it received, with bracketed parts', async () => {
    const alias = await records(
      '公司与东湖建工集团有限公司组成的联合体中标了南湖新城综合管廊PPP项目（二期）（以下简称“本项目”），中标金额为8亿元。',
    );
    assert.equal(alias.records[0]?.项目名称?.text, '南湖新城综合管廊PPP项目（二期）');
    const owned = await records(
      '公司全资子公司东湖智能交通有限公司通过公开招投标方式获得东湖省交通运输厅所属的东湖至西岭高速公路机电工程JD2标段（以下简称“东西高速项目”），中标金额为6,500万元。',
    );
    assert.equal(owned.records[0]?.项目名称?.text, '东湖至西岭高速公路机电工程JD2标段');
    const about = await records(
      '公司近日收到东江交通集团有限公司关于东江快速路二期工程第B3标段项目的中标通知书，合同总价为389,000,000.00元。',
    );
    assert.equal(about.records[0]?.项目名称?.text, '东江快速路二期工程第B3标段项目');
    const pre = await records(
      '公司已于近日接到西岭热电厂2×300MW机组脱硝项目预中标通知，预中标金额为7000万元。',
    );
    assert.equal(pre.records[0]?.项目名称?.text, '西岭热电厂2×300MW机组脱硝项目');
    // the sum won written before the project is no part of its name
    const sum = await records(
      '公司中标了约2.35亿元东湖市南岸区环卫一体化服务项目（以下简称“本项目”），服务期为8年。',
    );
    assert.equal(sum.records[0]?.项目名称?.text, '东湖市南岸区环卫一体化服务项目');
    // the sender of the award is no project though its name ends in a bracket
    const sender = await records(
      '公司于近日收到东湖水利局（EAST LAKE WATER BUREAU）中标通知书，中标金额为1.2亿元。',
    );
    assert.equal(sender.records[0]?.项目名称, undefined);
  });

  it('reads a framework-stock tender as a project, and a count or a note in brackets as none', async () => {
    const stock = await records(
      '公司全资子公司东湖电气有限公司于近日在国家电网公司2024年第一次配网设备协议库存招标项目中被推荐为中标候选人，预计中标金额约为12,000万元。',
    );
    assert.equal(stock.records[0]?.项目名称?.text, '国家电网公司2024年第一次配网设备协议库存招标项目');
    const count = await records(
      '2024年，公司在国家电网公司招标活动中中标两次（含本次），中标总金额为23,000万元。',
    );
    assert.equal(count.records[0]?.项目名称, undefined);
    const note = await records(
      '公司中标西岭电缆采购，中标总数量为600吨（为钢芯铝绞线），中标金额为3,000万元。',
    );
    assert.doesNotMatch(note.records[0]?.项目名称?.text ?? '', /数量/);
  });

  it('takes the words after a bracket closed on the next line, and the project a title names before 中标通知书', async () => {
    const wrapped = await records(
      [
        '现将中标情况公告如下：',
        '1.项目名称：青河大道二期（S2',
        '1、S305连接线）工程监理项目',
        '2.中标价：1,200万元',
      ].join('\n'),
    );
    assert.equal(wrapped.records[0]?.项目名称?.text, '青河大道二期（S2\n1、S305连接线）工程监理项目');
    const titled = await records(
      '公司近日收到西岭县交通运输局发来的《中标通知书》，中标金额为4.6亿元。',
      '华北路桥股份有限公司关于收到西岭县 G318 改建工程 PPP 项目中标通知书的公告',
    );
    assert.equal(titled.records[0]?.项目名称?.text, '西岭县 G318 改建工程 PPP 项目');
    // a title that names a kind of project names none
    const kind = await records(
      '公司近日收到西岭县交通运输局发来的《中标通知书》，中标金额为4.6亿元。',
      '华北路桥股份有限公司关于PPP 项目中标的公告',
    );
    assert.equal(kind.records[0]?.项目名称, undefined);
  });

  it('takes the sender named before 向…下发 as the client, and the counterparty a 交易对方 line discloses', async () => {
    const sent = await records(
      '2024年3月1日，西岭县环境卫生管理局向华北路桥股份有限公司（以下简称“公司”）下发了《西岭县政府采购项目中标通知书》，中标金额为人民币8,000万元。',
    );
    assert.equal(sent.records[0]?.甲方?.text, '西岭县环境卫生管理局');
    const disclosed = await records(
      '公司近日签署西岭港码头扩建工程施工合同，合同金额为人民币2.3亿元。\n本次交易对方为西岭港务集团有限公司，与公司不存在关联关系。',
      '华北路桥股份有限公司重大合同公告',
    );
    assert.equal(disclosed.records[0]?.甲方?.text, '西岭港务集团有限公司');
    // "交易对方为X的全资子公司": X owns the counterparty and is not it
    const owner = await records(
      '公司近日签署西岭港码头扩建工程施工合同，合同金额为人民币2.3亿元。\n由于交易对方为西岭港务集团有限公司（以下简称“港务集团”）的全资子公司，本次交易构成关联交易。',
      '华北路桥股份有限公司重大合同公告',
    );
    assert.notEqual(owner.records[0]?.甲方?.text, '西岭港务集团有限公司');
  });

  it('names a project by the full name the text gives, not the short name it defines', async () => {
    const { text, records: found } = await records(
      '公司参与了“东湖市轨道交通2号线工程站台门设备采购及安装项目”（以下简称“东湖站台门项目”或“项目”）的投标。近日，公司接到东湖市轨道交通有限公司通知，本公司被定为东湖站台门项目的预中标单位，中标金额为6,292万元。',
      '华北路桥股份有限公司关于东湖站台门项目的预中标公告',
    );
    const r = found[0];
    assert.ok(r);
    assert.equal(r.项目名称?.text, '东湖市轨道交通2号线工程站台门设备采购及安装项目');
    assertOffsets(text, r);
  });

  it('takes the lead of a consortium we joined as a partner, with dashes spaced out', async () => {
    const led = await records(
      [
        '公司近日收到西岭县水利局发来的《中标通知书》，确认公司为西岭县水系治理PPP项目的中标联合体，中标金额为人民币9.8亿元。',
        '2、中标联合体：牵头人——西岭水利投资集团有限公司；联合体成员— —东方勘测设计研究院有限公司、华北路桥股份有限公司、西岭水电工程局有限公司',
      ].join('\n'),
    );
    assert.deepEqual(
      led.records[0]?.联合体成员?.map((m) => m.text),
      ['西岭水利投资集团有限公司', '东方勘测设计研究院有限公司', '西岭水电工程局有限公司'],
    );
    const ours = await records(
      [
        '公司近日收到西岭县水利局发来的《中标通知书》，确认公司为西岭县水系治理PPP项目的中标联合体，中标金额为人民币9.8亿元。',
        '2、中标联合体：牵头人——华北路桥股份有限公司；联合体成员——东方勘测设计研究院有限公司',
      ].join('\n'),
    );
    assert.deepEqual(
      ours.records[0]?.联合体成员?.map((m) => m.text),
      ['东方勘测设计研究院有限公司'],
    );
  });

  it("takes the subsidiary introduced as 下属公司 or 本公司下属 as the winner, not another company's 下属", async () => {
    const named = await records(
      '近日，本公司下属西岭市第四建筑有限公司中标东湖国际中心总承包工程，中标价为人民币12.5亿元。',
    );
    assert.equal(named.records[0]?.乙方?.text, '西岭市第四建筑有限公司');
    const firm = await records(
      '华北路桥股份有限公司（以下简称“公司”）下属公司西岭节水装备有限公司（以下简称“西岭节水”）被确定为东湖农田整治项目的中标人，中标金额为人民币1.2亿元。',
    );
    assert.equal(firm.records[0]?.乙方?.text, '西岭节水装备有限公司');
    const theirs = await records(
      '公司中标东湖光伏电站设备采购项目，中标金额为人民币3.2亿元。\n从对手方来看，东方新能源有限公司下属东方新能源香港有限公司与西岭能源的合资公司为项目业主。',
    );
    assert.equal(theirs.records[0]?.乙方?.text, '华北路桥股份有限公司');
  });
});
