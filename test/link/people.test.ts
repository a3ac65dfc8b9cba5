import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExtractionResult } from '../../src/extract/types.js';
import type { LinkedEntity } from '../../src/link/index.js';
import { linkDocument, loadEventRoles } from '../../src/link/index.js';
import { afterPeopleSplits, isPersonName, positionInSentence } from '../../src/link/people.js';
import { analystPersonKey, personCompanyKey, personKey } from '../../src/link/person-key.js';
import { statedFormerNames } from '../../src/link/stated-names.js';
import { parseDocument, sentenceModelText } from '../../src/parse/index.js';

/** Links a text announcement whose model read the given spans (company or person) wherever they occur. */
async function linkWith(
  text: string,
  spans: Record<string, 'company' | 'person'>,
  kind: 'announcement' | 'research_report' = 'announcement',
): Promise<LinkedEntity[]> {
  const parsed = await parseDocument(
    new TextEncoder().encode(text),
    { fileName: 'filing.txt', mimeType: 'text/plain', kind },
    { maxBytes: 1e6, maxPages: 10 },
  );
  const extractions: ExtractionResult[] = parsed.sentences.map((sentence) => {
    const modelText = sentenceModelText(parsed, sentence);
    const entities = Object.entries(spans).flatMap(([span, type]) => {
      const found = [];
      for (let at = modelText.indexOf(span); at >= 0; at = modelText.indexOf(span, at + span.length))
        found.push({ type, text: span, start: at, end: at + span.length, confidence: 0.9 });
      return found;
    });
    return { modelVersion: 'test', events: [], entities };
  });
  const linked = await linkDocument({
    job: {
      documentId: 'filing',
      kind: 'announcement',
      fileName: 'filing.txt',
      submittedAt: '2025-02-22T00:00:00Z',
    },
    parsed,
    extractions,
    modelVersion: 'test',
    eventTypes: loadEventRoles(),
    gazetteer: { findCompanies: async () => [] },
  });
  return linked.entities;
}

const HEADER =
  '证券代码：000001    证券简称：平安银行    公告编号：2025-005\n平安银行股份有限公司关联交易公告\n';

describe('the company a person is tied to', () => {
  it('is the issuer of its own filing, not a company merely named beside the person', async () => {
    const entities = await linkWith(
      `${HEADER}本行董事会审议通过了《关于与平安国际融资租赁有限公司关联交易的议案》，董事长谢永林回避表决。\n`,
      { 平安国际融资租赁有限公司: 'company', 谢永林: 'person' },
    );
    const person = entities.find((e) => e.name === '谢永林');
    assert.equal(person?.companyKey, '000001');
  });

  it('is the company the sentence states the person serves', async () => {
    const entities = await linkWith(
      `${HEADER}平安国际融资租赁有限公司董事长张伟与本行签署了协议。本行董事长谢永林出席。\n` +
        '交易对方的法定代表人王芳，平安国际融资租赁有限公司总经理，出席了会议。\n',
      { 平安国际融资租赁有限公司: 'company', 张伟: 'person', 谢永林: 'person', 王芳: 'person' },
    );
    const lessor = entities.find((e) => e.label === 'Company' && e.name === '平安国际融资租赁有限公司');
    assert.ok(lessor);
    assert.equal(entities.find((e) => e.name === '张伟')?.companyKey, lessor.key);
    assert.equal(entities.find((e) => e.name === '王芳')?.companyKey, lessor.key);
    assert.equal(entities.find((e) => e.name === '谢永林')?.companyKey, '000001');
  });
});

describe('a name cut short', () => {
  it('is the report’s analyst whose full name starts it', async () => {
    const entities = await linkWith(
      '示例证券研究所\n金融工程专题报告\n证券分析师 柯子剑\n执业证号：S0600518010001\n本文检验上下影线因子。\n柯子\n执业证号：S0600518010001\n',
      { 柯子: 'person' },
      'research_report',
    );
    assert.deepEqual(
      entities.filter((e) => e.label === 'Person').map((e) => e.name),
      ['柯子剑'],
    );
  });
});

describe('a report’s analyst with a certificate number', () => {
  const REPORT = (title: string, covered: string) =>
    `示例证券研究所\n${covered}公司研究 ${title}\n证券分析师 柯子剑\n执业证号：S0600518010001\n本文由柯子剑撰写。\n`;

  it('is one person in two reports, known by the certificate, with no company', async () => {
    const first = await linkWith(REPORT('上下影线因子', ''), { 柯子剑: 'person' }, 'research_report');
    const second = await linkWith(REPORT('均线择时', ''), { 柯子剑: 'person' }, 'research_report');
    const a = first.find((e) => e.name === '柯子剑');
    const b = second.find((e) => e.name === '柯子剑');
    assert.equal(a?.key, '柯子剑@certificate:S0600518010001');
    assert.equal(b?.key, a?.key);
    assert.equal(a?.companyKey, undefined);
    assert.equal(personCompanyKey(a?.key ?? ''), undefined);
  });

  it('stays apart from a namesake without the certificate', () => {
    assert.notEqual(analystPersonKey('柯子剑', 'S0600518010001'), personKey('柯子剑', undefined, 'other'));
    assert.notEqual(
      analystPersonKey('柯子剑', 'S0600518010001'),
      analystPersonKey('柯子剑', 'S0880118060039'),
    );
  });
});

describe('a short name the filing defines for a company', () => {
  it('is no person, even where the model read no company in the full name', async () => {
    const entities = await linkWith(
      `${HEADER}本行之核数师高岭会计师有限公司（「高岭」）已核对初步公告所载数字。\n高岭并无对初步公告发出任何核证。\n`,
      { 高岭: 'person' },
    );
    assert.deepEqual(
      entities.filter((e) => e.label === 'Person'),
      [],
    );
  });
});

describe('a controlling holder who also sits on the issuer’s board', () => {
  it('is the issuer’s person when the filing ties them to it as often as to the company they control', async () => {
    const entities = await linkWith(
      `${HEADER}示例控股集团有限公司为公司控股股东、实际控制人吕某先生控制的企业。\n` +
        '吕某先生为示例控股集团有限公司实际控制人。\n关联董事吕某先生回避表决。\n',
      { 示例控股集团有限公司: 'company', 吕某: 'person' },
    );
    assert.equal(entities.find((e) => e.name === '吕某')?.companyKey, '000001');
  });
});

describe('a person written in Traditional characters', () => {
  it('is the same node as the Simplified spelling', () => {
    assert.equal(personKey('許遼', '00328', 'a'), personKey('许辽', '00328', 'b'));
    assert.equal(personKey('鄧超文', undefined, 'a'), '邓超文@document:a');
  });
});

describe('spans that are no personal name', () => {
  it('never become people', async () => {
    const entities = await linkWith(
      `${HEADER}本行董事长谢永林毕业于EMBA项目，年审机构为普华永道，应收账款按账龄计提。Stanley Lau出席。\n`,
      { 谢永林: 'person', EMBA: 'person', 普华永道: 'person', 账龄: 'person', 'Stanley Lau': 'person' },
    );
    const people = entities.filter((e) => e.label === 'Person').map((e) => e.name);
    assert.deepEqual(people.sort(), ['Stanley Lau', '谢永林']);
  });

  it('never makes a person of a Latin company name the document writes with its legal form elsewhere', async () => {
    const entities = await linkWith(
      `${HEADER}公司的外文名称：Hebei Shili Chemical Co.,Ltd\n公司的外文名称缩写：Shili Chemical\nStanley Lau出席。\n`,
      { 'Shili Chemical': 'person', 'Stanley Lau': 'person' },
    );
    const people = entities.filter((e) => e.label === 'Person').map((e) => e.name);
    assert.deepEqual(people, ['Stanley Lau']);
  });

  it('tells name shapes from words, organisations and acronyms', () => {
    for (const name of [
      '谢永林',
      '王石',
      '欧阳修',
      '劉德華',
      '阿不都·热合曼',
      'Stanley Lau',
      "Mary-Jane O'Neil",
    ])
      assert.equal(isPersonName(name), true, name);
    for (const name of [
      'EMBA',
      '于二零',
      '普华永道',
      '账龄',
      '金额',
      '高管',
      '王先生',
      'Alco Holdings',
      'PwC',
      '张家港市',
      '公司',
    ])
      assert.equal(isPersonName(name), false, name);
  });
});

describe('person spans read in their sentence', () => {
  it('makes no person of a firm name’s start, a unit, a short name’s part or a surname with a title', async () => {
    const entities = await linkWith(
      `${HEADER}审计机构为安永华明会计师事务所（特殊普通合伙），项目面积为3000平方米。\n` +
        '释义项：厚生农装；指；释义内容：常州常柴厚生农业装备有限公司。\n' +
        '谢永林现任厚生农装董事长。本次论证会由刘教授主持，吴博士出席。\n',
      {
        安永: 'person',
        方米: 'person',
        常州常柴厚生农业装备有限公司: 'company',
        农装: 'person',
        谢永林: 'person',
        刘教授: 'person',
        吴博士: 'person',
      },
    );
    const people = entities.filter((e) => e.label === 'Person').map((e) => e.name);
    assert.deepEqual(people, ['谢永林']);
  });
});

describe('person spans the real documents made people of', () => {
  it('makes no person of a unit cut by a sentence break, a cut honorific, a company’s name or the start of one', async () => {
    const entities = await linkWith(
      `${HEADER}释义项：常柴罗宾；指；释义内容：常州富士常柴罗宾汽油机有限公司。\n` +
        '聘请安永提供非鉴证服务，安永华明会计师事务所为本行审计机构。\n' +
        '平安示例股份有限公司为本行股东。我们独立于平安示例股份，并履行了其他责任。\n' +
        '高层住宅按0.25元/平\n\n方米向业主收取维修基金。\n\n' +
        '独立非执行董事为朱凯勤先生及林至颖先\n\n生。\n\n' +
        '本行董事林至颖先生出席；王卫除控股明德控股以外，还持有其它公司股权。\n' +
        '谢永林现任常柴罗宾董事。\n' +
        '交易对方为苏州古玉秋创股权投资合伙企业（有限合伙）。古玉秋创设立时，谢永林出资。\n',
      {
        常州富士常柴罗宾汽油机有限公司: 'company',
        安永华明会计师事务所: 'company',
        平安示例股份有限公司: 'company',
        常柴罗宾: 'person',
        安永: 'person',
        于平安: 'person',
        方米: 'person',
        林至颖先: 'person',
        林至颖: 'person',
        王卫除: 'person',
        谢永林: 'person',
        '苏州古玉秋创股权投资合伙企业（有限合伙）': 'company',
        古玉秋创: 'person',
      },
    );
    const people = entities.filter((e) => e.label === 'Person').map((e) => e.name);
    assert.deepEqual(people.sort(), ['林至颖', '谢永林']);
  });

  it('makes no person of the issuer’s short name read without its share-class letter', async () => {
    const entities = await linkWith(
      '证券代码：000570    证券简称：苏示柴A    公告编号：2025-005\n苏示柴股份有限公司年度报告\n' +
        '公司的中文简称；苏示柴\n董事长苏建国主持会议。\n',
      { 苏示柴: 'person', 苏建国: 'person' },
    );
    assert.deepEqual(
      entities.filter((e) => e.label === 'Person').map((e) => e.name),
      ['苏建国'],
    );
  });
});

describe('names cut or run on in the real documents', () => {
  it('joins a name cut short to the full one and keeps brands and Latin firm names off', async () => {
    const entities = await linkWith(
      `${HEADER}本行董事边文斌先生出席。文斌先生表示支持。\n` +
        '约瑟夫·比乔斯基提出了该模型，乔斯基认为财务指标有效。\n' +
        '本文归纳罗伯·瑞克的选股方法，罗伯·瑞克重视现金流。\n' +
        '“吉易克”牌左乙拉西坦片销售良好。\n' +
        '公司的外文名称：Hebei Jianxin Chemical Co.,Ltd\n',
      {
        边文斌: 'person',
        文斌: 'person',
        约瑟夫·比乔斯基: 'person',
        乔斯基: 'person',
        归纳罗伯·瑞克: 'person',
        罗伯·瑞克: 'person',
        吉易克: 'person',
        'Jianxin Chemical': 'person',
      },
    );
    const people = entities.filter((e) => e.label === 'Person').map((e) => e.name);
    assert.deepEqual(people.sort(), ['罗伯·瑞克', '约瑟夫·比乔斯基', '边文斌'].sort());
  });
});

describe('a person span that runs past the name', () => {
  it('is the name before the position or form of address the text goes on with', async () => {
    const entities = await linkWith(
      `${HEADER}姓名 职务\n杨鲁闽非执行董事\n赵海军 联合首席执行官\n` +
        '杨鲁闽先生，现任本行非执行董事。赵海军博士，现任本行联合首席执行官。王总经理出席。\n',
      { 杨鲁闽非: 'person', 杨鲁闽: 'person', 赵海军博: 'person', 赵海军: 'person', 王总: 'person' },
    );
    const people = entities.filter((e) => e.label === 'Person').map((e) => e.name);
    assert.deepEqual(people.sort(), ['杨鲁闽', '赵海军'].sort());
  });

  it('takes in the surname the model left before a given name addressed as 先生', async () => {
    const entities = await linkWith(
      `${HEADER}本行非执行董事为田轶先生（联席主席）及边文斌先生。本行向王芳女士支付报酬，并委任文军先生为董事。\n`,
      { 田轶: 'person', 文斌: 'person', 王芳: 'person', 文军: 'person' },
    );
    const people = entities.filter((e) => e.label === 'Person').map((e) => e.name);
    assert.deepEqual(people.sort(), ['田轶', '边文斌', '王芳', '文军'].sort());
  });

  it('keeps a name whose last character only looks like the start of a title', async () => {
    const entities = await linkWith(`${HEADER}本行董事周建平出席会议，周建平董事表示同意。\n`, {
      周建平: 'person',
    });
    assert.deepEqual(
      entities.filter((e) => e.label === 'Person').map((e) => e.name),
      ['周建平'],
    );
  });
});

describe('a full name the model also read with its head', () => {
  it('is the company of the longer name, unless the longer span is no name', async () => {
    const entities = await linkWith(
      `${HEADER}本行全资子公司内蒙古平安示例药业有限公司拟收购示例控股持有的股权。\n` +
        '浙江平安示例药业股份有限公司为本行股东。\n' +
        '示例宁波”）股东与湖南示例微电子股份有限公司签署协议。\n',
      {
        内蒙古平安示例药业有限公司: 'company',
        平安示例药业有限公司: 'company',
        浙江平安示例药业股份有限公司: 'company',
        '示例宁波”）股东与湖南示例微电子股份有限公司': 'company',
        湖南示例微电子股份有限公司: 'company',
      },
    );
    assert.deepEqual(
      entities
        .filter((e) => e.label === 'Company' && e.key !== '000001')
        .map((e) => e.key)
        .sort(),
      [
        'name:内蒙古平安示例药业有限公司',
        'name:浙江平安示例药业股份有限公司',
        'name:湖南示例微电子股份有限公司',
      ],
    );
  });
});

describe('former names and definitions a filing states', () => {
  it('makes the company’s former name and its 释义 short name names of the one company', async () => {
    const entities = await linkWith(
      `${HEADER}本公司于1988年改组设立，原名为深圳平安示例企业股份有限公司，1993年更名为平安银行股份有限公司。\n` +
        '释义项：示例租赁或租赁公司；指；释义内容：平安示例融资租赁有限公司\n' +
        '释义项：股东大会；指；释义内容：平安示例融资租赁有限公司股东大会\n' +
        '原名平安示例房屋开发有限公司，于本报告期内更名为平安示例房地产开发有限公司。\n' +
        '深圳平安示例企业股份有限公司曾与示例租赁签署协议，平安示例房屋开发有限公司为其担保。\n',
      {
        深圳平安示例企业股份有限公司: 'company',
        平安银行股份有限公司: 'company',
        平安示例融资租赁有限公司: 'company',
        示例租赁: 'company',
        平安示例房屋开发有限公司: 'company',
        平安示例房地产开发有限公司: 'company',
      },
    );
    const companies = entities.filter((e) => e.label === 'Company');
    assert.deepEqual(companies.map((c) => c.key).sort(), [
      '000001',
      'name:平安示例房地产开发有限公司',
      'name:平安示例融资租赁有限公司',
    ]);
    assert.ok(
      companies.find((c) => c.key === '000001')?.shortNames?.includes('深圳平安示例企业股份有限公司'),
    );
    assert.deepEqual(companies.find((c) => c.key === 'name:平安示例融资租赁有限公司')?.shortNames, [
      '示例租赁',
      '租赁公司',
    ]);
  });
});

describe('a former name written with layout spaces', () => {
  it('is still the former name of the company it became', () => {
    assert.deepEqual(
      statedFormerNames('*原名天津示例兴业 \t集团 \t有限公司 \t于本报告期内更名为天津示例房地产有限公司\n'),
      [{ name: '天津示例房地产有限公司', formerName: '天津示例兴业集团有限公司' }],
    );
  });
});

describe('people an admin split off a company', () => {
  it('keys a split name by its document there, keeps names that shared a person together, and leaves others', () => {
    const known = [
      { key: '600000', name: '示例股份有限公司', shortNames: [], splitPeople: ['张伟@document:doc-2'] },
    ];
    const zhang = { key: '张伟@600000', label: 'Person', name: '张伟', companyKey: '600000' } as const;
    const li = { key: '李娜@600000', label: 'Person', name: '李娜', companyKey: '600000' } as const;
    const inDoc2 = afterPeopleSplits(known, 'doc-2');
    const split = inDoc2(zhang);
    assert.equal(split.key, '张伟@document:doc-2');
    assert.equal(split.companyKey, undefined);
    assert.equal(inDoc2(zhang), split, 'one entity for every name that shared the person');
    assert.equal(inDoc2(li), li);
    // Another document's 张伟 is the company's, and a namesake at another company is untouched.
    assert.equal(afterPeopleSplits(known, 'doc-3')(zhang), zhang);
    const other = { ...zhang, key: '张伟@600001', companyKey: '600001' };
    assert.equal(inDoc2(other), other);
  });
});

describe('a position the model read in part', () => {
  it('is the whole title the sentence states, up to the next cell of a table row', () => {
    const row = '赵海军 联合首席执行官 2017/9/7';
    const at = row.indexOf('首席执行官');
    assert.equal(
      positionInSentence(row, { start: at, end: at + 5, text: '首席执行官' }).text,
      '联合首席执行官',
    );
    const cells = '董事会秘书 郭光莉,资深副总裁';
    assert.equal(positionInSentence(cells, { start: 0, end: cells.length, text: cells }).text, '董事会秘书');
    const plain = '聘任张三为副总经理。';
    const vice = plain.indexOf('副总经理');
    assert.equal(
      positionInSentence(plain, { start: vice, end: vice + 4, text: '副总经理' }).text,
      '副总经理',
    );
  });
});
