/**
 * `finkg demo` is for people at a terminal: everything it prints, its API's and worker's warnings
 * included, is readable lines, never the JSON lines services log.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { promisify } from 'node:util';
import { childProcessEnv, projectRoot } from '../../../src/config/index.js';
import { stopBackgroundWorker } from '../../../src/services/index.js';
import { freePort } from '../../support/run-services.js';
import { ensureTestServices, testConfig, uniquePrefix } from '../../support/test-services.js';

const config = testConfig({ queuePrefix: uniquePrefix() });

before(() => ensureTestServices(config));
// The demo leaves its worker running for what is submitted next; the test stops it.
after(async () => {
  assert.equal(await stopBackgroundWorker(config), true, 'the demo left its worker running');
});

it('finkg demo prints human lines only, its API’s warning included', { timeout: 240_000 }, async () => {
  const sample = path.join(projectRoot, 'samples', 'ann-603815-bid-gb18030.txt');
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    [path.join(projectRoot, 'dist', 'src', 'cli', 'main.js'), 'demo', sample],
    {
      // No API keys, so the API warns that authentication is off: the line this test is about.
      env: childProcessEnv(config, { PORT: String(await freePort()), API_KEYS: '', API_KEYS_FILE: '' }),
      timeout: 230_000,
    },
  );
  assert.match(stdout, /1 of 1 documents processed/);
  assert.match(stderr, /WARN: finkg-api: no API keys configured: authentication is off/);
  const jsonLines = `${stdout}\n${stderr}`.split('\n').filter((line) => line.trimStart().startsWith('{'));
  assert.deepEqual(jsonLines, [], 'JSON log lines in the output of a human command');
});
