import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { roleRelationshipType } from '../../src/graph/index.js';

describe('roleRelationshipType', () => {
  it('derives relationship types from role names in words', () => {
    assert.equal(roleRelationshipType('pledgor org'), 'PLEDGOR');
    assert.equal(roleRelationshipType('party A person'), 'PARTY_A');
    assert.equal(roleRelationshipType('target company'), 'TARGET_COMPANY');
    assert.equal(roleRelationshipType('share after (org)'), 'SHARE_AFTER');
  });

  it('refuses anything that would not be a safe Cypher identifier', () => {
    assert.throws(() => roleRelationshipType('(org)'));
    assert.throws(() => roleRelationshipType('1st party'));
  });
});
