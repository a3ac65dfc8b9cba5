import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAnnouncementHeader } from '../../src/parse/announcement-header.js';

describe('parseAnnouncementHeader', () => {
  it('reads code, short name, number, company, title and signature date', () => {
    const text = [
      '证券代码：603871 证券简称：华辰精密 公告编号：2025-017',
      '华辰精密制造股份有限公司',
      '关于控股股东部分股份质押的公告',
      '本公司董事会及全体董事保证本公告内容不存在任何虚假记载。',
      '公司于2025年3月17日接到通知。',
      '特此公告。',
      '华辰精密制造股份有限公司董事会',
      '2025年3月18日',
    ].join('\n');
    assert.deepEqual(parseAnnouncementHeader(text), {
      securityCodes: [{ label: '证券', code: '603871', exchange: 'SSE' }],
      stockCode: '603871',
      exchange: 'SSE',
      shortName: '华辰精密',
      announcementNo: '2025-017',
      title: '关于控股股东部分股份质押的公告',
      companyName: '华辰精密制造股份有限公司',
      date: '2025-03-18',
    });
  });

  it('reads the company name from a reposted header run into one comma-separated line', () => {
    const text = [
      '示例科技关于监事辞职的公告',
      '证券代码：600000 证券简称：ST 示例 编号：临 2019-031,甘肃示例石化装备股份有限公司,关于监事辞职的公告,',
      '甘肃示例石化装备股份有限公司（以下简称“公司”）监事会近日收到辞职申请。',
    ].join('\n');
    const header = parseAnnouncementHeader(text);
    assert.equal(header?.shortName, 'ST示例');
    assert.equal(header?.companyName, '甘肃示例石化装备股份有限公司');
  });

  it('handles 临-prefixed numbers, ST names, several codes and a title wrapped over two lines', () => {
    const text = [
      'A股代码：600123 A股简称：*ST示例 公告编号：临2024-005',
      'B股代码：900456 B股简称：示例B股',
      '债券代码：155123 债券简称：21示例01',
      '示例集团股份有限公司关于对外投资设立全资子公司并投资建设',
      '产业基地项目的公告',
      '二〇二四年一月五日',
    ].join('\n');
    const header = parseAnnouncementHeader(text);
    assert.equal(header?.stockCode, '600123');
    assert.equal(header?.shortName, '*ST示例');
    // A listing mark set apart by a space is part of the short name, never a name of its own.
    for (const [line, expected] of [
      ['证券代码：000006 证券简称：ST 深物业 公告编号：2001-01', 'ST深物业'],
      ['证券代码：603871 证券简称：*ST\t华辰 公告编号：临2024-005', '*ST华辰'],
    ]) {
      assert.equal(
        parseAnnouncementHeader(`${line}\n示例股份有限公司关于示例的公告\n`)?.shortName,
        expected,
        line,
      );
    }
    assert.equal(header?.announcementNo, '临2024-005');
    assert.deepEqual(
      header?.securityCodes.map((c) => [c.label, c.code]),
      [
        ['A股', '600123'],
        ['B股', '900456'],
        ['债券', '155123'],
      ],
    );
    assert.equal(header?.date, '2024-01-05');
  });

  it('reads Hong Kong headers with 5-digit codes (simplified model text)', () => {
    const text = [
      '香港交易及结算所有限公司及香港联合交易所有限公司对本公告之内容概不负责。',
      '鸿图国际控股有限公司',
      '（于开曼群岛注册成立之有限公司）（股份代号：02368）',
      '须予披露交易 收购深圳市恒睿科技有限公司51%股权',
      '香港，二零二五年七月八日',
    ].join('\n');
    const header = parseAnnouncementHeader(text);
    assert.equal(header?.stockCode, '02368');
    assert.equal(header?.exchange, 'HKEX');
    assert.equal(header?.companyName, '鸿图国际控股有限公司');
    assert.equal(header?.title, '须予披露交易 收购深圳市恒睿科技有限公司51%股权');
    assert.equal(header?.date, '2025-07-08');
  });

  it('reads the title of a restructuring plan wrapped under the company name', () => {
    const text = [
      '证券代码：002999 证券简称：示例新材 上市地点：深圳证券交易所',
      '示例稀土新材料股份有限公司',
      '重大资产置换及发行股份购买资产',
      '并募集配套资金暨关联交易预案',
      '一、重大资产置换及发行股份购买资产交易对方',
      '交易对方名称：示例控股有限公司；住所：深圳市',
    ].join('\n');
    const header = parseAnnouncementHeader(text);
    assert.equal(header?.companyName, '示例稀土新材料股份有限公司');
    assert.equal(header?.title, '重大资产置换及发行股份购买资产并募集配套资金暨关联交易预案');
  });

  it('reads a title with a revision mark and a results flash, never a numbered section heading', () => {
    const head = (title: string) =>
      [
        '证券代码：002999 证券简称：示例药业 公告编号：2019013',
        '示例药业股份有限公司',
        title,
        '本公司及董事会全体成员保证信息披露内容的真实、准确和完整。',
        '一、2018年度主要财务数据和指标',
        '二、经营业绩和财务状况情况说明',
      ].join('\n');
    assert.equal(
      parseAnnouncementHeader(head('关于回购股份的报告书（修订稿）'))?.title,
      '关于回购股份的报告书（修订稿）',
    );
    assert.equal(parseAnnouncementHeader(head('2018年度业绩快报'))?.title, '2018年度业绩快报');
  });

  it('joins the numbered matters of an HKEX title, wrapped lines included, and stops at the body', () => {
    const text = [
      '香港交易及结算所有限公司及香港联合交易所有限公司对本公告的内容概不负责',
      '（股份代号：328）',
      '（于百慕达注册成立之有限公司）',
      '网址： http://www.example.com.hk',
      '(1) 建议股本重组；及',
      '(2) 建议按每持有一 (1) 股经调整股份',
      '获发四 (4) 股供股股份的基准',
      '以非包销基准进行供股',
      '建议股本重组',
      '董事会建议以下列方式进行股本重组：',
    ].join('\n');
    assert.equal(
      parseAnnouncementHeader(text)?.title,
      '建议股本重组；建议按每持有一(1)股经调整股份获发四(4)股供股股份的基准以非包销基准进行供股',
    );
  });

  it('returns null for text without an announcement header', () => {
    assert.equal(parseAnnouncementHeader('今天天气很好。'), null);
  });

  it('ignores codes far below the header', () => {
    const text = `${'正文内容。'.repeat(400)}\n证券代码：600000`;
    assert.equal(parseAnnouncementHeader(text), null);
  });

  it('prefers the date under the board signature over dates in appendices', () => {
    const text = [
      '证券代码：600000 证券简称：示例股份 公告编号：2025-001',
      '关于签署合同的公告',
      '特此公告。',
      '示例股份有限公司董事会',
      '2025年5月20日',
      '附件：合同摘要（签署日期：2025年5月19日，有效期至2026年12月31日）',
    ].join('\n');
    assert.equal(parseAnnouncementHeader(text)?.date, '2025-05-20');
  });

  it('reads the signature date when its year is typeset with a letter O or a circle for zero', () => {
    const signed = (date: string) =>
      [
        '证券代码：600000 证券简称：示例股份 公告编号：2019-008',
        '关于签署合同的公告',
        '本公司于2018年12月31日与对方签署合同。',
        '特此公告。',
        '示例股份有限公司董事会',
        date,
      ].join('\n');
    assert.equal(parseAnnouncementHeader(signed('二O一九年一月二十二日'))?.date, '2019-01-22');
    assert.equal(parseAnnouncementHeader(signed('二 O 一八年四月二十四日'))?.date, '2018-04-24');
    // An annual report's cover: the date under the title, before any date of the company's history.
    const cover = [
      '示例股份有限公司',
      '二○○一年年度报告',
      '二○○二年四月十六日',
      '公司首次注册登记日期：1989年5月25日',
    ];
    assert.equal(parseAnnouncementHeader(['股票代码：000006', ...cover].join('\n'))?.date, '2002-04-16');
  });

  it('cuts a title the text layer ran into the first sentence, under the company name', () => {
    const header = parseAnnouncementHeader(
      [
        '示例股份有限公司',
        '独立董事关于公司对外担保情况的专项说明和独立意见根据《公司法》的规定，我们对公司对外担保情况进行了核查。',
        '独立董事：张三、李四',
        '二 O 一八年八月十六日',
      ].join('\n'),
    );
    assert.equal(header?.companyName, '示例股份有限公司');
    assert.equal(header?.title, '独立董事关于公司对外担保情况的专项说明和独立意见');
    assert.equal(header?.date, '2018-08-16');
  });

  it('reads an HKEX header: a short stock code, the title under it, the signing company and date', () => {
    const text = [
      '香港交易及结算所有限公司及香港联合交易所有限公司对本公告的内容概不负责',
      '（于百慕达注册成立之有限公司）',
      '（ 股份代号：328 ）',
      '独立非执行董事辞任',
      '示例控股有限公司（「本公司」）董事会谨此宣布，某先生辞任独立非执行董事，自二零二五年九月三日起生效。',
      '承董事会命',
      'Example Holdings Limited',
      '公司秘书',
      '香港，二零二五年九月三日',
    ].join('\n');
    const header = parseAnnouncementHeader(text);
    assert.equal(header?.stockCode, '00328');
    assert.equal(header?.exchange, 'HKEX');
    assert.equal(header?.title, '独立非执行董事辞任');
    assert.equal(header?.companyName, 'Example Holdings Limited');
    assert.equal(header?.date, '2025-09-03');
  });

  it('reads an annual report: the company on its cover and the codes of its 公司信息 table', () => {
    const filler = '公司董事会、监事会及董事保证年度报告内容的真实、准确、完整。\n'.repeat(60);
    const text = [
      '浙江示例药业股份有限公司',
      '2019 年年度报告',
      '2020 年 01 月',
      '第一节重要提示、目录和释义',
      filler,
      '第二节公司简介和主要财务指标',
      '一、公司信息',
      '股票简称；示例药业；股票代码；002099',
      '公司的中文名称；浙江示例药业股份有限公司',
    ].join('\n');
    const header = parseAnnouncementHeader(text);
    assert.equal(header?.companyName, '浙江示例药业股份有限公司');
    assert.equal(header?.title, '2019 年年度报告');
    assert.equal(header?.stockCode, '002099');
    assert.equal(header?.shortName, '示例药业');
  });

  it('reads both codes of an A+B company from its 公司信息 table row', () => {
    const text = [
      '示例股份有限公司',
      '2019 \t年度报告',
      '第二节公司简介和主要财务指标',
      '一、公司信息',
      '股票简称；示例A、示例B；股票代码；000570、200570',
    ].join('\n');
    const header = parseAnnouncementHeader(text);
    assert.deepEqual(
      header?.securityCodes.map((c) => c.code),
      ['000570', '200570'],
    );
    assert.equal(header?.stockCode, '000570');
    assert.equal(header?.shortName, '示例A');
  });

  it('reads the A and B codes of an older annual report (股票简称及代码), and no codes without a report cover', () => {
    const body = ['11 \t股票简称及代码 \t示例 A 000002', '示例 B 200002', '12 \t公司首次注册登记日期'];
    const header = parseAnnouncementHeader(['2001 年年度报告', '重要提示', ...body].join('\n'));
    assert.deepEqual(
      header?.securityCodes.map((c) => c.code),
      ['000002', '200002'],
    );
    assert.equal(header?.shortName, '示例A');
    assert.equal(parseAnnouncementHeader(['董事会决议', ...body].join('\n'))?.stockCode, undefined);
  });
});
