import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompanyResolver } from '../../src/link/index.js';

const issuer = {
  key: '603871',
  label: 'Company' as const,
  name: '华辰精密制造股份有限公司',
  code: '603871',
  shortNames: ['华辰精密'],
};

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
      assert.equal(resolver.resolve(mention).key, '603871', mention);
    }
  });

  it('finds companies the graph already knows by any of their names', () => {
    const known = [{ key: '000001', name: '平安银行股份有限公司', code: '000001', shortNames: ['平安银行'] }];
    const resolver = new CompanyResolver(issuer, known);
    assert.equal(resolver.resolve('平安银行').key, '000001');
    assert.equal(resolver.resolve('平安银行股份有限公司').key, '000001');
  });

  it('keys an unknown company by its name and returns the same node for the same name', () => {
    const resolver = new CompanyResolver(undefined, []);
    const first = resolver.resolve('远山投资控股有限公司');
    assert.equal(first.key, 'name:远山投资控股有限公司');
    assert.equal(resolver.resolve('远山投资控股有限公司'), first);
    assert.equal(resolver.resolve('公司').key, 'name:公司', 'without an issuer, 公司 is just a name');
  });
});
