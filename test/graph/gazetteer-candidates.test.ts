import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { holdsLookedUpName, lookedUpNames } from '../../src/graph/company-gazetteer.js';

describe('a full-text candidate of the gazetteer', () => {
  const company = { key: '002020', name: '浙江京新药业股份有限公司', shortNames: ['京新药业'] };

  it('is kept when a name of it is a looked-up name or holds one of three characters or more', () => {
    assert.ok(holdsLookedUpName(company, lookedUpNames(['京新药业'])));
    assert.ok(holdsLookedUpName(company, lookedUpNames(['京新药'])));
    assert.ok(holdsLookedUpName(company, lookedUpNames(['浙江京新药业股份有限公司'])));
  });

  it('is dropped when it only shares characters or a two-character part', () => {
    assert.ok(!holdsLookedUpName(company, lookedUpNames(['京新'])));
    assert.ok(!holdsLookedUpName(company, lookedUpNames(['新药京业', '药业集团'])));
  });
});
