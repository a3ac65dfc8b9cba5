import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { inputFormatFromPath, parseJsonDocuments, readInputs } from '../../src/pipeline/document-input.js';

const decode = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe('extract inputs', () => {
  it('picks the format from the extension', () => {
    assert.equal(inputFormatFromPath('x.jsonl'), 'jsonl');
    assert.equal(inputFormatFromPath('x.json'), 'jsonl');
    assert.equal(inputFormatFromPath('a/b.PDF'), 'document');
    assert.equal(inputFormatFromPath('notes.txt'), 'document');
  });

  it('reads JSON Lines documents, their title read first, and FewFC records', () => {
    const lines = [
      JSON.stringify({ id: 'a', title: '关于股份质押的公告', text: '公司股东质押了股份。' }),
      '',
      JSON.stringify({ id: 7, content: '乙' }),
    ].join('\n');
    const [a, b] = parseJsonDocuments(lines, 'in');
    assert.equal(a?.id, 'a');
    assert.equal(a?.title, '关于股份质押的公告');
    assert.equal(decode(a?.bytes), '关于股份质押的公告\n公司股东质押了股份。');
    assert.equal(b?.id, '7');
    assert.equal(decode(b?.bytes), '乙');
    assert.equal(parseJsonDocuments('[{"text":"丙"}]', 'in')[0]?.id, 'in:1');
  });

  it('names the line of a bad record', () => {
    assert.throws(() => parseJsonDocuments('{"id":"a","text":"x"}\n{oops', 'in.jsonl'), /in\.jsonl:2/);
    assert.throws(() => parseJsonDocuments('{"id":"a"}', 'in.jsonl'), /"text"/);
  });

  it('walks folders for documents; a file id is its name without the extension', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'finkg-inputs-'));
    try {
      await mkdir(join(dir, 'sub'));
      await writeFile(join(dir, 'sub', '公告.txt'), '第一行。');
      await writeFile(join(dir, 'news.html'), '<p>新闻</p>');
      await writeFile(join(dir, 'notes.md'), 'not a document');
      const docs = await readInputs([dir]);
      assert.deepEqual(
        docs.map((d) => [d.id, d.fileName, d.mimeType]),
        [
          ['news', 'news.html', 'text/html'],
          ['公告', '公告.txt', 'text/plain'],
        ],
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
