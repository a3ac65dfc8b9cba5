import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isNotCompanyName } from '../../src/link/company-name.js';
import { CompanyResolver } from '../../src/link/company-resolver.js';
import { spansAfterRoleNoun, statedAliases } from '../../src/link/stated-names.js';
import { linkText } from '../support/link-text.js';

const HEADER = '证券代码：600201    证券简称：生物股份    公告编号：2025-010\n关于子公司的公告\n';

describe('a legal form after words that name no company', () => {
  it('is no company: a bare head, a Latin name of generic words, a branch named by its place alone', () => {
    for (const span of [
      '国际控股有限公司',
      '速运有限公司',
      '投资发展有限公司',
      'Investments Limited',
      'International Corporation',
      'Corporation',
      'Holdings Limited',
      '沧县分公司',
      '上海分公司',
    ])
      assert.ok(isNotCompanyName(span), span);
  });

  it('leaves names with a trade name or a place, and short names, alone', () => {
    for (const name of [
      '方雄国际控股有限公司',
      '顺丰速运有限公司',
      '上海国际集团有限公司',
      '深圳投资控股有限公司',
      'Kaipa Investments Limited',
      'SMIC Japan Corporation',
      '河北建新化工股份有限公司沧县分公司',
      '国际实业',
      '国际医学',
    ])
      assert.ok(!isNotCompanyName(name), name);
  });

  it('makes no node of one', () => {
    const resolver = new CompanyResolver(undefined, []);
    assert.equal(resolver.resolve('国际控股有限公司'), undefined);
    assert.equal(resolver.resolve('Investments Limited'), undefined);
    assert.equal(resolver.resolve('方雄国际控股有限公司')?.reason, 'new');
  });
});

describe('a Latin name stated with its Chinese name in brackets', () => {
  const LATIN = 'Semiconductor Manufacturing International Corporation';
  const CHINESE = '中芯国际集成电路制造有限公司';

  it('is an alias of the Chinese name, across the line break inside it', () => {
    const aliases = statedAliases(
      `遵照《Semiconductor \tManufacturing\nInternational \tCorporation（${CHINESE}）章程》`,
    );
    assert.deepEqual(aliases, [{ fullName: CHINESE, alias: LATIN }]);
  });

  it('links the part of the Latin name after a line break to the company', async () => {
    const text = `证券代码：688981    证券简称：中芯国际\n${CHINESE}\n2025年年度报告\n遵照《Semiconductor Manufacturing\nInternational Corporation（${CHINESE}）章程》履行义务。\n`;
    const linked = await linkText(text, 'announcement', [], [['International Corporation', 'company']]);
    const mention = linked.mentions.find((m) => m.text === 'International Corporation');
    assert.equal(mention?.entityKey, '688981');
    assert.ok(!linked.entities.some((e) => e.name === 'International Corporation'));
  });

  it('is no alias when the Latin words are not a company name', () => {
    assert.deepEqual(
      statedAliases(`任职的其他单位：Investments Limited（中信资本卓涛投资有限公司）`).length,
      1,
    );
    const resolver = new CompanyResolver(undefined, []);
    resolver.resolve('中信资本卓涛投资有限公司');
    resolver.addAlias('中信资本卓涛投资有限公司', 'Investments Limited');
    assert.equal(resolver.resolve('Investments Limited'), undefined);
  });
});

describe('a span that starts in the clause before a name', () => {
  it('after 为 ("is") is the name, when the document names it alone too', async () => {
    const linked = await linkText(
      `${HEADER}誉惠咨询成立于2012年，为誉信有限公司全资子公司。2013年，誉信有限公司同意转让股权。\n`,
      'announcement',
      [],
      [
        ['为誉信有限公司', 'company'],
        ['誉信有限公司', 'company'],
      ],
    );
    const keys = new Set(linked.mentions.filter((m) => m.text.includes('誉信')).map((m) => m.entityKey));
    assert.deepEqual([...keys], ['name:誉信有限公司']);
  });

  it('after 为 stays whole when the document never names the rest alone', () => {
    const resolver = new CompanyResolver(undefined, []);
    resolver.noteNamesUsed(['为民科技有限公司']);
    assert.equal(resolver.resolve('为民科技有限公司')?.entity.key, 'name:为民科技有限公司');
  });

  it('after a role noun (呈请人) is the name after the 人', async () => {
    const text = `${HEADER}呈请人富泉商贸有限公司向法院提出呈请。\n`;
    assert.deepEqual(spansAfterRoleNoun(text, ['人富泉商贸有限公司', '富泉商贸有限公司']), [
      '人富泉商贸有限公司',
    ]);
    const linked = await linkText(text, 'announcement', [], [['人富泉商贸有限公司', 'company']]);
    assert.deepEqual(
      linked.entities.filter((e) => e.label === 'Company' && e.key.startsWith('name:')).map((e) => e.name),
      ['富泉商贸有限公司'],
    );
  });

  it('of a name that begins with 人 stays whole', () => {
    const text = '公司与人福医药集团股份有限公司签订合同。申请人福医药集团股份有限公司';
    assert.deepEqual(spansAfterRoleNoun(text, ['人福医药集团股份有限公司']), []);
  });

  it('before a stated former name is the name the model read alone (本期处置X有限公司（原名称：Y）)', async () => {
    const linked = await linkText(
      `${HEADER}本期处置内蒙古金宇房地产有限公司（原名称：内蒙古金宇西苑项目管理有限公司），注册资本5,000万元。\n`,
      'announcement',
      [],
      [['内蒙古金宇房地产有限公司', 'company']],
    );
    const names = linked.entities.filter((e) => e.label === 'Company').map((e) => e.name);
    assert.ok(names.includes('内蒙古金宇房地产有限公司'), names.join(' '));
    assert.ok(!names.some((n) => n.startsWith('本期')), names.join(' '));
  });
});

describe('a short name the document defines, written with a legal form', () => {
  const HEAD = '证券代码：600201    证券简称：生物股份    公告编号：2025-010\n年度报告\n';

  it('is the company the short name stands for', async () => {
    const linked = await linkText(
      `${HEAD}公司控股子公司辽宁益康生物股份有限公司（以下简称“辽宁益康”）完成增资。张竞任子公司辽宁益康股份有限公司董事长。\n`,
      'announcement',
      [],
      [
        ['辽宁益康生物股份有限公司', 'company'],
        ['辽宁益康股份有限公司', 'company'],
      ],
    );
    const mention = linked.mentions.find((m) => m.text === '辽宁益康股份有限公司');
    assert.equal(mention?.entityKey, 'name:辽宁益康生物股份有限公司');
    assert.equal(mention?.resolution, 'alias');
  });

  it('stays a company of its own under another legal form (an overseas company of that name)', async () => {
    const linked = await linkText(
      `${HEAD}广州惠威电声科技股份有限公司（以下简称“惠威科技”）年度报告。其他单位名称：HiVi Tech Limited（惠威科技有限公司）；职务：董事。\n`,
      'announcement',
      [],
      [
        ['广州惠威电声科技股份有限公司', 'company'],
        ['惠威科技有限公司', 'company'],
      ],
    );
    const mention = linked.mentions.find((m) => m.text === '惠威科技有限公司');
    assert.equal(mention?.entityKey, 'name:惠威科技有限公司');
    assert.notEqual(mention?.resolution, 'alias');
  });

  it('is not read where it heads another company: a bracketed place and a legal name after it, spaced or not', async () => {
    const text = `${HEAD}东湖电信科技产业控股有限公司（以下简称“东湖控股”）为股东。\n东湖控股（香港）投资有限公司持有公司股份。\n东 湖 控 股 （ 香 港 ） 投 资 有 限 公 司为股东。\n`;
    const defined = text.indexOf('为股东。');
    const linked = await linkText(
      text,
      'announcement',
      [],
      [
        ['东湖电信科技产业控股有限公司', 'company'],
        ['东湖控股', 'company'],
        ['东 湖 控 股', 'company'],
      ],
    );
    const heads = linked.mentions.filter((m) => m.text.includes('东') && m.start > defined);
    assert.deepEqual(
      heads.filter((m) => m.entityKey === 'name:东湖电信科技产业控股有限公司').map((m) => m.text),
      [],
    );
  });

  it('stays a company of its own when the document defines no such short name', async () => {
    const linked = await linkText(
      `${HEAD}辽宁益康生物股份有限公司为子公司。张竞任辽宁益康股份有限公司董事长。\n`,
      'announcement',
      [],
      [
        ['辽宁益康生物股份有限公司', 'company'],
        ['辽宁益康股份有限公司', 'company'],
      ],
    );
    const mention = linked.mentions.find((m) => m.text === '辽宁益康股份有限公司');
    assert.equal(mention?.entityKey, 'name:辽宁益康股份有限公司');
  });
});
