import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type AssembleContext,
  mergeRecordMentions,
  type RecordMention,
  toRecordMention,
} from '../../src/assemble/index.js';
import { withSentenceRoles } from '../../src/assemble/sentence-roles.js';
import { type LinkedEvent, loadEventRoles, type SentenceEvent } from '../../src/link/index.js';
import { mention } from '../support/record-mentions.js';

const eventTypes = loadEventRoles();
const issuer = {
  key: '603871',
  label: 'Company' as const,
  name: '华辰精密制造股份有限公司',
  shortNames: ['华辰精密'],
};

function pledge(
  sentence: number,
  pledgor: string,
  sentenceText: string,
  extra: SentenceEvent['arguments'] = [],
) {
  return {
    type: '质押',
    typeKey: 'pledge',
    trigger: '质押',
    confidence: 0.9 - sentence / 100,
    mention: { sentence, start: sentence * 100, end: sentence * 100 + 2, text: '质押', confidence: 0.9 },
    sentenceText,
    arguments: [
      {
        sentence,
        start: sentence * 100 + 5,
        end: sentence * 100 + 8,
        text: pledgor,
        confidence: 0.8,
        role: 'sub-per',
        roleKey: 'pledgor person',
        entityKey: `${pledgor}@603871`,
        label: 'Person' as const,
      },
      ...extra,
    ],
  } satisfies SentenceEvent;
}

/** Sentence i starts at i * 100, as the mentions below are placed. */
const sentenceStarts = Array.from({ length: 10 }, (_, i) => i * 100);

function mergeDocumentEvents(
  events: SentenceEvent[],
  ctx: Omit<AssembleContext, 'sentenceStarts'>,
): LinkedEvent[] {
  const full = { ...ctx, sentenceStarts };
  const mentions = events
    .map((e) => toRecordMention(e, full))
    .filter((m): m is RecordMention => m !== undefined);
  return mergeRecordMentions(mentions, full);
}

describe('document-level records', () => {
  it('merges the mentions of one announcement event and keeps every sentence as provenance', () => {
    const amount = {
      sentence: 2,
      start: 210,
      end: 215,
      text: '1,800万',
      confidence: 0.7,
      role: 'number',
      roleKey: 'pledged quantity',
      value: '18000000 shares',
    };
    const events = mergeDocumentEvents(
      [
        pledge(0, '周建平', '关于控股股东股份质押的公告'),
        pledge(2, '周建平', '周建平将其持有的1,800万股质押给某证券。', [amount]),
      ],
      { documentId: 'd', kind: 'announcement', publishedAt: '2025-03-18', issuer, eventTypes },
    );
    assert.equal(events.length, 1);
    const [event] = events;
    assert.deepEqual(
      event?.mentions.map((m) => m.sentence),
      [0, 2],
    );
    assert.equal(event?.shares, 18_000_000);
    assert.equal(
      event?.arguments.filter((a) => a.role === 'sub-per').length,
      1,
      'the pledgor is not repeated',
    );
  });

  it('keeps events apart when they name different parties in the same role', () => {
    const events = mergeDocumentEvents(
      [pledge(1, '周建平', '周建平质押了股份。'), pledge(3, '李明华', '李明华质押了股份。')],
      { documentId: 'd', kind: 'announcement', issuer, eventTypes },
    );
    assert.equal(events.length, 2);
    assert.deepEqual(
      events.map((e) => e.id),
      ['d:e0', 'd:e1'],
    );
  });

  it('dates an event by the announcement when the text says 今日, and marks it inferred; 近日 states no day', () => {
    const dated = (text: string) =>
      mergeDocumentEvents([pledge(1, '周建平', text)], {
        documentId: 'd',
        kind: 'announcement',
        publishedAt: '2025-03-18',
        issuer,
        eventTypes,
      })[0];
    const today = dated('公司今日接到控股股东周建平的通知，其股份已质押。');
    assert.equal(today?.date, '2025-03-18');
    assert.equal(today?.arguments.find((a) => a.role === 'date')?.inferred, true);
    const lately = dated('公司近日接到控股股东周建平的通知，其股份已质押。');
    assert.equal(lately?.date, undefined);
  });

  it('fills the issuer as the actor when the sentence says 公司 and no actor was read', () => {
    const bid = {
      type: '中标',
      typeKey: 'bid win',
      trigger: '中标',
      confidence: 0.9,
      mention: { sentence: 0, start: 10, end: 12, text: '中标', confidence: 0.9 },
      sentenceText: '公司于近日收到中标通知书。',
      arguments: [],
    } satisfies SentenceEvent;
    const [event] = mergeDocumentEvents([bid], { documentId: 'd', kind: 'announcement', issuer, eventTypes });
    const actor = event?.arguments.find((a) => a.documentRole === '中标公司');
    assert.equal(actor?.entityKey, '603871');
    assert.equal(actor?.inferred, true);
  });

  it('merges news mentions only when they share a party; figures alone join the record before them', () => {
    const pledgee = (sentence: number) => ({
      sentence,
      start: sentence * 100 + 20,
      end: sentence * 100 + 24,
      text: '某某银行',
      confidence: 0.8,
      role: 'obj-org',
      roleKey: 'pledgee org',
      entityKey: 'name:某某银行',
      label: 'Company' as const,
    });
    const shares = {
      sentence: 0,
      start: 10,
      end: 14,
      text: '100万',
      confidence: 0.7,
      role: 'number',
      roleKey: 'pledged quantity',
    };
    const apart = mergeDocumentEvents(
      [
        pledge(0, '周建平', '周建平质押了100万股。', [shares]),
        { ...pledge(1, 'x', '另一笔质押。'), arguments: [pledgee(1)] },
      ],
      { documentId: 'd', kind: 'news', eventTypes },
    );
    assert.equal(apart.length, 2);
    const figures = {
      ...pledge(1, 'x', '质押500万股。'),
      arguments: [
        {
          sentence: 1,
          start: 102,
          end: 106,
          text: '500万',
          confidence: 0.7,
          role: 'number',
          roleKey: 'pledged quantity',
        },
      ],
    };
    const joined = mergeDocumentEvents([pledge(0, '周建平', '周建平质押了股份。'), figures], {
      documentId: 'd',
      kind: 'news',
      eventTypes,
    });
    assert.equal(joined.length, 1);
    assert.equal(joined[0]?.shares, 5_000_000);
  });
});

/** A sentence event whose arguments are placed where their text stands in the sentence (sentence 0). */
const event = (
  type: string,
  sentenceText: string,
  trigger: string,
  args: [role: string, text: string, company?: string][],
) => mention(type, 0, sentenceText, trigger, args);

const roles = (e: LinkedEvent | undefined) =>
  Object.fromEntries((e?.arguments ?? []).filter((a) => a.documentRole).map((a) => [a.documentRole, a.text]));

describe('record roles read from the wording', () => {
  const ctx = {
    documentId: 'd',
    kind: 'announcement' as const,
    publishedAt: '2025-03-18',
    issuer,
    eventTypes,
  };

  it('keeps running totals and after-event holdings off the record, and tells the base of a ratio', () => {
    const text =
      '周建平将其持有的1,800万股质押给某证券，占其所持股份的14.20%；本次质押后，周建平累计质押3,600万股，占其所持股份的28.40%。';
    const [record] = mergeDocumentEvents(
      [
        event('质押', text, '质押', [
          ['sub-per', '周建平', 'p'],
          ['number', '1,800万股'],
          ['proportion', '14.20%'],
          ['number', '3,600万股'],
          ['proportion', '28.40%'],
        ]),
      ],
      ctx,
    );
    assert.equal(record?.shares, 18_000_000);
    assert.equal(roles(record).质押物占持股比, '14.20%');
    assert.ok(!record?.arguments.some((a) => a.text === '3,600万股' || a.text === '28.40%'));
  });

  it('keeps the sum of this pledge’s tranches, told with its pledgee, but not a holder group’s total', () => {
    const text =
      '股东某集团向某银行合计质押610.0万股，占总股本0.36%；某集团与其一致行动人被质押股份合计2.58亿股。';
    const [record] = mergeDocumentEvents(
      [
        event('质押', text, '质押', [
          ['sub-org', '某集团'],
          ['number', '610.0万股'],
          ['proportion', '0.36%'],
          ['number', '2.58亿股'],
        ]),
      ],
      ctx,
    );
    assert.equal(record?.shares, 6_100_000);
    assert.equal(roles(record).质押物占总股比, '0.36%');
    assert.ok(!record?.arguments.some((a) => a.text === '2.58亿股'));
  });

  it('records a release of a pledge as 解除质押, with the issuer as the pledged shares’ company', () => {
    const text = '公司近日接到股东周建平通知，其质押给某证券的1,200万股已办理解除质押手续。';
    const [record] = mergeDocumentEvents(
      [
        event('质押', text, '质押', [
          ['sub-per', '周建平', 'p'],
          ['number', '1,200万股'],
        ]),
      ],
      ctx,
    );
    assert.equal(record?.documentType, '解除质押');
    assert.equal(roles(record).质押物所属公司, '华辰精密制造股份有限公司');
    assert.equal(roles(record).披露时间, '2025-03-18');
  });

  it('reads no release in a pledge still outstanding or in a pledge risk being resolved', () => {
    const typeOf = (text: string) =>
      toRecordMention(event('质押', text, '质押', [['sub-per', '周建平', 'p']]), {
        ...ctx,
        kind: 'news',
        sentenceStarts,
      })?.documentType;
    // Both are standing pledges: no release, and no new pledge either.
    assert.equal(typeOf('周建平仍有未解押的股票质押1,200万股。'), undefined);
    assert.equal(typeOf('周建平正与质权人协商化解质押的公司股份面临的平仓风险。'), undefined);
    assert.equal(typeOf('周建平近日解除质押1,200万股。'), '解除质押');
  });

  it('tells the pledge from the release when one title announces both', () => {
    const title = '关于控股股东部分股份质押及解除质押的公告';
    const pledgeMention = event('质押', title, '质押', []);
    const release = { ...pledgeMention, mention: { ...pledgeMention.mention, start: 15, end: 17 } };
    const types = [pledgeMention, release].map(
      (e) => toRecordMention(e, { ...ctx, sentenceStarts })?.documentType,
    );
    assert.deepEqual(types, ['质押', '解除质押']);
  });

  it('records a penalty the model read as a lawsuit as 行政处罚, the punished party as 处罚对象', () => {
    const text = '某某监管分局公布的信息显示，青川支付服务有限公司因违法行为被处以罚款520万元。';
    const [record] = mergeDocumentEvents(
      [event('起诉', text, '违法行为', [['obj-org', '青川支付服务有限公司', 'name:青川支付服务有限公司']])],
      { ...ctx, kind: 'news' },
    );
    assert.equal(record?.documentType, '行政处罚');
    assert.equal(roles(record).处罚对象, '青川支付服务有限公司');
    const lawsuit = '公司就合同纠纷向法院起诉青川支付服务有限公司。';
    const [suit] = mergeDocumentEvents(
      [event('起诉', lawsuit, '起诉', [['obj-org', '青川支付服务有限公司', 'c']])],
      ctx,
    );
    assert.equal(suit?.documentType, '起诉');
  });

  it("reads no penalty out of a regulator's tally of penalties or a notice of one proposed", () => {
    const penalty = (text: string, party: string) =>
      toRecordMention(event('起诉', text, '罚款', [['obj-org', party]]), {
        ...ctx,
        kind: 'news',
        sentenceStarts,
      })?.documentType;
    // Many penalties added up (a year's tally, a bulletin of cases) tell none of them.
    assert.equal(
      penalty('2021年，全国共下达环境行政处罚决定书13.28万份，罚款总计116.87亿元。', '全国'),
      undefined,
    );
    assert.equal(
      penalty('本次通报的10起案例涉及外汇局处罚的2家企业，最高罚款740.9万元。', '2家企业'),
      undefined,
    );
    assert.equal(
      penalty('某某科技有限公司收到行政处罚事先告知书，拟被罚款60万元。', '某某科技有限公司'),
      undefined,
    );
    // One penalty's own sum (合计处罚金额) and a group punished together stay events.
    assert.equal(
      penalty(
        '因某某支付有限公司违反规定，对其给予警告，并处罚款2229.6万元，合计处罚金额4447.2万元。',
        '某某支付有限公司',
      ),
      '行政处罚',
    );
    assert.equal(penalty('市场监管局对6家校外培训机构分别处以罚款50万元。', '6家校外培训机构'), '行政处罚');
  });

  it("records a fine a court imposes as 判决, not as a regulator's penalty", () => {
    const text = '示例市人民法院判决李某犯单位行贿罪，判处有期徒刑一年，并处罚金人民币五十万元。';
    const [record] = mergeDocumentEvents(
      [
        event('行政处罚', text, '判处', [
          ['institution', '示例市人民法院'],
          ['obj', '李某', 'p'],
        ]),
      ],
      { ...ctx, kind: 'news' },
    );
    assert.equal(record?.documentType, '判决');
    assert.equal(roles(record).法院, '示例市人民法院');
    assert.equal(roles(record).被告, '李某');
    const fine = '示例证监局对李某处以罚款五十万元。';
    const [penalty] = mergeDocumentEvents(
      [
        event('行政处罚', fine, '罚款', [
          ['institution', '示例证监局'],
          ['obj', '李某', 'p'],
        ]),
      ],
      { ...ctx, kind: 'news' },
    );
    assert.equal(penalty?.documentType, '行政处罚');
  });

  it('keeps apart the records of two parties named in the same role even when neither is linked', () => {
    const text = '对甲乙科技有限公司给予警告；对丙丁实业有限公司给予警告。';
    const mention = (name: string) => event('起诉', text, '警告', [['obj-org', name]]);
    const records = mergeDocumentEvents([mention('甲乙科技有限公司'), mention('丙丁实业有限公司')], ctx);
    assert.deepEqual(
      records.map((r) => roles(r).处罚对象),
      ['甲乙科技有限公司', '丙丁实业有限公司'],
    );
  });

  it("reads buying an unlisted company's equity as one acquisition, and subscribing a placing as financing", () => {
    const text = '示例股份拟现金收购某某工具有限公司51%的股权。';
    const records = mergeDocumentEvents(
      [
        event('投资', text, '收购', [
          ['sub', '示例股份', 'x'],
          ['obj', '某某工具有限公司', 'y'],
        ]),
        event('股份股权转让', text, '收购', [
          ['obj-org', '示例股份', 'x'],
          ['target-company', '某某工具有限公司', 'y'],
          ['proportion', '51%'],
        ]),
      ],
      { ...ctx, kind: 'news' },
    );
    assert.deepEqual(
      records.map((r) => [r.documentType, roles(r).收购方, roles(r).被收购方]),
      [['企业收购', '示例股份', '某某工具有限公司']],
    );
    // The model's 投资 on the word 收购 itself, with no equity named: still the acquisition (in an announcement;
    // outside one a buyer named alone is no record, lone-roles.test.ts).
    const told = '对于此次收购，示例股份表示将有利于扩大产能。';
    const [bought] = mergeDocumentEvents([event('投资', told, '收购', [['sub', '示例股份', 'x']])], {
      ...ctx,
      kind: 'announcement',
    });
    assert.deepEqual([bought?.documentType, roles(bought).收购方], ['企业收购', '示例股份']);
    const placing = '本次非公开发行的特定对象为甲基金，认购金额3500万元。';
    const [financing] = mergeDocumentEvents(
      [event('股份股权转让', placing, '认购', [['obj-org', '甲基金', 'f']])],
      ctx,
    );
    assert.equal(financing?.documentType, '企业融资');
    assert.equal(roles(financing).投资方, '甲基金');
    const transfer = '股东甲受让乙持有的公司5%股份。';
    const [kept] = mergeDocumentEvents(
      [event('股份股权转让', transfer, '受让', [['obj-org', '股东甲', 'a']])],
      ctx,
    );
    assert.equal(kept?.documentType, '股份股权转让');
  });

  it("reads an investment in a company's new equity (a round, preferred shares) as that company's financing", () => {
    const round = '示例资本、某某创投分别出资1000万美元，认购某某生物公司发行的B轮优先股。';
    const [financing] = mergeDocumentEvents(
      [
        event('投资', round, '认购', [
          ['sub', '示例资本', 'a'],
          ['obj', '某某生物公司', 'b'],
          ['money', '1000万美元'],
        ]),
      ],
      { ...ctx, kind: 'news' },
    );
    assert.deepEqual(
      [
        financing?.documentType,
        roles(financing).投资方,
        roles(financing).被投资方,
        roles(financing).融资金额,
      ],
      ['企业融资', '示例资本', '某某生物公司', '1000万美元'],
    );
    // Putting money into a fund or a joint venture stays the investor's 投资 (the story's own company's).
    const fund = '华辰精密拟以自有资金1.9亿元投资某某医疗产业基金。';
    const [invested] = mergeDocumentEvents(
      [
        event('投资', fund, '投资', [
          ['sub', '华辰精密', issuer.key],
          ['obj', '某某医疗产业基金', 'b'],
        ]),
      ],
      { ...ctx, kind: 'news' },
    );
    assert.equal(invested?.documentType, '投资');
    // A fund manager buying stocks is a market flow, no investment.
    const flow = '基金经理葛某四季度买入某某医疗、某某药业。';
    assert.equal(
      toRecordMention(event('投资', flow, '买入', [['obj', '某某医疗']]), {
        ...ctx,
        kind: 'news',
        sentenceStarts,
      }),
      undefined,
    );
  });

  it('drops a model fragment that names nobody: figures and "股份" alone are no pledge', () => {
    const text = '其所持部分股份已质押。';
    const { issuer: _, ...withoutIssuer } = ctx;
    const records = mergeDocumentEvents([event('质押', text, '质押', [['collateral', '股份']])], {
      ...withoutIssuer,
      kind: 'news',
    });
    assert.deepEqual(records, []);
  });

  it('keeps a loss the rules read from fixed wording with its figure alone, not the same figure read by the model', () => {
    const text = '报告期内实现净亏损1.2亿元。';
    const { issuer: _, ...withoutIssuer } = ctx;
    const news = { ...withoutIssuer, kind: 'news' as const, sentenceStarts };
    const fragment = toRecordMention(event('亏损', text, '亏损', [['money', '1.2亿元']]), news);
    assert.ok(fragment);
    assert.deepEqual(mergeRecordMentions([fragment], news), []);
    const [record] = mergeRecordMentions([{ ...fragment, fixedWording: true }], news);
    assert.equal(roles(record).净亏损, '1.2亿元');
  });

  it("keeps the period's plain net loss, not a surer reading of the adjusted (扣非) one", () => {
    const news = { documentId: 'd', kind: 'news' as const, eventTypes, sentenceStarts };
    const plain = {
      ...mention('亏损', 1, '净利润亏损57.04万元，同比减少110.62%；', '57.04万元', [['money', '57.04万元']]),
      confidence: 0.84,
    };
    const adjusted = {
      ...mention('亏损', 2, '扣非后净利润亏损326.51万元，同比减少207.49%。', '326.51万元', [
        ['money', '326.51万元'],
      ]),
      confidence: 0.88,
    };
    const both = [plain, adjusted]
      .map((e) => toRecordMention(e, news))
      .filter((m): m is RecordMention => m !== undefined)
      .map((m) => ({ ...m, fixedWording: true as const }));
    const [record] = mergeRecordMentions(both, news);
    assert.equal(roles(record).净亏损, '57.04万元');
    // Stated alone, the adjusted figure is the loss.
    const [alone] = mergeRecordMentions(both.slice(1), news);
    assert.equal(roles(alone).净亏损, '326.51万元');
  });

  it('merges the Traditional and Simplified spellings of one officer into one record with one name', () => {
    const written = event('高管变动', '鄧超文已辭任獨立非執行董事。', '辭任', [
      ['sub-per', '鄧超文'],
      ['way', '辭任'],
    ]);
    const read = event('高管变动', '邓超文辞任独立非执行董事。', '辞任', [
      ['sub-per', '邓超文', 'person:邓超文'],
    ]);
    const records = mergeDocumentEvents([written, read], ctx);
    assert.equal(records.length, 1);
    assert.equal(records[0]?.arguments.filter((a) => a.documentRole === '高管姓名').length, 1);
  });

  it('reads no officer change out of a board list or a signature block, only where a change is stated', () => {
    const { issuer: _, ...withoutIssuer } = ctx;
    const news = { ...withoutIssuer, kind: 'news' as const, sentenceStarts };
    const officer = (text: string) =>
      toRecordMention(
        event('高管变动', text, '张伟', [
          ['sub-per', '张伟'],
          ['title', '执行董事'],
        ]),
        news,
      );
    assert.equal(officer('于本公告日期，董事会成员包括执行董事张伟及独立非执行董事李娜。'), undefined);
    assert.equal(officer('张伟因个人原因辞任执行董事。')?.documentType, '高管变动');
  });

  it('reads no officer change out of a change of government posts or a proxy', () => {
    const news = { ...ctx, kind: 'news' as const, sentenceStarts };
    const post = (text: string, who: string) =>
      toRecordMention(event('高管变动', text, who, [['sub-per', who]]), news)?.documentType;
    assert.equal(post('会议决定，接受王某辞去某市人民政府副市长职务。', '王某'), undefined);
    assert.equal(post('首相的幕僚长Dan Rosenfield在周四晚间辞职。', 'Dan Rosenfield'), undefined);
    assert.equal(post('总统托卡耶夫接受政府辞职，任命第一副总理为代理总理。', '托卡耶夫'), undefined);
    // A company officer named beside a public post is still a company's change.
    assert.equal(post('远山科技公告，前副市长张伟获聘为公司独立董事。', '张伟'), '高管变动');
    // A circular's meeting rules appoint proxies, not officers.
    assert.equal(post('由股東之委任代表之人張偉提出之要求，將被視為由股東提出。', '張偉'), undefined);
  });

  it('puts the issuer on the contractor side of a contract the wording had the other way round', () => {
    const text = '公司与某建设集团有限公司签订了工程施工合同，合同金额为1.2亿元。';
    const [record] = mergeDocumentEvents(
      [
        event('签署合同', text, '签订', [
          ['sub-org', '公司', '603871'],
          ['obj-org', '某建设集团有限公司', 'name:某建设集团有限公司'],
          ['amount', '1.2亿元'],
        ]),
      ],
      ctx,
    );
    assert.equal(roles(record).乙方, '公司');
    assert.equal(roles(record).甲方, '某建设集团有限公司');
    assert.equal(record?.amount, 120_000_000);
  });

  it('reads no pledge out of a holding status: as of a date, from a periodic report, or an earlier filing', () => {
    const news = { ...ctx, kind: 'news' as const, sentenceStarts };
    const pledged = (text: string) =>
      toRecordMention(
        event('质押', text, '质押', [
          ['sub-org', '远山投资'],
          ['number', '900万股'],
        ]),
        news,
      );
    assert.equal(pledged('截至今年三季度末，远山投资已质押所持公司股份900万股。'), undefined);
    assert.equal(pledged('据远山科技一季报显示，第一大股东远山投资质押900万股。'), undefined);
    assert.equal(pledged('远山科技2019年5月一则公告显示，远山投资将900万股质押给某信托。'), undefined);
    assert.equal(pledged('前十大股东中，远山投资等五名股东存在股份质押，共900万股。'), undefined);
    assert.equal(pledged('远山投资于3月5日将900万股质押给某信托。')?.documentType, '质押');
  });

  it('reads no judgement out of a ruling asked for or waited for, and no representative as a party', () => {
    const asked = '原告向法院提起诉讼，请求判决被告支付货款200万元。';
    const ruling = (text: string, trigger: string) =>
      toRecordMention(event('判决', text, trigger, [['obj-org', '被告']]), { ...ctx, sentenceStarts });
    assert.equal(ruling(asked, '判决'), undefined);
    assert.equal(ruling('该案已于5月8日开庭，目前等待判决结果，被告暂未付款。', '判决'), undefined);
    assert.equal(ruling('法院判决被告支付货款200万元。', '判决')?.documentType, '判决');

    const list =
      '原告：星河建设有限公司，法定代表人：王大明；被告：远山科技股份有限公司，法定代表人：李小华。';
    const [suit] = mergeDocumentEvents(
      [
        event('起诉', list, '原告', [
          ['sub-org', '星河建设有限公司'],
          ['sub-per', '王大明'],
          ['obj-org', '远山科技股份有限公司'],
          ['obj-per', '李小华'],
        ]),
      ],
      ctx,
    );
    assert.deepEqual(
      suit?.arguments
        .filter((a) => a.documentRole === '原告' || a.documentRole === '被告')
        .map((a) => a.text),
      ['星河建设有限公司', '远山科技股份有限公司'],
    );
  });

  it('reads no share transfer out of selling projects, though the seller holds 控股 in its name', () => {
    const sold = (text: string) =>
      toRecordMention(event('股份股权转让', text, '出售', [['sub-org', '远山控股']]), {
        ...ctx,
        kind: 'news',
        sentenceStarts,
      });
    assert.equal(sold('7月10日，远山控股再次出售3个地产项目，回笼资金20亿元。'), undefined);
    assert.equal(sold('7月10日，远山控股出售所持星河电子30%股权。')?.documentType, '股份股权转让');
  });

  it('reads no officer change out of a re-election, a biography or a director’s fee', () => {
    const officer = (text: string) =>
      toRecordMention(event('高管变动', text, '张伟', [['sub-per', '张伟']]), { ...ctx, sentenceStarts });
    assert.equal(officer('张伟先生将于股东周年大会轮席退任，并将膺选连任。'), undefined);
    assert.equal(officer('张伟先生，42岁，于2023年获委任为执行董事。'), undefined);
    assert.equal(officer('根据委任函，张伟先生获委任为非执行董事，每月董事袍金为10万港元。'), undefined);
    assert.equal(officer('张伟先生获委任为执行董事，自2025年7月1日起生效。')?.documentType, '高管变动');
  });

  it('keeps a contract the model read with nobody on the other side and no terms off the records', () => {
    const policy = '本行与关联方按一般商业原则订立交易条款。';
    const none = mergeDocumentEvents(
      [event('签署合同', policy, '订立', [['obj-org', '本行', '603871']])],
      ctx,
    );
    assert.equal(none.length, 0);
    const signed = '公司与某建设集团有限公司签订了施工合同。';
    const kept = mergeDocumentEvents(
      [
        event('签署合同', signed, '签订', [
          ['sub-org', '某建设集团有限公司', 'name:某建设集团有限公司'],
          ['obj-org', '公司', '603871'],
        ]),
      ],
      ctx,
    );
    assert.equal(kept.length, 1);
  });

  it('puts a party introduced as a subsidiary on the listed company’s side of an agreement', () => {
    const text = '公司全资子公司远山创科有限公司与星河投资有限公司签署一份合作谅解备忘录。';
    const [record] = mergeDocumentEvents(
      [
        event('签署合同', text, '签署', [
          ['sub-org', '远山创科有限公司'],
          ['obj-org', '星河投资有限公司'],
        ]),
      ],
      ctx,
    );
    assert.equal(roles(record).乙方, '远山创科有限公司');
    assert.equal(roles(record).甲方, '星河投资有限公司');
  });

  it('gives one officer record per person, with the issuer as their company and the change, not the post held', () => {
    const text = '公司监事会同意补选王海和李江为公司监事，原担任监事的张伟辞去监事职务。';
    const records = mergeDocumentEvents(
      [
        event('高管变动', text, '补选', [
          ['sub-per', '王海'],
          ['sub-per', '李江'],
          ['title', '监事'],
          ['way', '补选'],
          ['way', '担任'],
        ]),
      ],
      ctx,
    );
    assert.deepEqual(
      records.map((r) => roles(r).高管姓名),
      ['王海', '李江'],
    );
    for (const r of records) {
      assert.equal(roles(r).任职公司, issuer.name);
      assert.deepEqual(
        r.arguments.filter((a) => a.documentRole === '变动类型').map((a) => a.text),
        ['补选'],
      );
    }
  });

  it("reads an outlet's dateline as no date of the event, and a notice's day as the disclosure date", () => {
    const text = '1月19日讯，某某公司公告，其股东周建平质押了600万股。';
    const pledge = (sentence: string, date: string, noticeDate?: string) =>
      mergeDocumentEvents(
        [
          event('质押', sentence, '质押', [
            ['sub-per', '周建平', 'p'],
            ['date', date],
            ['number', '600万股'],
          ]),
        ],
        { ...ctx, kind: 'news', publishedAt: undefined, ...(noticeDate ? { noticeDate } : {}) },
      )[0];
    const datelined = pledge(text, '1月19日');
    assert.deepEqual(
      datelined?.arguments.filter((a) => a.text === '1月19日'),
      [],
    );
    const noticed = pledge('某某公司1月19日晚间公告，其股东周建平质押了600万股。', '1月19日', '1月19日');
    assert.equal(roles(noticed).披露时间, '1月19日');
    // The model's date can take the 晚 of 晚间 in: still the notice's day, given whole by the notice date.
    const evening = pledge('某某公司1月19日晚间公告，其股东周建平质押了600万股。', '1月19日晚', '1月19日');
    assert.equal(roles(evening).披露时间, '1月19日');
    assert.ok(!evening?.arguments.some((a) => a.text === '1月19日晚'));
  });

  it('reads the day a reduction plan was put forward or a holder’s letter received as no day of the trade', () => {
    const reduction = (sentence: string, date: string) =>
      mergeDocumentEvents(
        [
          event('减持', sentence, '减持', [
            ['sub', '周建平', 'p'],
            ['date', date],
            ['number', '152万股'],
          ]),
        ],
        { ...ctx, kind: 'news', publishedAt: undefined },
      )[0];
    const planned = reduction(
      '2021年8月13日，某某公司股东周建平提出减持计划，拟减持不超过152万股。',
      '2021年8月13日',
    );
    assert.equal(roles(planned).交易完成时间, undefined);
    const letter = reduction(
      '公司于2021年1月21日收到周建平出具的告知函，周建平已减持152万股。',
      '2021年1月21日',
    );
    assert.equal(roles(letter).交易完成时间, undefined);
    const completed = reduction(
      '截至2021年12月31日，公司股东周建平本次减持计划实施完毕，共减持152万股。',
      '2021年12月31日',
    );
    assert.equal(roles(completed).交易完成时间, '2021年12月31日');
    const done = reduction('周建平于2021年1月21日通过集中竞价减持152万股。', '2021年1月21日');
    assert.equal(roles(done).交易完成时间, '2021年1月21日');
  });

  it('writes the issuer as its officer’s company with its full name where the sentence gives the short name', () => {
    const text = '华辰精密董事会近日收到副总经理王海提交的书面辞职报告。';
    const [record] = mergeDocumentEvents(
      [
        event('高管变动', text, '辞职', [
          ['sub-per', '王海'],
          ['target-company', '华辰精密', issuer.key],
          ['title', '副总经理'],
          ['way', '辞职'],
        ]),
      ],
      ctx,
    );
    assert.equal(roles(record).任职公司, issuer.name);
  });

  it('fills a penalty’s authority from its sentence, the one named before the measure', () => {
    const text = '继证监会立案调查后，公司收到浙江证监局下发的决定书，对公司给予警告并处以60万元罚款。';
    const [record] = mergeDocumentEvents(
      [
        event('行政处罚', text, '警告', [
          ['obj', '公司'],
          ['way', '警告'],
          ['money', '60万元'],
        ]),
      ],
      ctx,
    );
    assert.equal(roles(record).处罚机构, '浙江证监局');
  });

  it('reads the date a news item gives a company’s own notice as the disclosure date, not a dateline alone', () => {
    const text = '3月12日，某某银行发布公告称，副行长李江因工作调动辞去副行长职务。';
    const [record] = mergeDocumentEvents(
      [
        event('高管变动', text, '辞去', [
          ['sub-per', '李江'],
          ['title', '副行长'],
          ['way', '辞去'],
        ]),
      ],
      { ...ctx, kind: 'news', publishedAt: undefined },
    );
    assert.equal(roles(record).披露日期, '3月12日');
    const later = '某某基金3月9日晚间公告，总经理王海因个人原因离任。';
    const [other] = mergeDocumentEvents(
      [
        event('高管变动', later, '离任', [
          ['sub-per', '王海'],
          ['title', '总经理'],
          ['way', '离任'],
        ]),
      ],
      { ...ctx, kind: 'news', publishedAt: undefined },
    );
    assert.equal(roles(other).披露日期, '3月9日');
    const dated = '3月12日，总经理王海因个人原因离任。';
    const [none] = mergeDocumentEvents(
      [
        event('高管变动', dated, '离任', [
          ['sub-per', '王海'],
          ['title', '总经理'],
          ['way', '离任'],
        ]),
      ],
      { ...ctx, kind: 'news', publishedAt: undefined },
    );
    assert.equal(roles(none).披露日期, undefined);
  });
});

describe('records told in passing', () => {
  const news = { documentId: 'n', kind: 'news' as const, eventTypes };
  const count = {
    sentence: 1,
    start: 120,
    end: 125,
    text: '2000万',
    confidence: 0.7,
    role: 'number',
    roleKey: 'pledged quantity',
    value: '20000000 shares',
  };

  it('keeps a news pledge that states the shares pledged, not one that only recalls a holder pledged', () => {
    const recalled = pledge(1, '王某', '股价连续跌停，王某此前已将所持股份大比例质押。');
    assert.deepEqual(mergeDocumentEvents([recalled], news), []);
    const own = mergeDocumentEvents(
      [pledge(1, '王某', '王某将其持有的2000万股质押给某证券。', [count])],
      news,
    );
    assert.equal(own.length, 1);
    assert.deepEqual(
      own[0]?.arguments.map((a) => a.documentRole),
      ['质押方', '质押股票/股份数量'],
    );
  });

  it('joins a news mention naming only the traded company to the trade of its type that names who sold', () => {
    const text = '甲乙股份：股东丙丁集团拟减持不超过2%的公司股份。';
    const headline = event('减持', text, '减持', [['obj', '甲乙股份']]);
    const body = event('减持', text, '减持', [['sub', '丙丁集团']]);
    const records = mergeDocumentEvents([headline, body], news);
    assert.equal(records.length, 1);
    assert.deepEqual(roles(records[0] as LinkedEvent), { 股票简称: '甲乙股份', 减持方: '丙丁集团' });
    // A short form of the company already named is the same company, not a second one.
    const named = event('减持', text, '减持', [
      ['sub', '丙丁集团'],
      ['obj', '甲乙股份'],
    ]);
    const short = mergeDocumentEvents([event('减持', text, '减持', [['obj', '甲乙']]), named], news);
    assert.deepEqual(roles(short[0] as LinkedEvent), { 减持方: '丙丁集团', 股票简称: '甲乙股份' });
    assert.equal(short.length, 1);
  });

  it('reads no deal out of history the document recalls: dated two years or more before it was written', () => {
    const report = { ...news, kind: 'research_report' as const, documentYear: 2021, sentenceStarts };
    const bought = (text: string) =>
      toRecordMention(
        event('收购', text, '收购', [
          ['sub-org', '远山科技'],
          ['obj-org', '星河电子'],
        ]),
        report,
      );
    assert.equal(bought('2014年公司不惜耗资4.4亿元，远山科技收购星河电子50.1%股权。'), undefined);
    assert.equal(bought('早在2016年，远山科技完成收购星河电子大部分股权。'), undefined);
    assert.equal(
      bought('远山科技于2021年5月收购星河电子100%股权，进入半导体领域。')?.documentType,
      '企业收购',
    );
    assert.equal(bought('远山科技拟收购星河电子，估值参考了2023年预测利润。')?.documentType, '企业收购');
    // A penalty is decided years after the acts it punishes: their years are no background.
    const punished = toRecordMention(
      event('行政处罚', '经查，远山科技在2016年至2018年间虚增收入，证监会决定对其罚款60万元。', '罚款', [
        ['obj', '远山科技'],
        ['money', '60万元'],
      ]),
      report,
    );
    assert.equal(punished?.documentType, '行政处罚');
  });

  it('reads no deal out of one called off, or one told to explain a figure outside its own filing', () => {
    const deal = (text: string, kind: 'news' | 'announcement' = 'news') =>
      toRecordMention(
        event('收购', text, '收购', [
          ['sub-org', '远山科技'],
          ['obj-org', '星河电子'],
        ]),
        { ...news, kind, sentenceStarts },
      );
    assert.equal(deal('远山科技收购星河电子被否，股价应声下跌。'), undefined);
    assert.equal(deal('远山科技宣布终止收购星河电子。'), undefined);
    assert.equal(deal('商誉主要来自远山科技收购星河电子。'), undefined);
    assert.equal(deal('远山科技收购星河电子，形成商誉3亿元。', 'announcement')?.documentType, '企业收购');
    assert.equal(deal('远山科技拟以5亿元收购星河电子60%股权。')?.documentType, '企业收购');
  });

  it('reads no deal out of a report retelling the company’s past by year, only out of its news', () => {
    const deal = (text: string, kind: 'news' | 'announcement' | 'other' = 'other') =>
      toRecordMention(
        event('收购', text, '收购', [
          ['sub-org', '远山科技'],
          ['obj-org', '星河电子'],
        ]),
        { ...news, kind, documentYear: 2021, sentenceStarts },
      )?.documentType;
    assert.equal(deal('远山科技2020年收购星河电子100%股权，产能翻倍。'), undefined);
    assert.equal(deal('2021年，远山科技完成收购星河电子。', 'news'), undefined);
    assert.equal(deal('远山科技2021年8月收购星河电子100%股权。'), '企业收购');
    assert.equal(deal('远山科技2021年拟收购星河电子100%股权。'), '企业收购');
    // An announcement dates its own deal as it likes.
    assert.equal(deal('远山科技2021年收购星河电子100%股权。', 'announcement'), '企业收购');
  });

  it('reads no deal out of examples, nor out of one told as the means or start of something else', () => {
    const deal = (text: string) =>
      toRecordMention(
        event('收购', text, '收购', [
          ['sub-org', '远山科技'],
          ['obj-org', '星河电子'],
        ]),
        { ...news, sentenceStarts },
      )?.documentType;
    assert.equal(deal('如远山科技收购星河电子、甲公司收购乙公司等，金额都在10亿以上。'), undefined);
    assert.equal(deal('通过收购星河电子，远山科技成功跻身高端材料市场。'), undefined);
    assert.equal(deal('显示材料方面，远山科技通过收购星河电子，完善光刻胶布局。'), undefined);
    assert.equal(deal('远山科技收购星河电子后，李某进入公司董事会。'), undefined);
    // The deal's announcement or plan, then what followed: the deal is the news.
    assert.equal(deal('远山科技披露拟收购星河电子控股权后，引发外界关注。'), '企业收购');
    assert.equal(deal('远山科技以5亿元收购星河电子，收购完成后持有其60%股权。'), '企业收购');
    assert.equal(deal('远山科技如期完成收购星河电子。'), '企业收购');
    assert.equal(deal('远山科技拟通过收购星河电子进入储能市场。'), '企业收购');
  });

  it('keeps no loss record none of whose sentences states a loss of the period', () => {
    const loss = (text: string, period: string) =>
      event('亏损', text, '远山科技', [
        ['sub-org', '远山科技'],
        ['period', period],
      ]);
    const profit = loss('远山科技2023一季报显示，扣非净利润1.11亿元，同比上升29.86%。', '2023一季报');
    assert.deepEqual(mergeDocumentEvents([profit], news), []);
    const turned = loss('远山科技预计2021年度实现净利润1800万元，上年同期为亏损6.37亿元。', '2021年度');
    assert.deepEqual(mergeDocumentEvents([turned], news), []);
    const nonRecurring = loss('远山科技预计2021年净利润2.1亿元，扣非后亏损15亿元。', '2021年');
    assert.deepEqual(mergeDocumentEvents([nonRecurring], news), []);
    // The dash of a range of profits is no minus sign.
    const range = loss('远山科技预计2021年度净利润1800万元-2700万元，上年同期为亏损6.37亿元。', '2021年度');
    assert.deepEqual(mergeDocumentEvents([range], news), []);
    const minus = loss('远山科技预计2021年度净利润为-3,377万元。', '2021年度');
    assert.equal(mergeDocumentEvents([minus], news).length, 1);
    // The company and period in one sentence, the loss in the next: one record.
    const stated = event('亏损', '远山科技预计2021年度净利润亏损3亿元至4亿元。', '远山科技', [
      ['sub-org', '远山科技'],
      ['money', '3亿元至4亿元'],
    ]);
    const headline = loss('远山科技发布2021年度业绩预告。', '2021年度');
    assert.equal(mergeDocumentEvents([headline, stated], news).length, 1);
  });

  it('reads no holder trade out of a fund’s portfolio, a rating, or companies given as examples', () => {
    const trade = (type: string, text: string, who: string, stock: string) =>
      mergeDocumentEvents(
        [
          event(type, text, stock, [
            ['sub', who],
            ['obj', stock],
          ]),
        ],
        news,
      );
    assert.deepEqual(
      trade('股东增持', '四季度，该基金增持了远山科技，减持了星河电子。', '该基金', '远山科技'),
      [],
    );
    assert.deepEqual(trade('股东增持', '大摩维持远山科技“增持”评级，目标价35港元。', '大摩', '远山科技'), []);
    assert.deepEqual(
      trade('股东增持', '甲乙股份、丙丁科技、远山科技等10家公司获重要股东增持。', '重要股东', '远山科技'),
      [],
    );
    const own = trade(
      '股东增持',
      '大摩表示，远山集团增持远山科技200万股，维持“增持”评级。',
      '远山集团',
      '远山科技',
    );
    assert.equal(own.length, 1);
    assert.equal(trade('减持', '远山集团对星河电子的持股比例降至18.7%。', '远山集团', '星河电子').length, 1);
  });

  it('joins a sentence that points back at the deal told (本轮融资由某某领投) to that deal', () => {
    /** The event moved to sentence `n` (sentence n starts at n * 100). */
    const inSentence = (e: SentenceEvent, n: number): SentenceEvent => ({
      ...e,
      mention: { ...e.mention, sentence: n, start: e.mention.start + n * 100, end: e.mention.end + n * 100 },
      arguments: e.arguments.map((a) => ({
        ...a,
        sentence: n,
        start: a.start + n * 100,
        end: a.end + n * 100,
      })),
    });
    const raised = event('企业融资', '星河科技近日完成2亿元B轮融资。', '融资', [
      ['obj', '星河科技'],
      ['round', 'B轮'],
    ]);
    const led = (text: string) => inSentence(event('企业融资', text, '领投', [['lead', '远山资本']]), 1);
    const one = mergeDocumentEvents([raised, led('本轮融资由远山资本领投，甲乙资本跟投。')], news);
    assert.equal(one.length, 1);
    assert.deepEqual(roles(one[0]), { 被投资方: '星河科技', 融资轮次: 'B轮', 领投方: '远山资本' });
    // Without the words that point back, an investor's other deal stays apart.
    assert.equal(mergeDocumentEvents([raised, led('远山资本去年领投了丙丁科技。')], news).length, 2);
  });

  it('reads no holder trade out of a ranking of stocks or a sale of convertible bonds', () => {
    const sold = (text: string) =>
      mergeDocumentEvents(
        [
          event('减持', text, '减持', [
            ['sub', '远山集团'],
            ['obj', '远山科技'],
          ]),
        ],
        news,
      );
    assert.deepEqual(sold('远山集团减持远山科技市值最高，达600亿元，其次是星河电子。'), []);
    assert.deepEqual(sold('远山集团共计减持“远山转债”350万张，远山科技公告称。'), []);
    assert.equal(sold('远山集团减持远山科技350万股，占总股本的1%。').length, 1);
    assert.deepEqual(sold('本次减持完成后，远山集团仍持有“远山转债”1360万张，远山科技公告称。'), []);
    // A trade set back by 在…后 is the start of something else; a notice's holding after its own trade is not.
    assert.deepEqual(sold('分析师指出，在远山集团减持远山科技后，这家巨头可能会出售更多股份。'), []);
    assert.equal(sold('本次减持后，远山集团持有远山科技5%的股份。').length, 1);
  });

  it('reads no bid win out of a period’s order totals or a product that won a tender', () => {
    const won = (text: string, who: string) =>
      mergeDocumentEvents([event('中标', text, '中标', [['sub', who]])], news);
    assert.deepEqual(won('远山建设公告，公司12月份当月中标及新签合同额346.27亿元。', '远山建设'), []);
    assert.deepEqual(won('远山建设公告，第四季度已中标尚未签约订单6.58亿元。', '远山建设'), []);
    assert.deepEqual(won('远山医药表示，公司集采中标的产品已于5月开始放量。', '远山医药'), []);
    assert.equal(won('远山建设公告，公司中标星河市地铁5号线工程，中标金额12亿元。', '远山建设').length, 1);
  });

  it('asks no terms of an announcement, whose title and tables tell the pledge', () => {
    const recalled = pledge(1, '王某', '王某将所持股份质押。');
    assert.equal(mergeDocumentEvents([recalled], { ...news, kind: 'announcement', issuer }).length, 1);
  });
});

describe('one record per event: roles from the next sentence, joint events, the subsidiary, one person', () => {
  const news = { documentId: 'n', kind: 'news' as const, eventTypes };
  /** Sentence 0 and the sentence after it (which starts at 100, as `mergeDocumentEvents` places sentences). */
  const withNext = (first: string, next: string) => ({ ...news, sentences: [first, next] });

  it('reads a figure the next sentence states under its own label (中标价：…, 回购价格…, 套现…)', () => {
    const bid =
      '东方路桥：全资子公司某某路桥有限公司收到某某项目管理有限公司的《中标通知书》，中标城东快速路施工项目。';
    const [won] = mergeDocumentEvents(
      [
        event('中标', bid, '中标', [
          ['sub', '某某路桥有限公司'],
          ['obj', '某某项目管理有限公司'],
        ]),
      ],
      withNext(bid, '中标价：15.5亿元。'),
    );
    assert.equal(roles(won).中标金额, '15.5亿元');
    assert.equal(won?.arguments.find((a) => a.documentRole === '中标金额')?.start, 104);

    const plan =
      '华辰精密公告，拟使用自有资金以集中竞价方式回购0.5亿元-1亿元公司股份，拟全部用于员工持股计划；';
    const [buyBack] = mergeDocumentEvents(
      [
        event('股份股权转让', plan, '回购', [
          ['money', '0.5亿元-1亿元'],
          ['target-company', '华辰精密', issuer.key],
        ]),
      ],
      { ...withNext(plan, '回购价格不超过100元/股，回购期限为自董事会审议通过之日起12个月内。'), issuer },
    );
    assert.equal(buyBack?.documentType, '股份回购');
    assert.equal(roles(buyBack).每股交易价格, '100元/股');

    const sale = '公告同时还披露了高树华、高会霞等四名高管5月17日减持1008万股。';
    const [sold] = mergeDocumentEvents(
      [
        event('减持', sale, '减持', [
          ['sub', '高树华'],
          ['sub', '高会霞'],
        ]),
      ],
      withNext(sale, '据证券日报报道，四位高管累计套现约8760.5万元。'),
    );
    assert.equal(roles(sold).交易金额, '8760.5万元');
  });

  it('reads no figure of another party, nor one two sentences away', () => {
    const bid = '某某路桥有限公司中标城东快速路施工项目。';
    const other = mergeDocumentEvents(
      [event('中标', bid, '中标', [['sub', '某某路桥有限公司']])],
      withNext(bid, '另一家乙公司中标价为5亿元。'),
    );
    assert.equal(roles(other[0]).中标金额, undefined);
    const [far] = mergeDocumentEvents([event('中标', bid, '中标', [['sub', '某某路桥有限公司']])], {
      ...news,
      sentences: [bid, '该项目工期两年。', '中标价：15.5亿元。'],
    });
    assert.equal(roles(far).中标金额, undefined);
  });

  it('records a pledge told together with a release (质押及解除质押) as both events, with the same figures', () => {
    const both =
      '获悉翁某的部分股份办理了质押业务以及部分股份办理了解除质押的手续，此次质押及解除质押435万股。';
    const records = mergeDocumentEvents(
      [
        event('质押', both, '质押', [
          ['sub-per', '翁某'],
          ['number', '435万'],
        ]),
      ],
      news,
    );
    assert.deepEqual(
      records.map((r) => [r.documentType, roles(r).质押方, roles(r)['质押股票/股份数量']]),
      [
        ['质押', '翁某', '435万'],
        ['解除质押', '翁某', '435万'],
      ],
    );
    const apart = '翁某将其持有的435万股办理了质押手续，质押期限一年。';
    const one = mergeDocumentEvents(
      [
        event('质押', apart, '质押', [
          ['sub-per', '翁某'],
          ['number', '435万'],
        ]),
      ],
      news,
    );
    assert.deepEqual(
      one.map((r) => r.documentType),
      ['质押'],
    );
  });

  it('names the subsidiary the sentence gives as the buyer, not the listed parent the model read', () => {
    const text =
      '公司召开董事会，同意公司全资子公司内蒙古某某药业有限公司（以下简称“内蒙古某某”）以自有资金1418万元收购某某控股集团有限公司持有的云南某某药业有限公司86.67%股权。';
    const full = {
      documentId: 'd',
      kind: 'announcement' as const,
      publishedAt: '2019-01-22',
      issuer,
      eventTypes,
      sentenceStarts,
    };
    const read = toRecordMention(
      event('收购', text, '收购', [
        ['sub-org', '公司', issuer.key],
        ['obj-org', '云南某某药业有限公司'],
        ['money', '1418万元'],
      ]),
      full,
    );
    assert.ok(read);
    const [deal] = mergeRecordMentions([withSentenceRoles(read, 0, eventTypes)], full);
    assert.equal(roles(deal).收购方, '内蒙古某某药业有限公司');
    assert.equal(roles(deal).收购标的, '云南某某药业有限公司86.67%股权');
    // The subsidiary bought into (its minority stake) is the target, not the buyer.
    const minority = '公司以自有资金收购某某集团有限公司持有的公司控股子公司星河科技有限公司20%股权。';
    const parent = toRecordMention(
      event('收购', minority, '收购', [
        ['sub-org', '公司', issuer.key],
        ['obj-org', '星河科技有限公司'],
      ]),
      full,
    );
    assert.ok(parent);
    const [own] = mergeRecordMentions([withSentenceRoles(parent, 0, eventTypes)], full);
    assert.equal(roles(own).收购方, '公司');
  });

  it('merges the mentions of one person’s change into one record, whatever company each names', () => {
    const first = '某某基金公告，副总经理董某因个人原因卸任。';
    const second = {
      ...event('高管变动', '董某离任某某趋势基金经理。', '离任', [
        ['sub-per', '董某'],
        ['target-company', '某某趋势'],
      ]),
    };
    const records = mergeDocumentEvents(
      [
        event('高管变动', first, '卸任', [
          ['sub-per', '董某'],
          ['target-company', '某某基金'],
          ['title', '副总经理'],
          ['way', '卸任'],
        ]),
        {
          ...second,
          mention: {
            ...second.mention,
            sentence: 1,
            start: second.mention.start + 100,
            end: second.mention.end + 100,
          },
          arguments: second.arguments.map((a) => ({
            ...a,
            sentence: 1,
            start: a.start + 100,
            end: a.end + 100,
          })),
        },
        event('高管变动', '另一位副总经理王某同日卸任。', '卸任', [
          ['sub-per', '王某'],
          ['way', '卸任'],
        ]),
      ],
      news,
    );
    assert.deepEqual(records.map((r) => roles(r).高管姓名).sort(), ['王某', '董某']);
  });
});

describe('an officer leaving a post the model read as held', () => {
  const ctx = {
    documentId: 'd',
    kind: 'announcement' as const,
    publishedAt: '2019-08-03',
    issuer,
    eventTypes,
  };
  it('records the resignation where the sentence says the post is no longer held, not where someone takes it', () => {
    const left =
      '董事会于近日收到副总经理胡某先生的书面辞职报告，胡某先生因工作调动不再担任公司副总经理的职务。';
    const [resigned] = mergeDocumentEvents(
      [
        event('高管变动', left, '胡某', [
          ['sub-per', '胡某'],
          ['title', '副总经理'],
          ['way', '担任'],
        ]),
      ],
      ctx,
    );
    assert.equal(roles(resigned).变动类型, '辞职');
    const taken = '张某辞职后，由李某担任公司副总经理。';
    const [appointed] = mergeDocumentEvents(
      [
        event('高管变动', taken, '李某', [
          ['sub-per', '李某'],
          ['title', '副总经理'],
          ['way', '担任'],
        ]),
      ],
      ctx,
    );
    assert.equal(roles(appointed).变动类型, '担任');
  });
});

describe('a news investment is its story company’s own', () => {
  const story = { documentId: 'd', kind: 'news' as const, issuer, eventTypes };
  it('keeps the model’s 投资 whose investor is the story’s company', () => {
    const own = mention('投资', 0, '华辰精密拟以2亿元投资远山智能装备公司。', '投资', [
      ['sub', '华辰精密', '603871'],
      ['obj', '远山智能装备公司'],
      ['money', '2亿元'],
    ]);
    assert.equal(mergeDocumentEvents([own], story).length, 1);
  });

  it('drops the model’s 投资 of another company the story merely mentions (a fund manager, a past backer)', () => {
    const other = mention('投资', 0, '青石创投投资了远山智能装备公司。', '投资', [
      ['sub', '青石创投', 'qs'],
      ['obj', '远山智能装备公司'],
    ]);
    assert.deepEqual(mergeDocumentEvents([other], story), []);
    assert.equal(mergeDocumentEvents([other], { ...story, kind: 'announcement' }).length, 1);
  });
});
