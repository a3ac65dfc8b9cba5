import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isNotCompanyName } from '../../src/link/company-name.js';
import { CompanyResolver } from '../../src/link/index.js';

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
