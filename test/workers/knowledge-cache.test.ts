import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pino } from 'pino';
import { type KnownName, KnownNames } from '../../src/extract/knowledge-features.js';
import { KnowledgeCache } from '../../workers/knowledge-cache.js';

const log = pino({ level: 'silent' });

describe('known names of a processor', () => {
  it('reads the graph once, keeps the names for maxAge, then reads again', async () => {
    let clock = 0;
    let reads = 0;
    let graph: KnownName[] = [{ name: '华夏科技', kind: 'org' }];
    const cache = new KnowledgeCache(
      async () => {
        reads++;
        return graph;
      },
      1000,
      log,
      KnownNames.of([{ name: '张伟', kind: 'person' }]),
      () => clock,
    );
    const [a, b] = await Promise.all([cache.gazetteer(), cache.gazetteer()]);
    assert.equal(reads, 1, 'concurrent first calls share one read');
    assert.equal(a, b);
    assert.equal(a?.size, 2, 'file names and graph names together');
    graph = [...graph, { name: '星河电子', kind: 'org' }];
    clock = 999;
    assert.equal((await cache.gazetteer())?.size, 2);
    clock = 1000;
    assert.equal((await cache.gazetteer())?.size, 3);
    assert.equal(reads, 2);
  });

  it('keeps the names known before when a read fails, and tries again later', async () => {
    let clock = 0;
    let fail = false;
    const cache = new KnowledgeCache(
      async () => {
        if (fail) throw new Error('ServiceUnavailable');
        return [{ name: '华夏科技', kind: 'org' }];
      },
      10,
      log,
      undefined,
      () => clock,
    );
    assert.equal((await cache.gazetteer())?.size, 1);
    fail = true;
    clock = 10;
    assert.equal((await cache.gazetteer())?.size, 1);
    fail = false;
    clock = 15;
    assert.equal((await cache.gazetteer())?.size, 1, 'not retried before maxAge has passed again');
  });

  it('with no graph reads gives the file names, or none', async () => {
    const never = async (): Promise<KnownName[]> => assert.fail('the graph must not be read');
    assert.equal(await new KnowledgeCache(never, 0, log).gazetteer(), undefined);
    const fixed = await new KnowledgeCache(
      never,
      0,
      log,
      KnownNames.of([{ name: '张伟', kind: 'person' }]),
    ).gazetteer();
    assert.deepEqual(fixed?.mark('张伟'), [5, 7]);
  });
});
