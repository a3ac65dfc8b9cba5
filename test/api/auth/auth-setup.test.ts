import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyBaseLogger } from 'fastify';
import { loadKeyRing } from '../../../src/api/auth/auth-setup.js';
import { loadConfig } from '../../../src/config/index.js';

function recordingLogger(): FastifyBaseLogger & { warnings: unknown[] } {
  const warnings: unknown[] = [];
  const noop = () => {};
  const logger = {
    warnings,
    warn: (...args: unknown[]) => void warnings.push(args),
    info: noop,
    error: noop,
    debug: noop,
    fatal: noop,
    trace: noop,
    silent: noop,
    level: 'info',
    child: () => logger,
  };
  return logger as unknown as FastifyBaseLogger & { warnings: unknown[] };
}

const envKey = 'env-key-long-enough-to-pass';
const fileKey = 'file-key-long-enough-to-pass';
const secret = 'secret-value-long-enough-to-pass';

describe('loadKeyRing', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'finkg-keys-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('runs open on loopback without keys, with a warning', async () => {
    for (const host of ['127.0.0.1', 'localhost', '::1']) {
      const log = recordingLogger();
      assert.equal(await loadKeyRing(loadConfig({ HOST: host }), log), undefined);
      assert.equal(log.warnings.length, 1);
    }
  });

  it('refuses to start on other addresses without keys', async () => {
    await assert.rejects(loadKeyRing(loadConfig({ HOST: '0.0.0.0' }), recordingLogger()), /no API keys/);
  });

  it('joins API_KEYS and API_KEYS_FILE', async () => {
    const file = path.join(dir, 'keys');
    await writeFile(file, `# operators\n${fileKey}:admin\n\n`);
    const ring = await loadKeyRing(
      loadConfig({ HOST: '0.0.0.0', API_KEYS: `${envKey}:read`, API_KEYS_FILE: file }),
      recordingLogger(),
    );
    assert.equal(ring?.lookup(envKey)?.role, 'read');
    assert.equal(ring?.lookup(fileKey)?.role, 'admin');
  });

  it('reports an unreadable or malformed file and a key given twice, without showing keys', async () => {
    const bad = path.join(dir, 'bad');
    await writeFile(bad, `${secret}:owner\n`);
    await assert.rejects(
      loadKeyRing(loadConfig({ API_KEYS_FILE: bad }), recordingLogger()),
      (error: Error) => /role "owner"/.test(error.message) && !error.message.includes(secret),
    );
    await assert.rejects(
      loadKeyRing(loadConfig({ API_KEYS_FILE: path.join(dir, 'missing') }), recordingLogger()),
      /cannot be read \(ENOENT\)/,
    );
    const same = path.join(dir, 'same');
    await writeFile(same, `${envKey}:admin\n`);
    await assert.rejects(
      loadKeyRing(loadConfig({ API_KEYS: `${envKey}:read`, API_KEYS_FILE: same }), recordingLogger()),
      /same key twice/,
    );
  });

  it('refuses a short key in API_KEYS_FILE, naming the file', async () => {
    const short = path.join(dir, 'short');
    await writeFile(short, 'short-key:read\n');
    await assert.rejects(
      loadKeyRing(loadConfig({ API_KEYS_FILE: short }), recordingLogger()),
      (error: Error) =>
        error.message ===
        `API_KEYS_FILE ${short} must hold key:role entries with keys of at least 24 characters (entry 1 has 9)`,
    );
  });
});
