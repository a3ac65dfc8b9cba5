/**
 * Rule records on short wordings written for these tests in the style of real filings (no passages copied
 * from real documents), parsed by the project's own parser as plain-text announcements.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reportBuybackRecords } from '../../src/assemble/rule-buybacks.js';
import { reportedLossRecords } from '../../src/assemble/rule-losses.js';
import { type RuleRecord, ruleRecords } from '../../src/assemble/rule-records.js';
import { clauseRuns, ruleSentences } from '../../src/assemble/rule-text.js';
import type { ParsedDocument } from '../../src/parse/index.js';
import { announcementLines as announcement, parseLines as parse } from '../support/rule-text.js';

/** role → argument text (first one), for compact assertions. */
function roles(record: RuleRecord | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of record?.arguments ?? []) out[a.role] ??= a.text;
  return out;
}

function value(record: RuleRecord | undefined, role: string): number | string | undefined {
  return record?.arguments.find((a) => a.role === role)?.value;
}

/** Every argument text of a role, in order. */
function all(record: RuleRecord | undefined, role: string): string[] {
  return (record?.arguments ?? []).filter((a) => a.role === role).map((a) => a.text);
}

function assertSpans(doc: ParsedDocument, records: RuleRecord[]): void {
  for (const r of records) {
    assert.equal(doc.text.slice(r.trigger.start, r.trigger.end), r.trigger.text);
    for (const a of r.arguments) assert.equal(doc.text.slice(a.start, a.end), a.text, `${r.type}.${a.role}`);
  }
}

describe('ruleRecords: 高管变动', () => {
  it('gives one record per person for a resignation, with the receipt date and the issuer', async () => {
    const doc = await parse(
      announcement('关于董事辞职的公告', [
        '公司董事会于2025年3月3日收到董事张明先生提交的书面辞职报告。',
        '张明先生因个人原因申请辞去公司董事、副总经理职务，辞职后不在公司担任任何职务。',
      ]),
    );
    const records = ruleRecords(doc, {});
    assertSpans(doc, records);
    assert.equal(records.length, 1);
    const [r] = records;
    assert.equal(r?.type, '高管变动');
    assert.equal(roles(r).高管姓名, '张明');
    assert.equal(roles(r).任职公司, '远山科技股份有限公司');
    assert.equal(value(r, '变动类型'), '辞任');
    assert.equal(value(r, '事件时间'), '2025-03-03');
    assert.match(roles(r).高管职位 ?? '', /董事/);
  });

  it('gives one record per appointed or elected person, with the effective date', async () => {
    const doc = await parse(
      announcement('关于选举董事长及聘任高级管理人员的公告', [
        '会议选举王强先生、赵敏女士为公司第五届董事会非独立董事。',
        '董事会同意聘任李华女士为公司副总经理，任期自2025年4月1日起至本届董事会届满之日止。',
      ]),
    );
    const records = ruleRecords(doc, {});
    assertSpans(doc, records);
    assert.deepEqual(
      records.map((r) => [roles(r).高管姓名, value(r, '变动类型'), roles(r).高管职位]),
      [
        ['王强', '任命', '非独立董事'],
        ['赵敏', '任命', '非独立董事'],
        ['李华', '任命', '副总经理'],
      ],
    );
    assert.equal(value(records[2], '事件时间'), '2025-04-01');
  });

  it('reads a post of a numbered board, keeping the head of the board as the main post', async () => {
    const doc = await parse(
      announcement('关于监事辞职的公告', [
        '公司监事会近日收到公司第四届监事会监事、监事会主席刘桂芳女士递交的辞职申请。',
        '王海涛先生因工作原因，申请辞去其担任的公司第四届监事会监事职务。',
      ]),
    );
    const records = ruleRecords(doc, {});
    assertSpans(doc, records);
    assert.deepEqual(
      records.map((r) => [roles(r).高管姓名, value(r, '变动类型'), roles(r).高管职位]),
      [
        ['刘桂芳', '辞任', '监事会主席'],
        ['王海涛', '辞任', '监事'],
      ],
    );
  });

  it('gives nothing for a denied resignation or a nomination', async () => {
    const doc = await parse(
      announcement('关于董事辞职传闻的澄清公告', [
        '经核实，张明先生未申请辞去公司董事职务。',
        '董事会同意提名刘洋先生为公司第五届董事会独立董事候选人。',
      ]),
    );
    assert.deepEqual(ruleRecords(doc, {}), []);
  });

  it('reads HKEX wording in Traditional Chinese and points back into the Traditional text', async () => {
    const doc = await parse([
      '（股份代號：328）',
      '獨立非執行董事辭任',
      '董事會謹此宣佈，陳大文先生（「陳先生」）因個人事務而辭任本公司獨立非執行董事，自二零二五年一月二日起生效。',
      '陳先生已確認，彼與董事會並無意見分歧。',
    ]);
    const records = ruleRecords(doc, {});
    assertSpans(doc, records);
    assert.equal(records.length, 1);
    assert.equal(roles(records[0]).高管姓名, '陳大文');
    assert.equal(roles(records[0]).变动类型, '辭任');
    assert.equal(value(records[0], '变动类型'), '辞任');
    assert.equal(roles(records[0]).高管职位, '獨立非執行董事');
    assert.equal(value(records[0], '事件时间'), '2025-01-02');
  });

  it('dates a change from the sentence before when that one says the following take effect on a day', async () => {
    const doc = await parse([
      '（股份代號：328）',
      '非執行董事之辭任',
      '董事會謹此宣佈，以下事項自二零二五年六月二十日起生效。陳大文先生因其他業務需要投入更多精力，已提出辭任本公司之非執行董事。',
      '陳先生已確認與董事會並無意見分歧。',
    ]);
    const records = ruleRecords(doc, {});
    assertSpans(doc, records);
    assert.equal(records.length, 1);
    assert.equal(roles(records[0]).高管姓名, '陳大文');
    assert.equal(value(records[0], '事件时间'), '2025-06-20');
  });

  it('takes no date from a sentence before that dates something else', async () => {
    const doc = await parse([
      '（股份代號：328）',
      '非執行董事之辭任',
      '本公司於二零二五年六月二十日舉行董事會會議。陳大文先生因其他業務需要投入更多精力，已提出辭任本公司之非執行董事。',
    ]);
    const records = ruleRecords(doc, {});
    assert.equal(records.length, 1);
    assert.equal(value(records[0], '事件时间'), undefined);
  });
});

describe('ruleRecords: 解除质押 / 质押', () => {
  it('takes this release only, not the cumulative pledge balance', async () => {
    const doc = await parse(
      announcement('关于控股股东部分股份解除质押的公告', [
        '公司于近日接到控股股东杭州远山投资有限公司的通知，获悉其所持有的本公司部分股份办理了解除质押手续。',
        '杭州远山投资有限公司于2025年3月10日在东方海通证券股份有限公司办理了解除质押手续，解除质押股份1,200万股，占其所持股份比例15.00%，占公司总股本比例2.50%。',
        '截至本公告披露日，杭州远山投资有限公司累计质押股份3,000万股，占其所持股份比例37.50%。',
      ]),
    );
    const records = ruleRecords(doc, {});
    assertSpans(doc, records);
    assert.equal(records.length, 1);
    const [r] = records;
    assert.equal(r?.type, '解除质押');
    assert.equal(roles(r).质押方, '杭州远山投资有限公司');
    assert.equal(roles(r).质权方, '东方海通证券股份有限公司');
    assert.equal(value(r, '质押股票/股份数量'), 12_000_000);
    assert.equal(value(r, '质押物占持股比'), 0.15);
    assert.equal(value(r, '质押物占总股比'), 0.025);
    assert.equal(value(r, '事件时间'), '2025-03-10');
  });

  it('records a new pledge as 质押 with its pledgee', async () => {
    const doc = await parse(
      announcement('关于股东股份质押的公告', [
        '公司股东王建国先生将其持有的本公司800万股无限售流通股质押给南方银行股份有限公司，质押登记日为2025年2月12日。',
      ]),
    );
    const records = ruleRecords(doc, {});
    assertSpans(doc, records);
    assert.equal(records.length, 1);
    assert.equal(records[0]?.type, '质押');
    assert.equal(roles(records[0]).质押方, '王建国');
    assert.equal(roles(records[0]).质权方, '南方银行股份有限公司');
    assert.equal(value(records[0], '质押股票/股份数量'), 8_000_000);
  });
});

describe('ruleRecords: 股份回购', () => {
  it('reads the plan with upper bounds of its ranges and the issuer as buyer', async () => {
    const doc = await parse(
      announcement('关于以集中竞价交易方式回购公司股份方案的公告', [
        '本次回购资金总额不低于人民币5,000万元（含）且不超过人民币1亿元（含），回购价格不超过人民币20元/股（含）。',
        '按回购价格上限测算，预计回购股份数量约为250万股至500万股，约占公司目前总股本的0.50%至1.00%。',
        '假设以本次回购资金总额的上限测算，回购资金约占公司总资产的3.00%。',
      ]),
    );
    const records = ruleRecords(doc, {});
    assertSpans(doc, records);
    assert.equal(records.length, 1);
    const [r] = records;
    assert.equal(r?.type, '股份回购');
    assert.equal(roles(r).回购方, '远山科技股份有限公司');
    assert.equal(value(r, '交易金额'), 100_000_000);
    assert.equal(value(r, '每股交易价格'), 20);
    assert.equal(value(r, '回购股份数量'), 5_000_000);
    assert.equal(value(r, '占公司总股本比例'), 0.01);
  });
});

describe('ruleRecords: 股份回购 in news', () => {
  const buybacks = (records: RuleRecord[]) =>
    records
      .filter((r) => r.type === '股份回购')
      .map((r) => [all(r, '回购方'), all(r, '回购股份数量'), all(r, '交易金额')]);

  it("reads a broker note's buy-back of the covered company (公司拟…回购) with the figures of its sentence", async () => {
    const doc = await parse(
      [
        '公司拟使用自有资金不超过12.5亿元以集中竞价方式回购公司A股股份，回购价格不超过8.80元/股，回购股份将用于员工持股计划。',
        '维持“买入”评级。',
      ],
      'news',
    );
    const records = reportBuybackRecords(doc, {}, ruleSentences(doc));
    assertSpans(doc, records);
    assert.equal(records.length, 1);
    assert.equal(value(records[0], '交易金额'), 1_250_000_000);
    assert.equal(value(records[0], '每股交易价格'), 8.8);
    const passing = await parse(
      ['公司拟回购股份，具体方案尚待董事会审议。', '若回购完成，公司每股收益将提升。'],
      'news',
    );
    assert.deepEqual(reportBuybackRecords(passing, {}, ruleSentences(passing)), []);
  });

  it('reads no share buy-back out of a buy-back of notes or bonds', async () => {
    const doc = await parse([
      '远山控股进一步回购500万美元2026年到期的5.5%优先票据',
      '远山控股有限公司于公开市场进一步回购了本金总额500万美元的优先票据，购回的票据将注销。',
    ]);
    assert.deepEqual(buybacks(ruleRecords(doc, {})), []);
    const shares = await parse(['远山控股公告，拟以自有资金不超过2亿元回购公司股份。']);
    assert.equal(buybacks(ruleRecords(shares, {})).length, 1);
  });

  it('reads a buy-back mandate put to shareholders with its maximums, not the mandate to issue shares', async () => {
    const doc = await parse(
      announcement('发行及购回股份之一般授权；股东周年大会通告', [
        '于股东周年大会上将提呈普通决议案，授予董事一般授权以发行不超过已发行股份数目20%之新股份。',
        '亦将提呈普通决议案，授予董事一般授权，行使本公司权力以购回不超过已发行股份数目10%之股份。',
        '倘该决议案获通过，则本公司最多可购回8,000,000股股份。',
      ]),
    );
    const records = ruleRecords(doc, {});
    assertSpans(doc, records);
    const buyback = records.filter((r) => r.type === '股份回购');
    assert.equal(buyback.length, 1);
    assert.equal(roles(buyback[0]).回购方, '远山科技股份有限公司');
    assert.equal(value(buyback[0], '占公司总股本比例'), 0.1);
    assert.equal(value(buyback[0], '回购股份数量'), 8_000_000);
    const issueOnly = await parse(
      announcement('发行股份之一般授权', [
        '股东周年大会将提呈决议案，授予董事一般授权以发行不超过已发行股份数目20%之新股份。',
      ]),
    );
    assert.equal(ruleRecords(issueOnly, {}).filter((r) => r.type === '股份回购').length, 0);
  });

  it("reads a story on an approved buy-back mandate, the limits stated in the mandate's next sentence", async () => {
    const doc = await parse([
      '【远山控股：计划回购已发行香港股份数目的10%】远山控股公告，于2025年5月20日股东周年大会上，股东授权董事会在香港联交所购回香港股份。',
      '购回不超过120,000,000香港股份，相当于不超过股东周年大会当日已发行香港股份数目的10%。',
    ]);
    const records = ruleRecords(doc, { issuer: { name: '远山控股', shortName: '远山控股' } });
    assertSpans(doc, records);
    const buyback = records.filter((r) => r.type === '股份回购');
    assert.equal(buyback.length, 1);
    assert.equal(roles(buyback[0]).回购方, '远山控股');
    assert.equal(value(buyback[0], '回购股份数量'), 120_000_000);
    assert.equal(value(buyback[0], '占公司总股本比例'), 0.1);
    // The record is told where the mandate is, not where its limits are.
    assert.ok((buyback[0]?.trigger.start ?? Infinity) < doc.text.indexOf('购回不超过'));
  });

  it("reads the company and the figures of a plan and of a day's trade", async () => {
    const doc = await parse(
      [
        '示例家居发布公告，拟以自有资金不低于1亿元且不超过2亿元回购股票。',
        '示例太平(00999.HK)：12月31日回购116.6万股，共耗资约334.5万港元。',
        '数据宝统计，示例集团在港交所公告显示，12月29日以每股18.50港元至18.60港元的价格回购140万股，回购金额达2598.54万港元。',
      ],
      'news',
    );
    const records = ruleRecords(doc, {});
    assertSpans(doc, records);
    assert.deepEqual(buybacks(records), [
      [['示例家居'], [], ['2亿元']],
      [['示例太平'], ['116.6万股'], ['334.5万港元']],
      [['示例集团'], ['140万股'], ['2598.54万港元']],
    ]);
    // A day's trade keeps its price (a range's upper bound) and its day; a plan has neither.
    const [plan, trade, day] = records.filter((r) => r.type === '股份回购');
    assert.deepEqual(all(day, '每股交易价格'), ['18.60港元']);
    assert.deepEqual(all(day, '回购完成时间'), ['12月29日']);
    assert.deepEqual(all(trade, '回购完成时间'), ['12月31日']);
    assert.deepEqual(all(plan, '回购完成时间'), []);
  });

  it("takes a flash's price and cost from the sentence that goes on with them, a range written with one unit whole", async () => {
    const doc = await parse(
      [
        '示例太平(00999.HK)：12月31日回购116.6万股。每股价格2.86-2.88港元，共耗资约334.5万港元。',
        '示例能源(00888.HK)：12月30日回购20万股。示例能源此前公告称，将斥资5000万港元收购星河矿业。',
      ],
      'news',
    );
    const records = ruleRecords(doc, {});
    assertSpans(doc, records);
    assert.deepEqual(buybacks(records), [
      [['示例太平'], ['116.6万股'], ['334.5万港元']],
      // The next sentence is about something else: its money is no cost of the buy-back.
      [['示例能源'], ['20万股'], []],
    ]);
    const [trade] = records.filter((r) => r.type === '股份回购');
    assert.deepEqual(all(trade, '每股交易价格'), ['2.86-2.88港元']);
  });

  it("reads no buy-back from repos, plans buying repurchased shares, companies named in passing or a year's totals", async () => {
    const doc = await parse(
      [
        '央行今日开展1000亿元7天期逆回购操作。',
        '本持股计划购买回购股份的价格为10.5元/股。',
        '此前，示例科技、示例通信等上市公司已相继公布回购计划。',
        '今年以来示例集团累计进行30次回购，合计回购1.2亿股，累计回购金额20亿港元。',
      ],
      'news',
    );
    assert.deepEqual(buybacks(ruleRecords(doc, {})), []);
  });
});

describe('ruleRecords: 质押 of a registered equity pledge', () => {
  it('reads the pledgor, the pledgee and the company whose equity is pledged from the registration', async () => {
    const doc = await parse(
      [
        '某某控股旗下公司股权出质予某某信托',
        '记者获悉，北京某某置业有限公司（下称“某某置业”）日前新增股权出质登记信息，登记编号110101000000000_0001，出质人为某某置业全资控股股东北京某某投资有限公司，出质股权数额为10000，质权人为某某信托有限责任公司。',
      ],
      'news',
    );
    const records = ruleRecords(doc, {}).filter((r) => r.type === '质押');
    assertSpans(doc, records);
    assert.equal(records.length, 1);
    assert.deepEqual(roles(records[0]), {
      质押方: '北京某某投资有限公司',
      质权方: '某某信托有限责任公司',
      质押物: '股权',
      质押物所属公司: '北京某某置业有限公司',
      '质押股票/股份数量': '10000',
    });
  });

  it('reads none where the pledgee or the pledgor is not named', async () => {
    const doc = await parse(
      ['某某公司股权出质登记信息显示，出质人为某某投资有限公司，质权人尚未披露。'],
      'news',
    );
    assert.deepEqual(
      ruleRecords(doc, {}).filter((r) => r.type === '质押'),
      [],
    );
  });
});

describe('ruleRecords: 企业融资 of a share offering', () => {
  it('reads a rights issue with its gross proceeds, not its net proceeds', async () => {
    const doc = await parse(
      announcement('建议按每持有一股获发四股供股股份的基准进行供股', [
        '估计供股所得款项净额（经扣除与供股有关的估计开支）将约为143.938百万港元。',
        '供股所得款项总额：扣除开支前约148.465百万港元（假设所有供股股份将获认购）。',
      ]),
    );
    const records = ruleRecords(doc, {}).filter((r) => r.type === '企业融资');
    assertSpans(doc, records);
    assert.equal(records.length, 1);
    assert.equal(roles(records[0]).被投资方, '远山科技股份有限公司');
    assert.equal(roles(records[0]).融资金额, '148.465百万港元');
    assert.equal(roles(records[0]).融资轮次, '供股');
  });

  it('reads no financing from an offering recalled in another filing, or one stating no proceeds', async () => {
    const recalled = await parse(
      announcement('关于日常关联交易预计的公告', ['公司于去年完成供股，供股所得款项总额约100百万港元。']),
    );
    assert.deepEqual(
      ruleRecords(recalled, {}).filter((r) => r.type === '企业融资'),
      [],
    );
    const bare = await parse(announcement('建议供股', ['董事会建议进行供股，详情将另行公告。']));
    assert.deepEqual(
      ruleRecords(bare, {}).filter((r) => r.type === '企业融资'),
      [],
    );
  });
});

describe("ruleRecords: 企业融资 of a listed company's placing told in news and notes", () => {
  const financings = (records: RuleRecord[]) =>
    records
      .filter((r) => r.type === '企业融资')
      .map((r) => [all(r, '被投资方'), all(r, '融资轮次'), all(r, '融资金额')]);

  it('reads the company, the issue as written and the money it raises', async () => {
    const doc = await parse(
      [
        '远山电气公告，拟定增募资不超过12亿元，用于新能源装备项目。',
        '另外，示例动力拟定增募资不超过45亿元。',
        '公司拟非公开发行3000万股，发行价为10.5元/股，募资不超过3.15亿元。',
      ],
      'news',
    );
    const records = ruleRecords(doc, { issuer: { name: '远山电气' } });
    assertSpans(doc, records);
    assert.deepEqual(financings(records), [
      [['远山电气'], ['定增'], ['12亿元']],
      [['示例动力'], ['定增'], ['45亿元']],
      [['远山电气'], ['非公开发行'], ['3.15亿元']],
    ]);
    assert.equal(
      value(
        records.find((r) => r.type === '企业融资'),
        '融资金额',
      ),
      1_200_000_000,
    );
  });

  it("reads a broker note's convertible issue whose amount leaves out 元", async () => {
    const doc = await parse(['公司可转债募集6.5亿用于年产5万吨项目，产能将翻倍。'], 'research_report');
    const records = ruleRecords(doc, {}).filter((r) => r.type === '企业融资');
    assert.deepEqual(financings(records), [[[], ['可转债'], ['6.5亿']]]);
    assert.equal(value(records[0], '融资金额'), 650_000_000);
  });

  it('reads no financing from an issue called off, one cited as an example, or one with no money raised', async () => {
    const doc = await parse(
      [
        '远山电气公告，终止定增募资不超过12亿元的方案。',
        '以示例动力为例，公司称本次非公开发行募集资金总额不超过30亿元。',
        '示例动力正在筹划非公开发行股票事项，股票自明日起停牌。',
      ],
      'news',
    );
    assert.deepEqual(financings(ruleRecords(doc, {})), []);
  });

  it('reads none in an announcement, whose own title and model reading tell its placing', async () => {
    const doc = await parse(announcement('关于非公开发行股票预案的公告', ['公司拟定增募资不超过12亿元。']));
    assert.deepEqual(financings(ruleRecords(doc, {})), []);
  });
});

describe('ruleRecords: 股东增持 / 股东减持', () => {
  it('reads a reduction plan; the holding before the plan is not the trade', async () => {
    const doc = await parse(
      announcement('关于持股5%以上股东减持股份的预披露公告', [
        '持有本公司股份3,000万股（占本公司总股本比例6.00%）的股东深圳市远航创业投资有限公司计划自本公告披露之日起15个交易日后的3个月内以集中竞价方式减持本公司股份不超过500万股（占本公司总股本比例1.00%）。',
      ]),
    );
    const records = ruleRecords(doc, {});
    assertSpans(doc, records);
    assert.equal(records.length, 1);
    const [r] = records;
    assert.equal(r?.type, '股东减持');
    assert.equal(roles(r).减持方, '深圳市远航创业投资有限公司');
    assert.equal(roles(r).股票简称, '远山科技');
    assert.equal(value(r, '交易股票/股份数量'), 5_000_000);
    assert.equal(value(r, '减持部分占总股本比例'), 0.01);
    assert.equal(roles(r).交易完成时间, undefined);
  });

  it('reads a completed reduction with its last day and average price', async () => {
    const doc = await parse(
      announcement('关于股东减持计划实施完毕的公告', [
        '股东张华先生于2025年3月3日至2025年3月14日期间通过集中竞价交易方式减持公司股份120万股，减持均价为15.20元/股，占公司总股本的0.24%。',
      ]),
    );
    const [r, ...rest] = ruleRecords(doc, {});
    assert.equal(rest.length, 0);
    assert.equal(roles(r).减持方, '张华');
    assert.equal(value(r, '交易股票/股份数量'), 1_200_000);
    assert.equal(value(r, '每股交易价格'), 15.2);
    assert.equal(value(r, '减持部分占总股本比例'), 0.0024);
    assert.equal(value(r, '交易完成时间'), '2025-03-14');
  });

  it('reads an increase with its amount', async () => {
    const doc = await parse(
      announcement('关于控股股东增持公司股份的公告', [
        '公司控股股东王建国先生于2025年2月20日通过深圳证券交易所交易系统以集中竞价方式增持公司股份50万股，增持金额为600万元，占公司总股本的0.10%。',
      ]),
    );
    const [r, ...rest] = ruleRecords(doc, {});
    assert.equal(rest.length, 0);
    assert.equal(r?.type, '股东增持');
    assert.equal(roles(r).增持方, '王建国');
    assert.equal(value(r, '交易金额'), 6_000_000);
    assert.equal(value(r, '增持部分占总股本比例'), 0.001);
    assert.equal(value(r, '交易完成时间'), '2025-02-20');
  });

  it('reads the share of the capital a plan states after 即 (即不超过公司总股本的2.5%)', async () => {
    const doc = await parse(
      announcement('关于持股5%以上股东减持股份计划的公告', [
        '公司股东深圳市远航创业投资有限公司计划自本公告披露之日起15个交易日后的6个月内合计减持不超过 1250.5 万股，即不超过公司总股本的 2.5%。',
      ]),
    );
    const [r, ...rest] = ruleRecords(doc, {});
    assertSpans(doc, [r as RuleRecord]);
    assert.equal(rest.length, 0);
    assert.equal(roles(r).减持方, '深圳市远航创业投资有限公司');
    assert.equal(value(r, '交易股票/股份数量'), 12_505_000);
    assert.equal(value(r, '减持部分占总股本比例'), 0.025);
  });

  it('reads a joint plan of listed holders as one record with each holder, despite 不设价格区间', async () => {
    const doc = await parse([
      '远山科技稳股价方案：远航投资等增持不少于800万股',
      '8月1日消息，远山科技披露稳定股价方案：股东远航投资、山海资本和城投控股拟合计增持不少于800万股，增持计划不设价格区间。',
    ]);
    const records = ruleRecords(doc, {});
    assertSpans(doc, records);
    assert.deepEqual(
      records.map((r) => [r.type, all(r, '增持方'), value(r, '交易股票/股份数量')]),
      [['股东增持', ['远航投资', '山海资本', '城投控股'], 8_000_000]],
    );
  });

  it("reads a holder's plan over several clauses with its share of the capital, the range's upper bound", async () => {
    const doc = await parse([
      '【远山科技：控股股东拟增持0.5%-1%股份】3月2日电，远山科技公告，控股股东远航投资计划于本公告披露之日起6个月内，通过集中竞价交易系统增持公司股份，拟增持股份比例不低于公司股本总数的0.5%，不高于公司股本总数的1%。',
    ]);
    const records = ruleRecords(doc, {});
    assertSpans(doc, records);
    assert.deepEqual(
      records.map((r) => [r.type, roles(r).增持方, value(r, '增持部分占总股本比例')]),
      [['股东增持', '远航投资', 0.01]],
    );
  });

  it('reads a sum split by holder after 其中 as one record per holder with its own figure', async () => {
    const doc = await parse([
      '远山科技稳定股价：三大股东共同增持',
      '增持主体包括远航投资管理公司（以下简称“远航投资”）、山海资本有限公司（以下简称“山海资本”）。',
      '两大股东增持约900万股。',
      '其中，远航投资增持股份数不少于600万股，山海资本增持股份数不少于300.50万股；',
    ]);
    const records = ruleRecords(doc, {});
    assertSpans(doc, records);
    assert.deepEqual(
      records.map((r) => [r.type, all(r, '增持方'), value(r, '交易股票/股份数量')]),
      [
        ['股东增持', ['远航投资'], 6_000_000],
        ['股东增持', ['山海资本'], 3_005_000],
      ],
    );
  });

  it("reads a news item's trades under its headline, whatever short lines of the story recall", async () => {
    const doc = await parse(
      [
        '远山科技稳定股价：三大股东共同增持',
        '增持主体包括远航投资管理公司（以下简称“远航投资”）、山海资本有限公司（以下简称“山海资本”）。',
        '其中，远航投资增持股份数不少于600万股，山海资本增持股份数不少于300.50万股；',
        '不久前远山科技董事长发生变更。',
      ],
      'news',
    );
    assert.deepEqual(
      ruleRecords(doc, {}).map((r) => [r.type, all(r, '增持方')]),
      [
        ['股东增持', ['远航投资']],
        ['股东增持', ['山海资本']],
      ],
    );
  });

  it('reads a counted group of officers trading together as one holder written as the text has it', async () => {
    const doc = await parse([
      '远山科技稳股价方案：股东等增持不少于800万股',
      '8月1日消息，远山科技披露稳定股价方案：股东远航投资、山海资本和城投控股拟合计增持不少于800万股，6名董事、高级管理人员拟合计增持不低于150万元。',
    ]);
    const records = ruleRecords(doc, {});
    assertSpans(doc, records);
    assert.deepEqual(
      records.map((r) => [all(r, '增持方'), value(r, '交易股票/股份数量'), value(r, '交易金额')]),
      [
        [['董事、高级管理人员'], undefined, 1_500_000],
        [['远航投资', '山海资本', '城投控股'], 8_000_000, undefined],
      ],
    );
  });

  it('takes no list of officers or the company itself as a holder list', async () => {
    const doc = await parse([
      '远山科技：董事及高管拟增持',
      '远山科技公告，公司股东董事、监事和高级管理人员拟合计增持不少于50万股。',
    ]);
    assert.deepEqual(
      ruleRecords(doc, {}).flatMap((r) => all(r, '增持方')),
      [],
    );
  });

  it('takes a shareholder called by a short name only after its role word', async () => {
    const doc = await parse([
      '远山科技：控股股东远航投资完成减持3%股份',
      '远山科技公告，控股股东远航投资通过大宗交易和集中竞价交易方式减持公司股份1,050万股，占公司总股本的3.00%。',
      '远山科技公告，远航投资通过大宗交易方式减持公司股份1,050万股。',
    ]);
    const records = ruleRecords(doc, {});
    assertSpans(doc, records);
    assert.deepEqual(
      records.map((r) => [roles(r).减持方, value(r, '交易股票/股份数量'), value(r, '减持部分占总股本比例')]),
      [['远航投资', 10_500_000, 0.03]],
    );
  });

  it('gives nothing for a promise not to sell', async () => {
    const doc = await parse(
      announcement('关于控股股东承诺不减持公司股份的公告', [
        '控股股东王建国先生承诺六个月内不减持其持有的公司股份500万股。',
      ]),
    );
    assert.deepEqual(ruleRecords(doc, {}), []);
    const body = await parse(
      announcement('关于股东减持股份的公告', ['股东王建国先生承诺六个月内不减持其持有的公司股份500万股。']),
    );
    assert.deepEqual(ruleRecords(body, {}), []);
  });
});

describe('ruleRecords: 行政处罚', () => {
  it('gives one record per punished party with the authority, content and fine', async () => {
    const doc = await parse(
      announcement('关于收到中国证券监督管理委员会浙江监管局《行政处罚决定书》的公告', [
        '公司于2025年5月6日收到中国证券监督管理委员会浙江监管局下发的《行政处罚决定书》。',
        '根据当事人违法行为的事实、性质、情节与社会危害程度，决定：一、对远山科技股份有限公司责令改正，给予警告，并处以300万元罚款；二、对李强给予警告，并处以100万元罚款。',
      ]),
    );
    const records = ruleRecords(doc, {});
    assertSpans(doc, records);
    assert.deepEqual(
      records.map((r) => [roles(r).处罚对象, value(r, '罚款金额'), all(r, '处罚内容')]),
      [
        ['远山科技股份有限公司', 3_000_000, ['责令改正', '警告', '罚款']],
        ['李强', 1_000_000, ['警告', '罚款']],
      ],
    );
    assert.equal(roles(records[0]).处罚机构, '中国证券监督管理委员会浙江监管局');
  });

  it('reads 采取责令改正措施 in a story, the regulator called by its kind alone named in full before', async () => {
    const doc = await parse([
      '远山科技信披违规 证监局处罚来了',
      '远山科技存在多个问题，深圳证监局通过信息披露专项检查发现公司未履行相关审议程序。',
      '证监局对公司采取责令改正措施。',
    ]);
    const records = ruleRecords(doc, { issuer: { name: '远山科技', shortName: '远山科技' } });
    assertSpans(doc, records);
    assert.deepEqual(
      records.map((r) => [r.type, roles(r).处罚对象, roles(r).处罚机构, all(r, '处罚内容')]),
      [['行政处罚', '远山科技', '深圳证监局', ['责令改正']]],
    );
  });

  it('takes short names and lists of parties, each punished party once', async () => {
    const doc = await parse([
      '*ST远山：收到证监会行政处罚决定书',
      '证监会决定对*ST远山责令改正，给予警告，并处以60万元罚款；对张强、李明分别给予警告，并处以20万元罚款。',
      '此前公告亦称，证监会决定对*ST远山责令改正，给予警告，并处以60万元罚款。',
      '对涉案的3名自然人给予警告。',
    ]);
    const records = ruleRecords(doc, {});
    assertSpans(doc, records);
    assert.deepEqual(
      records.map((r) => [roles(r).处罚对象, roles(r).处罚机构, value(r, '罚款金额')]),
      [
        ['*ST远山', '证监会', 600_000],
        ['张强', '证监会', 200_000],
        ['李明', '证监会', 200_000],
      ],
    );
  });

  it('reads the passive retellings of news: the subject before the reason is the punished party', async () => {
    const doc = await parse([
      '远山银行：公司被银保监会某某监管局处以300万元罚款',
      '近日，某某市场监督管理局公布的行政处罚信息显示，青川支付服务有限公司因违反清算管理规定被处以罚款520万元。',
      '此外，赵海是上述行为的直接责任人员，被警告。',
      '另据公告，远山二号投资有限公司因未按规定披露信息，被罚15万元。',
    ]);
    const records = ruleRecords(doc, { issuer: { name: '远山银行股份有限公司', shortName: '远山银行' } });
    assertSpans(doc, records);
    assert.deepEqual(
      records.map((r) => [roles(r).处罚对象, roles(r).处罚机构, all(r, '处罚内容'), value(r, '罚款金额')]),
      [
        ['远山银行', '银保监会某某监管局', ['罚款'], 3_000_000],
        ['青川支付服务有限公司', '某某市场监督管理局', ['罚款'], 5_200_000],
        ['赵海', '某某市场监督管理局', ['警告'], undefined],
        ['远山二号投资有限公司', '某某市场监督管理局', [], 150_000],
      ],
    );
  });

  it('keeps the named parties of a list that ends on 等当事人, and never takes the authority for a party', async () => {
    const doc = await parse([
      '远山科技：收到证监会行政处罚决定书',
      '证监会决定对张强、李明等当事人给予警告，并处以3万元至30万元不等罚款。',
      '中国人民银行某某分行因工作需要被调整。',
    ]);
    const records = ruleRecords(doc, {});
    assert.deepEqual(
      records.map((r) => [roles(r).处罚对象, all(r, '处罚内容')]),
      [
        ['张强', ['警告', '罚款']],
        ['李明', ['警告', '罚款']],
      ],
    );
  });

  it('gives nothing for an advance notice of an intended penalty', async () => {
    const doc = await parse(
      announcement('关于收到《行政处罚事先告知书》的公告', [
        '中国证监会拟决定：对李强给予警告，并处以100万元罚款。',
      ]),
    );
    assert.deepEqual(ruleRecords(doc, {}), []);
  });
});

describe('ruleRecords: 被约谈', () => {
  const all = (r: RuleRecord | undefined, role: string) =>
    (r?.arguments ?? []).filter((a) => a.role === role).map((a) => a.text);

  it('reads who summoned whom, several summoned together as one event, with the day', async () => {
    const doc = await parse([
      '某某市网信办约谈示例网',
      '3月5日，某某市网信办依法约谈示例网负责人，要求立即整改。',
      '国家某某局今日在京约谈甲唱片公司、乙版权公司和丙音乐平台等，要求规范授权。',
      '另有数家企业将会被约谈。',
    ]);
    const records = ruleRecords(doc, {});
    assertSpans(doc, records);
    assert.deepEqual(
      records.map((r) => [all(r, '公司名称'), all(r, '约谈机构'), all(r, '被约谈时间')]),
      [
        [['示例网'], ['某某市网信办'], []],
        [['示例网'], ['某某市网信办'], ['3月5日']],
        [['甲唱片公司', '乙版权公司', '丙音乐平台'], ['国家某某局'], []],
      ],
    );
  });
});

describe('ruleRecords: 被约谈, who summoned where the clause does not say', () => {
  const all = (r: RuleRecord | undefined, role: string) =>
    (r?.arguments ?? []).filter((a) => a.role === role).map((a) => a.text);

  it('takes the regulator the sentence names before, the one a back-reference means, and the named members of a group', async () => {
    const doc = await parse([
      '某地：加大楼市整治',
      '记者从某某市市场监督管理局获悉，近日，该局对甲广场、乙地产等5家房地产企业进行了行政约谈。',
      '11月3日，保监会有关部门负责人答记者问，对丙互助等网络互助平台负责人进行了重点约谈。',
      '某协会对丁公司进行了约谈。',
    ]);
    const records = ruleRecords(doc, {});
    assertSpans(doc, records);
    assert.deepEqual(
      records.map((r) => [all(r, '公司名称'), all(r, '约谈机构')]),
      [
        [['甲广场', '乙地产'], ['某某市市场监督管理局']],
        [['丙互助'], ['保监会']],
        [['丁公司'], []],
      ],
    );
  });
});

describe('ruleRecords: 公司上市', () => {
  const all = (r: RuleRecord | undefined, role: string) =>
    (r?.arguments ?? []).filter((a) => a.role === role).map((a) => a.text);
  const listings = (records: RuleRecord[]) =>
    records
      .filter((r) => r.type === '公司上市')
      .map((r) => [all(r, '上市公司'), all(r, '环节'), all(r, '事件时间')]);

  it('reads each company of a registration list, a step after a name, and the minimal step wording', async () => {
    const doc = await parse(
      [
        '【证监会同意3家公司科创板IPO注册】证监会近日按法定程序同意以下企业科创板首次公开发行股票注册：甲乙新材料股份有限公司、丙丁导航科技股份有限公司、戊己安全科技股份有限公司。',
        '示例光学再次提交香港IPO申请，文件显示，两家投行是联席保荐人。',
        '6月8日，示例数控科创板IPO遭暂缓审议。',
        '远江示例（北京）网络科技股份有限公司（以下简称“示例安全”）于今日登陆科创板。',
      ],
      'news',
    );
    const records = ruleRecords(doc, {});
    assertSpans(doc, records);
    assert.deepEqual(listings(records), [
      [['甲乙新材料股份有限公司'], ['首次公开发行股票注册'], []],
      [['丙丁导航科技股份有限公司'], ['首次公开发行股票注册'], []],
      [['戊己安全科技股份有限公司'], ['首次公开发行股票注册'], []],
      [['示例光学'], ['提交香港IPO申请'], []],
      [['示例数控'], ['暂缓审议'], ['6月8日']],
      [['远江示例（北京）网络科技股份有限公司'], ['登陆科创板'], []],
    ]);
  });

  it('reads past a bracketed short name and code, the day and adverbs between a company and its step', async () => {
    const doc = await parse(
      [
        '4月25日，第三方支付机构示例支付股份有限公司（以下简称示例支付；股票代码：300999）登陆深交所创业板，发行价为33.28元。',
        '示例云集团有限公司（Cloudy，以下简称“示例云”）于8月31日晚间正式向港交所递交招股说明书。',
        '6月8日，示例精密正式登陆上交所，开盘大涨44%。',
      ],
      'news',
    );
    const records = ruleRecords(doc, { publishedAt: '2024-09-01' });
    assertSpans(doc, records);
    assert.deepEqual(listings(records), [
      [['示例支付股份有限公司'], ['登陆深交所'], ['4月25日']],
      [['示例云集团有限公司'], ['递交招股说明书'], ['8月31日']],
      [['示例精密'], ['登陆上交所'], ['6月8日']],
    ]);
  });

  it('reads no listing the document dates years before it was written', async () => {
    const doc = await parse(
      [
        '示例银行7月18日发布半年度业绩快报，总资产增长8%。',
        '2021年6月25日，示例银行成功登陆上交所主板，成为省内首家上市农商银行。',
      ],
      'news',
    );
    assert.deepEqual(listings(ruleRecords(doc, { publishedAt: '2023-07-19' })), []);
  });

  it('reads no listing from plans, history, products or a court accepting a case', async () => {
    const doc = await parse(
      [
        '示例汽车拟于年内登陆科创板。',
        '示例办公自2019年11月登陆科创板以来，股价历经数次波动。',
        '11月4日，示例汽车新增车型正式上市。',
        '法院裁定受理示例公司破产清算申请。',
        '让我们来看看最近一家准备登陆科创板的公司。',
      ],
      'news',
    );
    assert.deepEqual(listings(ruleRecords(doc, {})), []);
  });

  it('reads no listing from a guess, a question on its progress or a record another listing set', async () => {
    const doc = await parse(
      [
        '示例芯城因获评准独角兽而被外界猜测可能登陆科创板。',
        '对于示例芯城登陆科创板进展的提问，公司未予回复。',
        '示例精密IPO历程仅36天，刷新了A股市场IPO过会纪录。',
      ],
      'news',
    );
    assert.deepEqual(listings(ruleRecords(doc, {})), []);
  });
});

describe('ruleRecords: 企业破产', () => {
  const debtors = (records: RuleRecord[]) =>
    records
      .filter((r) => r.type === '企业破产')
      .map((r) => [all(r, '破产公司'), all(r, '受理法院'), all(r, '破产时间')]);

  it('reads the debtor of a filing, a court order and a named case, without descriptions or group tails', async () => {
    const doc = await parse(
      [
        '7月20日，据外媒报道，油田服务公司Example Services申请破产保护。',
        '示例市中级人民法院裁定受理示例置业有限公司破产清算申请。',
        '示例证券破产重整案第二次债权人会议今日召开。',
        '示例航空及其10家子公司合并重整案已经提交法院裁定。',
      ],
      'news',
    );
    const records = ruleRecords(doc, {});
    assertSpans(doc, records);
    assert.deepEqual(debtors(records), [
      [['Example Services'], [], ['7月20日']],
      [['示例置业有限公司'], ['示例市中级人民法院'], []],
      [['示例证券'], [], []],
      [['示例航空'], [], []],
    ]);
  });

  it('reads no bankruptcy from counts, fears, denials or plans', async () => {
    const doc = await parse(
      [
        '据统计，2021年共有25家上市公司启动破产重整。',
        '示例地产否认申请破产重整。',
        '示例钢铁可能申请破产保护。',
      ],
      'news',
    );
    assert.deepEqual(debtors(ruleRecords(doc, {})), []);
  });
});

describe('ruleRecords: 亏损', () => {
  it('reads a loss forecast: period, the larger loss of the range, and the change as written', async () => {
    const doc = await parse(
      announcement('2024年度业绩预告', [
        '预计2024年度归属于上市公司股东的净利润亏损：8,000万元至12,000万元，上年同期盈利：3,200万元。',
        '本期业绩由盈转亏，主要原因是主要产品价格下降。',
      ]),
    );
    const records = ruleRecords(doc, {});
    assertSpans(doc, records);
    assert.equal(records.length, 1);
    const [r] = records;
    assert.equal(r?.type, '亏损');
    assert.equal(roles(r).公司名称, '远山科技股份有限公司');
    assert.equal(roles(r).财报周期, '2024年度');
    assert.equal(value(r, '净亏损'), 120_000_000);
    assert.equal(value(r, '亏损变化'), '由盈转亏');
  });

  it("reads the period written before the owners' net loss (2024年度归属于上市公司股东的净亏损…) and 盈转亏", async () => {
    const doc = await parse(
      announcement('2024年度业绩预亏公告', [
        '预计2024年度归属于上市公司股东的净亏损2亿元-2.5亿元，上年同期为盈利2,085万元。',
        '公司业绩同比盈转亏，主要因计提商誉减值。',
      ]),
    );
    const [r] = ruleRecords(doc, {}).filter((x) => x.type === '亏损');
    assert.equal(roles(r).财报周期, '2024年度');
    assert.equal(roles(r).亏损变化, '盈转亏');
    assert.equal(value(r, '亏损变化'), '由盈转亏');
    assert.equal(roles(r).净亏损, '2亿元-2.5亿元');
    assert.equal(value(r, '净亏损'), 250_000_000);
  });

  it('takes a quarter without a year as the period of a flash headline', async () => {
    const doc = await parse([
      '远山科技业绩快报：第三季度净亏损1.2亿元',
      '远山科技公告，公司第三季度净亏损1.2亿元。',
    ]);
    const records = ruleRecords(doc, {});
    assert.equal(records.length, 1);
    assert.equal(roles(records[0]).财报周期, '第三季度');
    assert.equal(value(records[0], '净亏损'), 120_000_000);
  });

  it('gives nothing for a profit forecast or a prior-year loss', async () => {
    const doc = await parse(
      announcement('2024年度业绩预告', [
        '预计2024年度归属于上市公司股东的净利润为3,000万元至4,000万元，上年同期亏损：1,200万元。',
      ]),
    );
    assert.deepEqual(ruleRecords(doc, {}), []);
  });
});

describe("ruleRecords: 亏损 stated as a period's results (broker notes, data-feed news)", () => {
  it('reads the period and net loss of a note, the next clause after ；, and the bare change word', async () => {
    const doc = await parse(
      [
        '点评：24Q2亏损环比收窄',
        '公司24Q2实现营收8.12亿元，同比下降12.5%；归母净利亏损1.36亿元（24Q1亏损2.05亿），亏损明显收窄。',
        '2024年前三季度，公司实现收入25.3亿元（同比-8%）、归属净利润-3.9亿元（同比-150%）。',
      ],
      'news',
    );
    const records = ruleRecords(doc, { issuer: { name: '远山科技' } });
    assertSpans(doc, records);
    const losses = records.filter((r) => r.type === '亏损');
    assert.deepEqual(
      losses.map((r) => [roles(r).财报周期, roles(r).净亏损, roles(r).亏损变化]),
      [
        ['24Q2', '1.36亿元', '收窄'],
        ['2024年前三季度', '-3.9亿元', undefined],
      ],
    );
    assert.equal(value(losses[0], '净亏损'), 136_000_000);
  });

  it('names the company of a data-feed item from its own words', async () => {
    const doc = await parse(
      [
        '远山科技2024一季报显示，公司主营收入1.52亿元，同比下降8.31%；归母净利润-263.05万元，同比下降121.40%。',
      ],
      'news',
    );
    const [r] = ruleRecords(doc, {});
    assert.equal(r?.type, '亏损');
    assert.deepEqual(roles(r), { 公司名称: '远山科技', 净亏损: '-263.05万元', 财报周期: '2024一季报' });
  });

  it("reads a company's own forecast with its range, but not a broker's forecast", async () => {
    const doc = await parse(
      [
        '快讯：远山科技年报预损 股价低开',
        '远山科技今日开盘低开。公司预计2024年净亏损6亿元-9亿元，上年同期盈利0.8亿元。',
        '我们预计公司2025年归母净利润-1.5亿元，维持评级。',
      ],
      'news',
    );
    const losses = reportedLossRecords(doc, {}, clauseRuns(doc));
    assert.deepEqual(
      losses.map((r) => [roles(r).财报周期, roles(r).净亏损, value(r, '净亏损')]),
      [['2024年', '6亿元-9亿元', 900_000_000]],
    );
  });

  it('gives nothing for a forecast, an adjusted or prior-year figure, a comparison, a segment or another company', async () => {
    const doc = await parse(
      [
        '我们预计公司2025年归母净利润-1.2亿元。',
        '公司24Q3实现营收6.1亿元，扣非后归母净利润亏损0.8亿元。',
        '24Q3公司营收5.2亿元，仅为2019年同期的40%，去年同期亏损0.6亿元。',
        '据公司披露的二季度财报显示，相较于一季度亏损2400万美元，亏损幅度扩大。',
        '24Q3光伏业务归母净利润-0.5亿元。',
        '2024年，青禾公司营收3000万元，净利润-500万元。',
      ],
      'news',
    );
    // The rule itself: these short lines would also pass for a flash headline with a loss word in it.
    assert.deepEqual(reportedLossRecords(doc, { issuer: { name: '远山科技' } }, clauseRuns(doc)), []);
  });

  it("gives nothing for a deal target's profile, balance-sheet figures before or after the loss", async () => {
    const profile = await parse(
      [
        '据相关公告，截至2023年12月31日，青禾控股的总资产约54.1亿元，负债总额约21.02亿元；',
        '2023年度实现收入约20.59亿元，净亏损1.77亿元。',
        '2023年度，星河新材实现营业收入4.28亿元，净亏损约1.03亿元，期末净资产为2.76亿元。',
      ],
      'news',
    );
    assert.deepEqual(reportedLossRecords(profile, { issuer: { name: '远山医药' } }, clauseRuns(profile)), []);
    // The company's own results, its balance sheet told in a sentence of its own, are still its loss.
    const own = await parse(
      ['2023年度实现收入约20.59亿元，净亏损1.77亿元。', '截至2023年末，公司总资产54.1亿元。'],
      'news',
    );
    assert.deepEqual(
      reportedLossRecords(own, { issuer: { name: '远山医药' } }, clauseRuns(own)).map((r) => roles(r).净亏损),
      ['1.77亿元'],
    );
  });
});

describe('ruleRecords: 企业破产 in news', () => {
  it('reads a filing announced with a comma after 宣布, the bare day, and the name after its description', async () => {
    const doc = await parse(
      ['美国油服企业示例钻探公司(Sample Drilling)15日宣布，已向特拉华州破产法院申请破产保护。'],
      'news',
    );
    const [r] = ruleRecords(doc, {}).filter((x) => x.type === '企业破产');
    assert.deepEqual(roles(r), { 破产公司: '示例钻探公司', 受理法院: '特拉华州破产法院', 破产时间: '15日' });
  });

  it('keeps 企业 inside a name (示例企业管理有限公司)', async () => {
    const doc = await parse(['示例企业管理有限公司已向某市中级人民法院申请破产清算。'], 'news');
    const [r] = ruleRecords(doc, {}).filter((x) => x.type === '企业破产');
    assert.equal(roles(r).破产公司, '示例企业管理有限公司');
  });
});

describe('ruleRecords: gating by title', () => {
  it('reads no officer change out of an announcement of another kind', async () => {
    const doc = await parse(
      announcement('关于签订日常经营合同的公告', [
        '公司副总经理张明先生代表公司签署合同，张明先生申请辞去公司董事职务一事已另行公告。',
      ]),
    );
    assert.deepEqual(ruleRecords(doc, {}), []);
  });
});

describe('ruleRecords: 签署合同 named in a news sentence', () => {
  it('reads the company, its counterparty, the agreement and its project from 公司与Y签订《Z》', async () => {
    const doc = await parse(
      [
        '远山钢构：签订8亿元远山智能制造基地项目',
        '远山钢构公告，公司与某某县人民政府签订《远山智能制造基地项目投资合作协议书》，项目总投资约8亿元。',
      ],
      'news',
    );
    const records = ruleRecords(doc, { issuer: { name: '远山钢构', shortName: '远山钢构' } }).filter(
      (r) => r.type === '签署合同',
    );
    assertSpans(doc, records);
    assert.deepEqual(
      records.map((r) => [roles(r).乙方, roles(r).甲方, roles(r).合同名称, roles(r).项目名称]),
      [['远山钢构', '某某县人民政府', '远山智能制造基地项目投资合作协议书', '远山智能制造基地项目']],
    );
  });

  it('reads no signing planned, with several sides, or of an agreement that is part of a share deal', async () => {
    const lines = [
      '远山钢构公告，公司拟与某某县人民政府签订《远山智能制造基地项目投资合作协议书》。',
      '远山钢构公告，公司分别与甲银行、乙银行签署了《战略合作协议》。',
      '远山钢构公告，公司与远航投资签订《股份转让协议》。',
    ];
    for (const line of lines) {
      const doc = await parse(['远山钢构公告', line], 'news');
      const ctx = { issuer: { name: '远山钢构', shortName: '远山钢构' } };
      assert.deepEqual(
        ruleRecords(doc, ctx).filter((r) => r.type === '签署合同'),
        [],
        line,
      );
    }
  });
});
