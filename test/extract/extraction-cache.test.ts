import assert from 'node:assert/strict';
import { appendFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { EventExtractor } from '../../src/extract/event-extractor.js';
import { CachedExtractor } from '../../src/extract/extraction-cache.js';
import { KnownNames } from '../../src/extract/knowledge-features.js';
import { KNOWLEDGE_MODEL_DIR, LOOKUP_MODEL_DIR } from './lookup-model.js';

const load = (modelDir: string) => EventExtractor.load({ modelDir, precision: 'fp32' });
const texts = ['甲的乙质押公司', '公司收购了丙'];

describe('CachedExtractor', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'finkg-extraction-cache-'));
  after(() => rm(dir, { recursive: true, force: true }));

  it('gives what the model gives, and on a later run reads the same call from disk', async () => {
    const extractor = await load(KNOWLEDGE_MODEL_DIR);
    const names = KnownNames.of([{ name: '甲的乙', kind: 'org' }]);
    const direct = await extractor.extract(texts, { gazetteer: names });

    const first = await CachedExtractor.open(extractor, dir);
    assert.deepEqual(await first.extract(texts, { gazetteer: names }), direct);
    assert.deepEqual(first.counts, { cached: 0, read: 2 });

    const second = await CachedExtractor.open(extractor, dir);
    assert.deepEqual(await second.extract(texts, { gazetteer: names }), direct);
    assert.deepEqual(second.counts, { cached: 2, read: 0 });

    // Other known names change the model's input: the call is run again.
    await second.extract(texts, { gazetteer: KnownNames.of([{ name: '丙公司', kind: 'org' }]) });
    assert.deepEqual(second.counts, { cached: 2, read: 2 });
  });

  it('ignores a line cut by a killed run, and keeps each model in a file of its own', async () => {
    const [file] = await readdir(dir);
    await appendFile(join(dir, file as string), '{"key":"cut');
    const reopened = await CachedExtractor.open(await load(KNOWLEDGE_MODEL_DIR), dir);
    await reopened.extract(texts, { gazetteer: KnownNames.of([{ name: '甲的乙', kind: 'org' }]) });
    assert.deepEqual(reopened.counts, { cached: 2, read: 0 });

    const other = await CachedExtractor.open(await load(LOOKUP_MODEL_DIR), dir);
    await other.extract(texts);
    assert.deepEqual(other.counts, { cached: 0, read: 2 });
    assert.equal((await readdir(dir)).length, 2);
  });
});
