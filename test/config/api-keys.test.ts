import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig, parseApiKeyList } from '../../src/config/index.js';

describe('API_KEYS', () => {
  it('parses key:role entries separated by commas or lines', () => {
    assert.deepEqual(parseApiKeyList('key1:read, key2:submit\nkey3:admin # ops\n'), [
      { key: 'key1', role: 'read' },
      { key: 'key2', role: 'submit' },
      { key: 'key3', role: 'admin' },
    ]);
    assert.deepEqual(parseApiKeyList(''), []);
    assert.deepEqual(loadConfig({}).apiKeys, []);
    assert.equal(loadConfig({}).apiKeysFile, null);
  });

  it('rejects bad entries without echoing the keys', () => {
    for (const raw of ['key1', 'key1:owner', ':read', 'a b:read', 'k:read,k:admin']) {
      assert.throws(
        () => parseApiKeyList(raw),
        (error: unknown) => typeof error === 'string',
        raw,
      );
    }
    assert.throws(
      () => loadConfig({ API_KEYS: 'topsecret:owner' }),
      (error: unknown) =>
        error instanceof ConfigError && /API_KEYS/.test(error.message) && !/topsecret/.test(error.message),
    );
  });
});
