import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isNotCompanyName } from '../../src/link/company-name.js';
import { CompanyResolver } from '../../src/link/index.js';
import {
  statedAliases,
  statedFormerNames,
  statedListingCodes,
  statedSubsidiaries,
} from '../../src/link/stated-names.js';

const issuer = {
  key: '603871',
  label: 'Company' as const,
  name: '华辰精密制造股份有限公司',
  code: '603871',
  shortNames: ['华辰精密'],
};

const keyOf = (resolver: CompanyResolver, mention: string) => resolver.resolve(mention)?.entity.key;

describe('CompanyResolver', () => {
  it('maps self-references, the short name and the code to the issuer', () => {
    const resolver = new CompanyResolver(issuer, []);
    for (const mention of [
      '公司',
      '本公司',
      '华辰精密',
      '华辰精密制造股份有限公司',
      '603871',
      '华辰精密制造',
    ]) {
      assert.equal(keyOf(resolver, mention), '603871', mention);
    }
  });

  it('finds companies the graph already knows by any of their names', () => {
    const known = [{ key: '000001', name: '平安银行股份有限公司', code: '000001', shortNames: ['平安银行'] }];
    const resolver = new CompanyResolver(issuer, known);
    assert.equal(keyOf(resolver, '平安银行'), '000001');
    assert.equal(keyOf(resolver, '平安银行股份有限公司'), '000001');
  });

  it('keys an unknown full name by its name and returns the same node for the same name', () => {
    const resolver = new CompanyResolver(undefined, []);
    const first = resolver.resolve('远山投资控股有限公司');
    assert.equal(first?.entity.key, 'name:远山投资控股有限公司');
    assert.equal(first?.reason, 'new');
    assert.equal(resolver.resolve('远山投资控股有限公司')?.entity, first?.entity);
    assert.equal(resolver.resolve('公司'), undefined, 'without an issuer, 公司 is nobody');
  });

  it('reads one name through spaces, tabs, full-width forms and Traditional characters', () => {
    const resolver = new CompanyResolver(issuer, []);
    for (const mention of [
      '华辰精密制造股份有限公司',
      '华辰 精密制造股份\t有限公司',
      '華辰精密製造股份有限公司',
      '华辰精密制造股份有限公司（）'.slice(0, -2),
    ]) {
      const resolved = resolver.resolve(mention);
      assert.equal(resolved?.entity.key, '603871', mention);
      assert.equal(resolved?.reason, 'same_full_name', mention);
    }
    assert.equal(
      keyOf(resolver, 'Ａlco Holdings Limited'),
      'name:Alco Holdings Limited',
      'Latin words keep one space',
    );
  });

  it('strips a listing mark only to find a known short name; the mark alone is no company', () => {
    const resolver = new CompanyResolver({ ...issuer, shortNames: ['*ST华辰'] }, []);
    assert.equal(keyOf(resolver, '*ST华辰'), '603871');
    assert.equal(keyOf(resolver, 'ST华辰'), '603871');
    assert.equal(keyOf(resolver, '华辰'), '603871');
    for (const mark of ['ST', '*ST', 'SST']) assert.equal(resolver.resolve(mark), undefined, mark);
    assert.equal(
      keyOf(new CompanyResolver(undefined, []), '*ST远山'),
      undefined,
      'an unknown short name stays a mention',
    );
  });

  it('never makes a company of a generic word, a lone legal form or a span across two names', () => {
    const resolver = new CompanyResolver(undefined, []);
    for (const span of [
      '股东',
      '株式会社',
      '有限公司',
      'Limited',
      '甲方',
      '远山投资有限公司与近水科技有限公司',
      '股权结构为：远山有限公司',
    ]) {
      assert.equal(resolver.resolve(span), undefined, span);
    }
  });

  it('resolves a short name to the one full name it starts or ends, and stays a mention when two fit', () => {
    const resolver = new CompanyResolver(undefined, []);
    resolver.resolve('无锡启辰半导体有限公司');
    const short = resolver.resolve('启辰半导体');
    assert.equal(short?.entity.key, 'name:无锡启辰半导体有限公司');
    assert.equal(short?.reason, 'unique_short_name');
    resolver.resolve('苏州启辰半导体有限公司');
    resolver.resolve('远山启辰半导体有限公司');
    assert.equal(new CompanyResolver(undefined, []).resolve('启辰半导体'), undefined);
    const ambiguous = new CompanyResolver(undefined, []);
    ambiguous.resolve('无锡启辰半导体有限公司');
    ambiguous.resolve('苏州启辰半导体有限公司');
    assert.equal(ambiguous.resolve('启辰半导体'), undefined, 'two candidates: no merge');
  });

  it("leaves a span that may be another company's short name cut at a line end a mention", () => {
    const resolver = new CompanyResolver(undefined, []);
    resolver.resolve('大唐电信科技产业控股有限公司');
    resolver.resolve('大唐控股(香港)投资有限公司');
    // Before the alias is stated, 大唐控 begins one known name only.
    assert.equal(keyOf(resolver, '大唐控'), 'name:大唐控股(香港)投资有限公司');
    resolver.addAlias('大唐电信科技产业控股有限公司', '大唐控股');
    assert.equal(keyOf(resolver, '大唐控股'), 'name:大唐电信科技产业控股有限公司');
    assert.equal(resolver.resolve('大唐控'), undefined, '大唐控股 cut, or the head of 大唐控股(香港)');
  });

  it('takes the node a news item made of the issuer by its full name as the issuer, when its filing gives the short name only', () => {
    const filing = {
      key: '900001',
      label: 'Company' as const,
      name: '远山智造',
      code: '900001',
      shortNames: ['远山智造'],
    };
    const known = [
      { key: 'name:远山智造科技股份有限公司', name: '远山智造科技股份有限公司', shortNames: [] },
    ];
    const stated = ['远山智造科技股份有限公司'];
    const resolver = new CompanyResolver({ ...filing, shortNames: [...filing.shortNames] }, known, stated);
    assert.equal(resolver.issuer?.key, 'name:远山智造科技股份有限公司', 'the one node the graph has');
    assert.equal(resolver.issuer?.code, '900001');
    assert.equal(resolver.issuer?.name, '远山智造科技股份有限公司');
    assert.equal(keyOf(resolver, '远山智造科技股份有限公司'), 'name:远山智造科技股份有限公司');
    assert.equal(keyOf(resolver, '900001'), 'name:远山智造科技股份有限公司');
    // Not when the filing does not state that name, nor when two such nodes fit.
    const unstated = new CompanyResolver({ ...filing, shortNames: [...filing.shortNames] }, known, []);
    assert.equal(unstated.issuer?.key, '900001');
    const two = [
      ...known,
      { key: 'name:远山智造材料有限公司', name: '远山智造材料有限公司', shortNames: [] },
    ];
    const both = new CompanyResolver({ ...filing, shortNames: [...filing.shortNames] }, two, [
      ...stated,
      '远山智造材料有限公司',
    ]);
    assert.equal(both.issuer?.key, '900001');
  });

  it("never takes a short name for a branch its company's name begins", () => {
    const resolver = new CompanyResolver(undefined, []);
    resolver.resolve('远山化工氯碱分公司');
    assert.equal(resolver.resolve('远山化工'), undefined, 'the company, not its branch');
    resolver.resolve('远山化工股份有限公司');
    assert.equal(keyOf(resolver, '远山化工'), 'name:远山化工股份有限公司');
  });

  it('gives a node known only by its short name its full name, but never merges two full names', () => {
    const known = [
      { key: 'name:启辰半导体', name: '启辰半导体', shortNames: ['启辰半导体'] },
      { key: '000002', name: '万科企业股份有限公司', code: '000002', shortNames: ['万科'] },
    ];
    const resolver = new CompanyResolver(undefined, known);
    assert.equal(keyOf(resolver, '无锡启辰半导体有限公司'), 'name:启辰半导体');
    assert.equal(keyOf(resolver, '万科影视有限公司'), 'name:万科影视有限公司');
  });

  it('links a short name the document states for a full name, with the reason alias', () => {
    const resolver = new CompanyResolver(undefined, []);
    resolver.resolve('深圳市万佳百货股份有限公司');
    resolver.addAlias('公司控股子公司深圳市万佳百货股份有限公司', '万佳');
    const resolved = resolver.resolve('万佳');
    assert.equal(resolved?.entity.key, 'name:深圳市万佳百货股份有限公司');
    assert.equal(resolved?.reason, 'alias');
  });

  it('reads a Hong Kong filing’s inline definition （「X」） as a stated short name', () => {
    assert.deepEqual(
      statedAliases('本公司之核数师示例会计师有限公司（「示例」）已就初步公告所载数字核对。'),
      [{ fullName: '本公司之核数师示例会计师有限公司', alias: '示例' }],
    );
    assert.deepEqual(
      statedAliases('示例会计师有限公司（「示例」及其联属）'),
      [],
      'no closing bracket after the quote',
    );
  });

  it('keeps a name an admin split off apart from the node it was split from', () => {
    const known = [
      {
        key: '000001',
        name: '平安银行股份有限公司',
        code: '000001',
        shortNames: ['平安银行', '平安'],
        notAliases: ['平安'],
      },
    ];
    const resolver = new CompanyResolver(undefined, known);
    assert.equal(keyOf(resolver, '平安银行'), '000001');
    assert.equal(resolver.resolve('平安'), undefined);
  });

  it('reads a full name past the clause word or quote before it, and a span cut by one character', () => {
    const resolver = new CompanyResolver(undefined, []);
    const target = resolver.resolve('南京万科置业有限公司')?.entity;
    for (const span of [
      '新设南京万科置业有限公司',
      '“南京万科置业有限公司',
      '原南京万科置业有限公司',
      '华润签定关于南京万科置业有限公司',
      '万科”)以自有资金1418万元收购南京万科置业有限公司',
      '续聘南京万科置业有限公司',
      '作为南京万科置业有限公司',
    ]) {
      assert.equal(resolver.resolve(span)?.entity, target, span);
    }
    const shunfeng = resolver.resolve('顺丰速运有限公司')?.entity;
    const cut = resolver.resolve('丰速运有限公司');
    assert.equal(cut?.entity, shunfeng);
    assert.equal(cut?.reason, 'truncated_span');
    resolver.resolve('万科房地产开发有限公司');
    assert.equal(
      keyOf(resolver, '大连万科房地产开发有限公司'),
      'name:大连万科房地产开发有限公司',
      'a place makes another company',
    );
  });

  it('takes one core under two legal forms as one company', () => {
    const resolver = new CompanyResolver(undefined, []);
    const bank = resolver.resolve('中国银行股份有限公司')?.entity;
    const short = resolver.resolve('中国银行');
    assert.equal(short?.entity, bank);
    assert.equal(short?.reason, 'same_core_name');
    assert.equal(
      resolver.resolve('苏州元禾控股有限公司')?.entity,
      resolver.resolve('苏州元禾控股股份有限公司')?.entity,
    );
  });

  it('takes a joint-stock company written with and without (集团) as one, not a group under 有限公司', () => {
    const resolver = new CompanyResolver(undefined, []);
    const jianye = resolver.resolve('深圳市建业股份有限公司')?.entity;
    const group = resolver.resolve('深圳市建业（集团）股份有限公司');
    assert.equal(group?.entity, jianye);
    assert.equal(group?.reason, 'same_core_name');
    assert.equal(resolver.resolve('深圳市建业 (集团)股份有限公司')?.entity, jianye);
    // The other order, and a known company of the graph.
    const known = [
      { key: 'code:000031', name: '深圳市物业发展(集团)股份有限公司', code: '000031', shortNames: [] },
    ];
    assert.equal(keyOf(new CompanyResolver(undefined, known), '深圳市物业发展股份有限公司'), 'code:000031');
    // A group under 有限公司 and its operator, a group and a listed company of another form: two each.
    const shunfeng = resolver.resolve('顺丰速运(集团)有限公司')?.entity;
    assert.notEqual(resolver.resolve('顺丰速运有限公司')?.entity, shunfeng);
    const wisco = resolver.resolve('武汉钢铁(集团)有限公司')?.entity;
    assert.notEqual(resolver.resolve('武汉钢铁股份有限公司')?.entity, wisco);
    assert.notEqual(resolver.resolve('深圳市建业建筑工程有限公司')?.entity, jianye);
  });

  it('keeps a (集团) company apart from the company of the name without it, joined across a change of form', () => {
    // The reorganisation plan of 顺丰: 顺丰控股（集团）有限公司 became 顺丰控股（集团）股份有限公司 (整体变更), and
    // bought 顺丰控股有限公司, a Hong Kong company of its own, in 2014.
    const resolver = new CompanyResolver(undefined, []);
    const holding = resolver.resolve('顺丰控股（集团）股份有限公司')?.entity;
    const before = resolver.resolve('顺丰控股（集团）有限公司');
    assert.equal(before?.entity, holding);
    assert.equal(before?.reason, 'same_core_name');
    assert.notEqual(resolver.resolve('顺丰控股有限公司')?.entity, holding);
  });
});

describe('CompanyResolver: names that are another company or none', () => {
  it('never makes or names a company of a market index', () => {
    const known = [{ key: '000001', name: '平安银行股份有限公司', code: '000001', shortNames: ['平安银行'] }];
    const resolver = new CompanyResolver(undefined, known);
    for (const index of ['上证综指', '深证成指', '创业板指', '沪深300', '科创50', '恒生指数', '上证指数']) {
      assert.equal(resolver.resolve(index), undefined, index);
      assert.ok(isNotCompanyName(index), index);
    }
    assert.equal(keyOf(resolver, '平安银行'), '000001');
    assert.ok(!isNotCompanyName('中证指数有限公司'), 'a company whose name holds 指数 stays a company');
  });

  it('makes no company of a clause or a holders’ table row read as a name', () => {
    const resolver = new CompanyResolver(undefined, []);
    for (const span of [
      '开曼群岛注册的有限公司',
      '了银企合作协议招商银行',
      '国泰示例混合型证券投资基金招商银行股份有限公司',
    ])
      assert.equal(resolver.resolve(span), undefined, span);
    assert.equal(
      keyOf(resolver, '国家示例产业投资基金股份有限公司'),
      'name:国家示例产业投资基金股份有限公司',
    );
  });

  it('keeps a short Latin name apart from a longer foreign subsidiary name', () => {
    const known = [{ key: 'name:SMICJapanCorporation', name: 'SMICJapanCorporation', shortNames: [] }];
    assert.equal(keyOf(new CompanyResolver(undefined, known), 'SMIC'), undefined);
    const nameless = [{ key: '688981', name: 'SMIC', code: '688981', shortNames: ['SMIC'] }];
    assert.equal(
      keyOf(new CompanyResolver(undefined, nameless), 'SMICJapanCorporation'),
      'name:SMICJapanCorporation',
    );
    const holding = [{ key: 'name:SMIC Holdings Limited', name: 'SMIC Holdings Limited', shortNames: [] }];
    assert.equal(keyOf(new CompanyResolver(undefined, holding), 'SMIC'), 'name:SMIC Holdings Limited');
  });

  it('keeps a parent’s short name off its place-named subsidiary (华润置地 / 华润置地(北京)股份有限公司)', () => {
    const subsidiary = [
      { key: 'name:华润置地(北京)股份有限公司', name: '华润置地(北京)股份有限公司', shortNames: [] },
    ];
    assert.equal(keyOf(new CompanyResolver(undefined, subsidiary), '华润置地'), undefined);
    const parent = [{ key: '01109', name: '华润置地', code: '01109', shortNames: ['华润置地'] }];
    assert.equal(
      keyOf(new CompanyResolver(undefined, parent), '华润置地北京股份有限公司'),
      'name:华润置地北京股份有限公司',
    );
    // A place before the short name is the company's own registered form.
    const own = [{ key: 'name:无锡启辰半导体有限公司', name: '无锡启辰半导体有限公司', shortNames: [] }];
    assert.equal(keyOf(new CompanyResolver(undefined, own), '启辰半导体'), 'name:无锡启辰半导体有限公司');
  });
});

describe('CompanyResolver: A+H companies', () => {
  const smic = {
    key: '688981',
    name: '中芯国际集成电路制造有限公司',
    code: '688981',
    shortNames: ['中芯国际'],
  };

  it('reads a company stated with its A-share and H-share codes in either order and wording', () => {
    assert.deepEqual(
      statedListingCodes('\n中芯国际(证券代码:00981.HK/688981.SH)是世界领先的集成电路晶圆代工企业'),
      [{ name: '中芯国际', aCode: '688981', hkCode: '00981' }],
    );
    assert.deepEqual(statedListingCodes('发行人：中国石油天然气股份有限公司（A股：601857；H股：857）。'), [
      { name: '中国石油天然气股份有限公司', aCode: '601857', hkCode: '00857' },
    ]);
    assert.deepEqual(
      statedListingCodes('万科A（000002.SZ、000006.SZ）'),
      [],
      'two A-share codes are no A+H pair',
    );
  });

  it('gives the one node both codes, so either code finds it', () => {
    const resolver = new CompanyResolver(undefined, [smic]);
    const entity = resolver.addListingCodes('中芯国际', '688981', '00981');
    assert.equal(entity?.key, '688981');
    assert.equal(entity?.hkCode, '00981');
    assert.equal(keyOf(resolver, '00981'), '688981');
    assert.equal(keyOf(resolver, '688981'), '688981');
    const clause = new CompanyResolver(undefined, [{ ...smic, key: 'x688981', code: undefined }]);
    const found = clause.addListingCodes('公司关注到中芯国际', '688981', '00981');
    assert.equal(found?.key, 'x688981', 'the clause before a known name is no part of it');
    assert.deepEqual([found?.code, found?.hkCode], ['688981', '00981']);
  });

  it('makes a company named only with its two codes one node keyed by the A-share code', () => {
    const resolver = new CompanyResolver(undefined, []);
    const entity = resolver.addListingCodes('中芯国际', '688981', '00981');
    assert.deepEqual([entity?.key, entity?.code, entity?.hkCode], ['688981', '688981', '00981']);
    assert.equal(keyOf(resolver, '中芯国际'), '688981');
    assert.equal(resolver.addListingCodes('中芯国际', '688981', '00981'), entity);
  });

  it('takes an H-share filing’s issuer to the node the graph knows by both codes', () => {
    const hkIssuer = {
      key: '00981',
      label: 'Company' as const,
      name: '中芯国际集成电路制造有限公司',
      code: '00981',
      shortNames: [],
    };
    new CompanyResolver(hkIssuer, [{ ...smic, hkCode: '00981' }]);
    assert.deepEqual(
      [hkIssuer.key, hkIssuer.code, (hkIssuer as { hkCode?: string }).hkCode],
      ['688981', '688981', '00981'],
    );
    // A company known by its H-share code alone keeps that key and gains the A-share code.
    const hkOnly = {
      key: '00981',
      name: '中芯国际集成电路制造有限公司',
      code: '00981',
      shortNames: ['中芯国际'],
    };
    const entity = new CompanyResolver(undefined, [hkOnly]).addListingCodes('中芯国际', '688981', '00981');
    assert.deepEqual([entity?.key, entity?.code, entity?.hkCode], ['00981', '688981', '00981']);
  });
});

describe('CompanyResolver: an issuer its header names without a code', () => {
  it('is the listed node of its full name', () => {
    const issuer = {
      key: 'name:浙江示例药业股份有限公司',
      label: 'Company' as const,
      name: '浙江示例药业股份有限公司',
      shortNames: [],
    };
    const listed = {
      key: '002999',
      code: '002999',
      name: '浙江示例药业股份有限公司',
      shortNames: ['示例药业'],
    };
    const resolver = new CompanyResolver(issuer, [listed]);
    assert.equal(issuer.key, '002999');
    assert.equal(keyOf(resolver, '浙江示例药业股份有限公司'), '002999');
    assert.equal(keyOf(resolver, '示例药业'), '002999');
  });
});

describe('CompanyResolver: a news item’s company known by its short name', () => {
  const newsIssuer = (name: string) => ({
    key: `name:${name}`,
    label: 'Company' as const,
    name,
    shortNames: [name],
  });

  it('is the graph’s node of the same key, so its mentions stay linked once the graph knows it', () => {
    const issuer = newsIssuer('示例智能');
    const resolver = new CompanyResolver(issuer, [
      { key: 'name:示例智能', name: '示例智能', shortNames: ['示例智能'] },
    ]);
    assert.equal(keyOf(resolver, '示例智能'), 'name:示例智能');
    assert.equal(resolver.known.filter((c) => c.key === 'name:示例智能').length, 1);
  });

  it('is the one listed node of that short name, with or without its listing mark', () => {
    const listed = { key: '000999', code: '000999', name: '*ST示例', shortNames: ['*ST示例'] };
    for (const name of ['*ST示例', 'ST示例']) {
      const issuer = newsIssuer(name);
      const resolver = new CompanyResolver(issuer, [listed]);
      assert.equal(issuer.key, '000999', name);
      assert.equal(keyOf(resolver, name), '000999', name);
    }
  });

  it('stays a node of its own when two listed nodes bear the name', () => {
    const issuer = newsIssuer('示例');
    new CompanyResolver(issuer, [
      { key: '000998', code: '000998', name: '示例', shortNames: ['示例'] },
      { key: '00998', hkCode: '00998', name: '示例', shortNames: ['示例'] },
    ]);
    assert.equal(issuer.key, 'name:示例');
  });
});

describe('CompanyResolver: a name with and without its leading place', () => {
  it('takes a known full name without its place, or with the place spelt without 市, as that company', () => {
    const jingxin = {
      key: '002020',
      name: '浙江京新药业股份有限公司',
      code: '002020',
      shortNames: ['京新药业'],
    };
    const resolver = new CompanyResolver(undefined, [jingxin]);
    const found = resolver.resolve('京新药业有限公司');
    assert.equal(found?.entity.key, '002020');
    assert.equal(found?.reason, 'same_name_without_place');
    assert.equal(keyOf(resolver, '京新药业股份有限公司'), '002020');

    const store = new CompanyResolver(undefined, []);
    const placed = store.resolve('深圳市万佳百货股份有限公司')?.entity;
    assert.equal(store.resolve('深圳万佳百货股份有限公司')?.entity, placed);
    assert.equal(store.resolve('万佳百货股份有限公司')?.entity, placed);
  });

  it('keeps a name apart when the place makes it another company or the place-less name fits two', () => {
    const resolver = new CompanyResolver(undefined, []);
    resolver.resolve('北京万科物业管理有限公司');
    resolver.resolve('上海万科物业管理有限公司');
    assert.equal(keyOf(resolver, '万科物业管理有限公司'), 'name:万科物业管理有限公司', 'two cities fit');
    assert.equal(keyOf(resolver, '深圳万科物业管理有限公司'), 'name:深圳万科物业管理有限公司');
    const bank = new CompanyResolver(undefined, [
      { key: 'name:中国银行股份有限公司', name: '中国银行股份有限公司', shortNames: [] },
    ]);
    assert.notEqual(
      keyOf(bank, '银行股份有限公司'),
      'name:中国银行股份有限公司',
      '中国 is no place a name drops',
    );
  });

  it('makes the issuer the node the graph made of its full name before its code was known', () => {
    const vanke = {
      key: '000002',
      label: 'Company' as const,
      name: '万科企业股份有限公司',
      code: '000002',
      shortNames: ['万科A'],
    };
    new CompanyResolver(vanke, [
      { key: 'name:万科企业股份有限公司', name: '万科企业股份有限公司', shortNames: [] },
    ]);
    assert.equal(vanke.key, 'name:万科企业股份有限公司');
    assert.equal(vanke.code, '000002');
    // When the graph has the code's node too, the issuer stays that node.
    const again = { ...vanke, key: '000002' };
    new CompanyResolver(again, [
      { key: '000002', name: '万科企业股份有限公司', code: '000002', shortNames: [] },
      { key: 'name:万科企业股份有限公司', name: '万科企业股份有限公司', shortNames: [] },
    ]);
    assert.equal(again.key, '000002');
  });
});

describe('CompanyResolver: merges the real documents showed wrong', () => {
  it('keeps a group’s short name off a company named after the group', () => {
    const known = [
      { key: 'name:顺丰集团衢州运输有限公司', name: '顺丰集团衢州运输有限公司', shortNames: [] },
    ];
    assert.equal(keyOf(new CompanyResolver(undefined, known), '顺丰集团'), undefined);
  });

  it('makes no company of a clause read into a legal form, and reads a name past a book-title mark', () => {
    const resolver = new CompanyResolver(undefined, []);
    for (const span of ['顺丰控股有限改制为股份有限公司', '百慕达注册成立之有限责任公司']) {
      assert.equal(resolver.resolve(span), undefined, span);
    }
    const jingxin = resolver.resolve('浙江京新药业股份有限公司')?.entity;
    assert.equal(resolver.resolve('银信评报字(2019)沪第0038号《浙江京新药业股份有限公司')?.entity, jingxin);
  });
  it('reads a span joining a name the document uses alone to a full name as that full name', () => {
    const resolver = new CompanyResolver(undefined, []);
    resolver.noteNamesUsed(['中芯宁波', '中芯宁波和芯联集成电路制造股份有限公司']);
    assert.equal(
      keyOf(resolver, '中芯宁波和芯联集成电路制造股份有限公司'),
      'name:芯联集成电路制造股份有限公司',
    );
    // The short name is no short name of the company that followed it in the span.
    assert.equal(keyOf(resolver, '中芯宁波'), undefined);
    // A conjunction inside a name stays part of it when nothing before it is a name of its own.
    assert.equal(keyOf(resolver, '中和电子科技有限公司'), 'name:中和电子科技有限公司');
  });
});

describe('CompanyResolver: one company under the spellings and names documents give it', () => {
  it('reads a Latin name the text layer split or joined differently as one name', () => {
    const resolver = new CompanyResolver(undefined, []);
    const split = keyOf(resolver, 'SIGN INVESTMENTS LIMITED');
    assert.equal(keyOf(resolver, 'SIGNINVESTMENTS LIMITED'), split);
    assert.equal(keyOf(resolver, 'Sign Investments Limited'), split);
    assert.notEqual(keyOf(resolver, 'SIGN CAPITAL LIMITED'), split);
  });

  it('takes an audit firm written with its city before its name as the firm, either way round', () => {
    const first = new CompanyResolver(undefined, []);
    const firm = keyOf(first, '中天勤会计师事务所');
    assert.equal(keyOf(first, '深圳中天勤会计师事务所'), firm);
    const second = new CompanyResolver(undefined, []);
    const placed = keyOf(second, '深圳中天勤会计师事务所');
    assert.equal(keyOf(second, '中天勤会计师事务所'), placed);
    // A company (not a firm) with a place the known name lacks stays another company.
    const companies = new CompanyResolver(undefined, []);
    const parent = keyOf(companies, '万科房地产开发有限公司');
    assert.notEqual(keyOf(companies, '大连万科房地产开发有限公司'), parent);
  });

  it('reads the former names a filing states, and none where a shareholder or a subsidiary changes', () => {
    assert.deepEqual(
      statedFormerNames(
        '本公司 )原系经批准于 1988 年在深圳现代企业有限公司基础上改组设立的股份有限公司,\n原名为 \t深圳万科企业股份有限公司\n',
      ),
      [{ formerName: '深圳万科企业股份有限公司' }],
    );
    assert.deepEqual(
      statedFormerNames('*原名沈阳示例房屋开发有限公司 \t于本报告期内更名为沈阳示例房地产开发有限公司'),
      [{ name: '沈阳示例房地产开发有限公司', formerName: '沈阳示例房屋开发有限公司' }],
    );
    assert.deepEqual(
      statedFormerNames('本公司将全资子公司武汉示例发展有限公司更名为武汉示例置业有限公司。'),
      [{ name: '武汉示例置业有限公司', formerName: '武汉示例发展有限公司' }],
    );
    assert.deepEqual(
      statedFormerNames('公司名称由“马鞍山示例新材料股份有限公司”变更为“示例控股股份有限公司”。'),
      [{ name: '示例控股股份有限公司', formerName: '马鞍山示例新材料股份有限公司' }],
    );
    assert.deepEqual(statedFormerNames('曾用名；浙江示例化工有限公司'), [
      { formerName: '浙江示例化工有限公司' },
    ]);
    assert.deepEqual(statedFormerNames('控股股东由甲乙投资有限公司变更为丙丁投资有限公司。'), []);
    assert.deepEqual(statedFormerNames('本公司之子公司示例科技有限公司原名示例电子有限公司。'), []);
  });

  it('gives the issuer its former name, and leaves a former name another company bears to that company', () => {
    const resolver = new CompanyResolver(issuer, []);
    resolver.addFormerName(undefined, '江苏华辰精密制造有限公司');
    assert.deepEqual(resolver.resolve('江苏华辰精密制造有限公司'), {
      entity: resolver.resolve('603871')?.entity,
      reason: 'former_name',
    });
    const other = keyOf(resolver, '示例投资有限公司');
    assert.equal(resolver.addFormerName(undefined, '示例投资有限公司'), undefined);
    assert.equal(keyOf(resolver, '示例投资有限公司'), other);
  });
});

describe('statedSubsidiaries', () => {
  it('reads a subsidiary named after 全资子公司 / 控股子公司, not a clause of what an unnamed one does', () => {
    assert.deepEqual(
      statedSubsidiaries(
        '公司全资子公司示例智能科技有限公司中标。公司控股子公司“示例能源有限公司”签约。' +
          '同日，公司全资子公司以自有资金19890万元投资设立示例瑞源科技有限公司。' +
          '公司全资子公司拟与示例银行股份有限公司签署协议。',
      ),
      [
        { name: '示例智能科技有限公司', kind: 'wholly_owned' },
        { name: '示例能源有限公司', kind: 'controlled' },
      ],
    );
  });
});
