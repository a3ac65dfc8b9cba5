import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { type Job, type Queue, UnrecoverableError, Worker } from 'bullmq';
import { projectRoot } from '../../../src/config/index.js';
import { createDocumentQueue, DOCUMENTS_QUEUE, redisConnectionOptions } from '../../../src/queue/index.js';
import { ensureRedis } from '../../../src/services/index.js';
import { testConfig, uniquePrefix } from '../../support/test-services.js';

const run = promisify(execFile);
const cli = path.join(projectRoot, 'dist', 'src', 'cli', 'main.js');

describe('finkg submit and finkg status', () => {
  const config = testConfig({ queuePrefix: uniquePrefix() });
  let dir: string;
  let queue: Queue;
  let worker: Worker;
  const kinds = new Map<string, string>();

  before(async () => {
    await ensureRedis(config);
    dir = await mkdtemp(path.join(tmpdir(), 'finkg-submit-cli-'));
    await writeFile(path.join(dir, 'ann-600519.txt'), '贵州茅台关于回购股份的公告');
    await writeFile(path.join(dir, 'rr-600519.txt'), '首次覆盖，给予买入评级');
    await writeFile(path.join(dir, 'news-1.html'), '<p>茅台发布年报</p>');
    await writeFile(path.join(dir, 'notes.docx'), 'not picked up from a folder');
    queue = createDocumentQueue(config);
    worker = new Worker(
      DOCUMENTS_QUEUE,
      async (job: Job) => {
        kinds.set(job.data.fileName, job.data.kind);
        if (job.data.fileName.startsWith('rr-'))
          throw new UnrecoverableError('[no_text_layer] No text layer');
        await job.updateProgress({ stage: 'extract', percent: 50 });
        return { documentId: job.data.documentId, pages: 1, sentences: 2, entities: 3, events: 0 };
      },
      { connection: redisConnectionOptions(config.redisUrl, 'worker'), prefix: config.queuePrefix },
    );
  });

  after(async () => {
    await worker?.close();
    await queue?.obliterate({ force: true });
    await queue?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const env = () => ({
    ...process.env,
    REDIS_URL: config.redisUrl,
    QUEUE_PREFIX: config.queuePrefix,
    DATA_DIR: path.join(dir, 'data'),
  });

  it('submits a folder, waits, summarizes, and exits 1 when a document failed', async () => {
    const result = await run(process.execPath, [cli, 'submit', dir, '--wait'], { env: env() }).then(
      () => assert.fail('expected exit code 1'),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    assert.equal(result.code, 1, result.stderr);
    const out = result.stdout;
    assert.match(out, /^done {5}.*ann-600519\.txt {2}pages 1, sentences 2, entities 3, events 0$/m);
    assert.match(out, /^FAILED {3}.*rr-600519\.txt {2}\[no_text_layer\] No text layer$/m);
    assert.match(out, /^2 of 3 documents processed, 1 failed$/m);
    assert.doesNotMatch(out, /notes\.docx/);
    assert.deepEqual(Object.fromEntries(kinds), {
      'ann-600519.txt': 'announcement',
      'news-1.html': 'news',
      'rr-600519.txt': 'research_report',
    });

    const failedId = (await queue.getFailed())[0]?.id;
    assert.ok(failedId);
    const status = await run(process.execPath, [cli, 'status', failedId], { env: env() }).catch(
      (error: { code: number; stdout: string }) => error,
    );
    assert.match(status.stdout, /^state {5}failed/m);
    assert.match(status.stdout, /^error {5}\[no_text_layer\] No text layer$/m);
  });

  it('rejects a bad --kind before touching the queue', async () => {
    const error = await run(process.execPath, [cli, 'submit', dir, '--kind', 'memo'], { env: env() }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    assert.equal((error as { code: number }).code, 1);
    assert.match((error as { stderr: string }).stderr, /--kind <kind>' argument 'memo' is invalid/);
  });

  it('says within seconds when no worker consumes the queue, and exits with --exit-without-worker', async () => {
    const alone = { ...env(), QUEUE_PREFIX: uniquePrefix() };
    const file = path.join(dir, 'ann-600519.txt');
    const started = Date.now();
    const child = execFile(process.execPath, [cli, 'submit', file, '--wait'], { env: alone });
    let stderr = '';
    child.stderr?.on('data', (chunk: string) => {
      stderr += chunk;
    });
    try {
      for (let i = 0; i < 100 && !/no worker/.test(stderr); i++) await sleep(100);
      assert.match(stderr, /no worker is consuming the queue.*finkg worker/);
      assert.ok(Date.now() - started < 10_000, 'within seconds');
      assert.equal(child.exitCode, null, 'still waiting by default');
    } finally {
      child.kill();
    }
    const exited = await run(process.execPath, [cli, 'submit', file, '--wait', '--exit-without-worker'], {
      env: alone,
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    assert.equal(exited.code, 1);
    assert.match(exited.stderr, /no worker is consuming the queue/);
  });
});
