import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig, MIN_API_KEY_LENGTH, parseApiKeyList } from '../../src/config/index.js';

describe('API_KEYS', () => {
  it('parses key:role entries separated by commas or lines', () => {
    const [k1, k2, k3] = ['1', '2', '3'].map((n) => `key-${n}-of-twenty-four-chars`);
    assert.deepEqual(parseApiKeyList(`${k1}:read, ${k2}:submit\n${k3}:admin # ops\n`), [
      { key: k1, role: 'read' },
      { key: k2, role: 'submit' },
      { key: k3, role: 'admin' },
    ]);
    assert.deepEqual(parseApiKeyList(''), []);
    assert.deepEqual(loadConfig({}).apiKeys, []);
    assert.equal(loadConfig({}).apiKeysFile, null);
  });

  it('rejects bad entries without echoing the keys', () => {
    const long = 'a-key-long-enough-to-be-accepted';
    for (const raw of [long, `${long}:owner`, ':read', `a ${long}:read`, `${long}:read,${long}:admin`]) {
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

  it(`refuses keys shorter than ${MIN_API_KEY_LENGTH} characters, naming the variable and not the key`, () => {
    const short = 'x'.repeat(MIN_API_KEY_LENGTH - 1);
    assert.throws(
      () => loadConfig({ API_KEYS: `${'y'.repeat(MIN_API_KEY_LENGTH)}:admin,${short}:read` }),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.problems.length === 1 &&
        error.problems[0] ===
          `API_KEYS must be key:role entries with keys of at least ${MIN_API_KEY_LENGTH} characters (entry 2 has ${MIN_API_KEY_LENGTH - 1}); got (hidden)`,
    );
    assert.equal(loadConfig({ API_KEYS: `${'y'.repeat(MIN_API_KEY_LENGTH)}:admin` }).apiKeys.length, 1);
  });
});
