import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiKeyRing, roleAllows } from '../../../src/api/auth/key-ring.js';

describe('ApiKeyRing', () => {
  const ring = new ApiKeyRing([
    { key: 'alpha-key', role: 'read' },
    { key: 'beta-key', role: 'admin' },
  ]);

  it('finds the holder of a configured key and nothing for others', () => {
    assert.equal(ring.lookup('alpha-key')?.role, 'read');
    assert.equal(ring.lookup('beta-key')?.role, 'admin');
    for (const other of ['', 'alpha', 'alpha-key ', 'ALPHA-KEY', 'beta-key\0'])
      assert.equal(ring.lookup(other), undefined);
  });

  it('names holders by a digest, never the key', () => {
    const holder = ring.lookup('alpha-key');
    assert.match(holder?.id ?? '', /^[0-9a-f]{12}$/);
    assert.ok(!holder?.id.includes('alpha'));
    assert.notEqual(holder?.id, ring.lookup('beta-key')?.id);
  });

  it('orders roles admin ⊇ submit ⊇ read', () => {
    assert.ok(roleAllows('admin', 'submit') && roleAllows('admin', 'read') && roleAllows('submit', 'read'));
    assert.ok(roleAllows('read', 'read'));
    assert.ok(
      !roleAllows('read', 'submit') && !roleAllows('submit', 'admin') && !roleAllows('read', 'admin'),
    );
  });
});
