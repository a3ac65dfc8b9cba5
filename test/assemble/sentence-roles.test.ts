import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type RecordMention, toRecordMention } from '../../src/assemble/index.js';
import { withSentenceRoles, withWholeNames } from '../../src/assemble/sentence-roles.js';
import { loadEventRoles, type SentenceEvent } from '../../src/link/index.js';

const eventTypes = loadEventRoles();
const ctx = { documentId: 'n', kind: 'news' as const, eventTypes, sentenceStarts: [0] };

/** A model mention of `type` in a one-sentence document, its arguments placed where the sentence has them. */
function mention(type: string, sentenceText: string, args: [role: string, text: string][]): RecordMention {
  const at = (text: string) => {
    const start = sentenceText.indexOf(text);
    assert.ok(start >= 0, `${text} is in the sentence`);
    return { sentence: 0, start, end: start + text.length, text, confidence: 0.9 };
  };
  const info = eventTypes.get(type);
  const event: SentenceEvent = {
    type,
    typeKey: info?.key ?? type,
    trigger: type,
    confidence: 0.9,
    mention: at(args[0]?.[1] ?? ''),
    sentenceText,
    arguments: args.map(([role, text]) => ({
      ...at(text),
      role,
      roleKey: info?.roles.get(role)?.key ?? role,
    })),
  };
  const record = toRecordMention(event, ctx);
  assert.ok(record);
  return record;
}

const filled = (m: RecordMention) =>
  Object.fromEntries(m.arguments.map((a) => [a.documentRole, { text: a.text, start: a.start }]));

describe('roles a mention’s own sentence states', () => {
  it('reads the agreement a news item says two parties signed, with or without book quotes', () => {
    const plain = '11月23日，示例银行与示例置业签署银企战略合作协议，意向融资额度100亿元。';
    const quoted = '示例电池与示例汽车签订《采购框架协议》，约定未来五年的供货安排。';
    const named = (text: string, a: string, b: string) =>
      filled(
        withSentenceRoles(
          mention('签署合同', text, [
            ['sub-org', a],
            ['obj-org', b],
          ]),
          0,
          eventTypes,
        ),
      ).合同名称?.text;
    assert.equal(named(plain, '示例银行', '示例置业'), '银企战略合作协议');
    assert.equal(named(quoted, '示例电池', '示例汽车'), '采购框架协议');
    assert.equal(
      named('示例银行与示例置业举行座谈，双方表示将加强合作。', '示例银行', '示例置业'),
      undefined,
    );
  });

  it('reads the project a bid win names after 中标 or before 中标人', () => {
    const after = '某某路桥近日中标城东快速路二期工程施工项目，中标价3亿元。';
    const a = filled(withSentenceRoles(mention('中标', after, [['sub', '某某路桥']]), 0, eventTypes));
    assert.deepEqual(a.中标标的, { text: '城东快速路二期工程施工项目', start: after.indexOf('城东') });
    const before = '公司被确定为河西片区管网改造项目中标人。';
    const b = filled(withSentenceRoles(mention('中标', before, [['sub', '公司']]), 10, eventTypes));
    assert.deepEqual(b.中标标的, { text: '河西片区管网改造项目', start: 10 + before.indexOf('河西') });
  });

  it('reads the name of a contract its sentence signs, and the project it is named after', () => {
    const quoted =
      '某某钢构公告，公司与某县人民政府签订《某某智能装配基地项目投资合作协议书》，项目总投资约10亿元。';
    const q = filled(
      withSentenceRoles(mention('签署合同', quoted, [['sub-org', '某县人民政府']]), 0, eventTypes),
    );
    assert.equal(q.合同名称?.text, '某某智能装配基地项目投资合作协议书');
    assert.deepEqual(q.项目名称, { text: '某某智能装配基地项目', start: quoted.indexOf('某某智能') });
    const bare = '某某设备有限公司与某矿业公司正式签订2x33MVA镍铁合金项目EPC合同。';
    const b = filled(
      withSentenceRoles(mention('签署合同', bare, [['obj-org', '某某设备有限公司']]), 0, eventTypes),
    );
    assert.equal(b.合同名称?.text, '2x33MVA镍铁合金项目EPC合同');
    assert.equal(b.项目名称?.text, '2x33MVA镍铁合金项目');
    // A name with no project in it gives none.
    const plain = '某某环境与某商业集团签订了《战略合作协议》。';
    const p = filled(
      withSentenceRoles(mention('签署合同', plain, [['sub-org', '某商业集团']]), 0, eventTypes),
    );
    assert.equal(p.合同名称?.text, '战略合作协议');
    assert.equal(p.项目名称, undefined);
  });

  it('names the other side of a signing clause where the model read one side', () => {
    const text =
      '某某光学公告，某某中芯与公司全资子公司浙江某某半导体有限公司签署了《晶圆光路系统委托加工合同》。';
    const m = filled(
      withSentenceRoles(mention('签署合同', text, [['obj-org', '浙江某某半导体有限公司']]), 0, eventTypes),
    );
    assert.deepEqual(m.甲方, { text: '某某中芯', start: text.indexOf('某某中芯') });
    // A clause's opening words or the company itself are no counterparty.
    for (const opening of ['随着公司与某某集团签署合作协议。', '2020年9月公司与某某集团签订框架协议。']) {
      const o = filled(
        withSentenceRoles(mention('签署合同', opening, [['obj-org', '某某集团']]), 0, eventTypes),
      );
      assert.equal(o.甲方, undefined, opening);
    }
  });

  it('keeps the project the model read', () => {
    const text = '某某路桥中标城东快速路二期工程施工项目。';
    const m = mention('中标', text, [['sub', '某某路桥']]);
    m.arguments.push({ ...m.arguments[0], text: '城东快速路', documentRole: '中标标的' } as never);
    assert.equal(withSentenceRoles(m, 0, eventTypes), m);
  });

  it('reads the share of the capital a holder trades, not a holding after the trade', () => {
    const plan = '股东某投资拟减持不超过2.5%的公司股份。';
    const p = filled(withSentenceRoles(mention('减持', plan, [['sub', '某投资']]), 0, eventTypes));
    assert.equal(p.减持部分占总股本比例?.text, '2.5%');
    const done = '某投资通过大宗交易减持公司800万股，占总股本的1.2%。';
    const d = filled(withSentenceRoles(mention('减持', done, [['sub', '某投资']]), 0, eventTypes));
    assert.equal(d.减持部分占总股本比例?.text, '1.2%');
    const stake = '某投资减持其所持股份的10%。';
    const s = filled(withSentenceRoles(mention('减持', stake, [['sub', '某投资']]), 0, eventTypes));
    assert.equal(s.减持部分占所持比例?.text, '10%');
    const after = '某投资减持后持有公司股份，占总股本的4%。';
    const h = filled(withSentenceRoles(mention('减持', after, [['sub', '某投资']]), 0, eventTypes));
    assert.equal(h.减持部分占总股本比例, undefined);
  });

  it('reads the shares a holder trades right after the verb, not a holding after the trade', () => {
    const done = '股东某投资于6月1日至6月5日合计减持368.42万股，占总股本的0.5%。';
    const d = filled(withSentenceRoles(mention('减持', done, [['sub', '某投资']]), 0, eventTypes));
    assert.equal(d['交易股票/股份数量']?.text, '368.42万股');
    const own = '董事王海增持公司股份12.5万股。';
    const o = filled(withSentenceRoles(mention('股东增持', own, [['sub', '王海']]), 0, eventTypes));
    assert.equal(o['交易股票/股份数量']?.text, '12.5万股');
    const after = '某投资减持后仍持有公司2,000万股。';
    const h = filled(withSentenceRoles(mention('减持', after, [['sub', '某投资']]), 0, eventTypes));
    assert.equal(h['交易股票/股份数量'], undefined);
  });

  it('names a holder the model cut to a surname as the sentence writes them', () => {
    const text = '公司副总经理刘多元和董事王海增持了公司股份，合计增持15万股。';
    const m = mention('股东增持', text, [
      ['sub', '刘'],
      ['sub', '王海'],
    ]);
    const named = withWholeNames(m, 0, { documentId: 'n', issuerKey: '300001' });
    assert.deepEqual(
      named.mention.arguments.filter((a) => a.documentRole === '增持方').map((a) => a.text),
      ['刘多元', '王海'],
    );
    assert.deepEqual(
      named.people.map((p) => p.key),
      ['刘多元@300001'],
    );
    const company = mention('股东增持', '某某集团增持公司股份。', [['sub', '某']]);
    assert.equal(withWholeNames(company, 0, { documentId: 'n' }).mention, company);
  });

  it('names an officer the model cut short of the given name that runs up to an honorific', () => {
    const text = '同时公告董事会通过聘任陈某兵先生为总裁的议案。';
    const cut = mention('高管变动', text, [['sub-per', '陈某']]);
    const named = withWholeNames(cut, 0, { documentId: 'n', issuerKey: '600001' });
    assert.deepEqual(
      named.mention.arguments.map((a) => a.text),
      ['陈某兵'],
    );
    // Two characters the sentence ends the name with are the name: nothing to add.
    const whole = mention('高管变动', '董事会聘任王海为总经理，王海先生任期三年。', [['sub-per', '王海']]);
    assert.equal(withWholeNames(whole, 0, { documentId: 'n' }).mention, whole);
    // Without an honorific a longer run of characters is no proof that the model cut the name.
    const run = mention('高管变动', '董事会聘任王海峰、李明为副总经理。', [['sub-per', '王海']]);
    assert.equal(withWholeNames(run, 0, { documentId: 'n' }).mention, run);
  });

  it('names a person the model cut short of the character the document always writes after the reading', () => {
    const text = '董事会审议通过聘任赵伍波为公司总经理。';
    const documentText = `${text}相关人员简历：赵伍波，男，1975年出生。`;
    const cut = mention('高管变动', text, [['sub-per', '赵伍']]);
    const named = withWholeNames(cut, 0, { documentId: 'n', issuerKey: '600001', documentText });
    assert.deepEqual(
      named.mention.arguments.map((a) => a.text),
      ['赵伍波'],
    );
    // Written once, or also written alone, the reading may be the whole name.
    const once = withWholeNames(cut, 0, { documentId: 'n', documentText: text });
    assert.equal(once.mention, cut);
    const alone = withWholeNames(cut, 0, {
      documentId: 'n',
      documentText: `${documentText}赵伍出席了会议，赵伍波主持。`,
    });
    assert.equal(alone.mention, cut);
    // 先 of 先生 is no part of the name, however often the document writes it.
    const sir = mention('高管变动', '王涛先生辞去总经理职务。', [['sub-per', '王涛']]);
    const titled = withWholeNames(sir, 0, {
      documentId: 'n',
      documentText: '王涛先生辞去总经理职务。王涛先生任期内…',
    });
    assert.equal(titled.mention, sir);
  });

  it('reads the stake an acquisition buys after its target', () => {
    const text = '某某科技拟以现金2亿元收购东海精工（以下简称“东海”）60%的股权，交易完成后成为控股子公司。';
    const m = mention('收购', text, [
      ['sub-org', '某某科技'],
      ['obj-org', '东海精工'],
    ]);
    const a = filled(withSentenceRoles(m, 0, eventTypes));
    assert.deepEqual(a.收购标的, {
      text: '东海精工（以下简称“东海”）60%的股权',
      start: text.indexOf('东海精工'),
    });
    const whole = '某某集团收购南山物流全部股权。';
    const w = filled(
      withSentenceRoles(
        mention('收购', whole, [
          ['sub-org', '某某集团'],
          ['obj-org', '南山物流'],
        ]),
        0,
        eventTypes,
      ),
    );
    assert.equal(w.收购标的?.text, '南山物流全部股权');
    const plain = '某某集团完成对南山物流的收购。';
    const p = filled(
      withSentenceRoles(
        mention('收购', plain, [
          ['sub-org', '某某集团'],
          ['obj-org', '南山物流'],
        ]),
        0,
        eventTypes,
      ),
    );
    assert.equal(p.收购标的, undefined);
  });

  it('reads a pledge’s collateral and pledgee as written: 公司股份, the bank before its branch', () => {
    const text = '股东某集团向上海某某银行宜春分行质押公司股份610万股。';
    const m = filled(
      withSentenceRoles(
        mention('质押', text, [
          ['sub-org', '某集团'],
          ['obj-org', '宜春分行'],
          ['collateral', '股份'],
        ]),
        0,
        eventTypes,
      ),
    );
    assert.deepEqual(m.质押物, { text: '公司股份', start: text.indexOf('公司股份') });
    assert.deepEqual(m.质权方, { text: '上海某某银行宜春分行', start: text.indexOf('上海') });
    const subsidiary = '股东某集团质押其控股子公司股份100万股。';
    const s = filled(
      withSentenceRoles(
        mention('质押', subsidiary, [
          ['sub-org', '某集团'],
          ['collateral', '股份'],
        ]),
        0,
        eventTypes,
      ),
    );
    assert.equal(s.质押物?.text, '股份');
  });

  it('reads the post an officer change concerns, the head of a board first, across PDF line breaks', () => {
    const text = '建议补选宋某先生为公司第四届监事 会监事候选人。';
    const m = filled(withSentenceRoles(mention('高管变动', text, [['sub-per', '宋某']]), 0, eventTypes));
    assert.equal(m.高管职位?.text, '监事');
    const two = '刘某女士申请辞去其担任的公司第四届监事会监事、监事会主席职务。';
    const t = filled(withSentenceRoles(mention('高管变动', two, [['sub-per', '刘某']]), 0, eventTypes));
    assert.deepEqual(t.高管职位, { text: '监事会主席', start: two.indexOf('监事会主席') });
  });

  it('reads the shares of a planned trade stated as 减持公司股份数量不超过…', () => {
    const text = '控股股东某某计划减持公司股份数量不超过148万股，即不超过公司总股本的0.9%。';
    const m = filled(withSentenceRoles(mention('减持', text, [['sub', '某某']]), 0, eventTypes));
    assert.equal(m.交易股票, undefined);
    assert.equal(m['交易股票/股份数量']?.text, '148万股');
  });

  it('tells the seller of a stake (收购A持有的B公司股权) from its target', () => {
    const text =
      '公司子公司拟以1418万元收购某某控股集团有限公司（以下简称“某某控股”）持有的南山药业有限公司86.67%股权。';
    const m = mention('收购', text, [
      ['obj-org', '某某控股集团有限公司'],
      ['obj-org', '南山药业有限公司'],
    ]);
    assert.deepEqual(
      m.arguments.filter((a) => a.documentRole === '被收购方').map((a) => a.text),
      ['南山药业有限公司'],
    );
  });
});
