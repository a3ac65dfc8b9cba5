import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { cachedParser } from '../../src/eval/parse-cache.js';
import { parseDocument } from '../../src/parse/index.js';
import { textPdf } from '../support/pdf-fixtures.js';

const LIMITS = { maxBytes: 10_000_000, maxPages: 50 };

describe('parse cache', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'finkg-parse-cache-'));
  after(() => rm(dir, { recursive: true, force: true }));
  const pdf = await textPdf([['Annual general meeting', 'Resolutions passed'], ['Second page']]);

  it('gives back what the parser gives, from disk the second time', async () => {
    const parse = await cachedParser(dir);
    const direct = await parseDocument(pdf, { fileName: 'notice.pdf' }, LIMITS);
    const first = await parse(pdf, { fileName: 'notice.pdf' }, LIMITS);
    const second = await parse(pdf, { fileName: 'notice.pdf' }, LIMITS);
    assert.deepEqual(first, direct);
    assert.deepEqual(second, direct);
    assert.deepEqual(parse.counts, { cached: 1, parsed: 1 });
  });

  it('keeps a new entry for other limits or hints, and none for texts', async () => {
    const parse = await cachedParser(dir);
    await parse(pdf, { fileName: 'notice.pdf' }, { ...LIMITS, maxPages: 40 });
    await parse(pdf, { fileName: 'notice.pdf', kind: 'announcement' }, LIMITS);
    await parse(new TextEncoder().encode('公司召开股东大会。'), { fileName: 'news.txt' }, LIMITS);
    assert.deepEqual(parse.counts, { cached: 0, parsed: 2 });
    const [folder] = await readdir(path.join(dir, 'parsed'));
    assert.equal((await readdir(path.join(dir, 'parsed', folder as string))).length, 3);
  });
});
