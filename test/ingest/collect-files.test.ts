import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { collectFiles, mimeTypeOf } from '../../src/ingest/index.js';

describe('collectFiles', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'finkg-collect-'));
    await mkdir(path.join(root, 'b', 'deep'), { recursive: true });
    await mkdir(path.join(root, '.hidden'));
    for (const name of [
      'a.pdf',
      'b/c.HTML',
      'b/deep/d.txt',
      'b/e.htm',
      'skip.docx',
      '.hidden/x.pdf',
      'notes.md',
    ]) {
      await writeFile(path.join(root, name), 'x');
    }
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('walks folders for pdf, html, htm and txt, in name order', async () => {
    const files = await collectFiles([root]);
    assert.deepEqual(
      files.map((f) => path.relative(root, f)),
      ['a.pdf', path.join('b', 'c.HTML'), path.join('b', 'deep', 'd.txt'), path.join('b', 'e.htm')],
    );
  });

  it('takes files named directly whatever their extension, once each', async () => {
    const md = path.join(root, 'notes.md');
    const files = await collectFiles([md, path.join(root, 'b'), md, path.join(root, 'b', 'e.htm')]);
    assert.equal(files.length, 4);
    assert.equal(files[0], md);
  });

  it('names a path that does not exist', async () => {
    await assert.rejects(
      collectFiles([path.join(root, 'missing.pdf')]),
      /missing\.pdf: no such file or folder/,
    );
  });
});

describe('mimeTypeOf', () => {
  it('maps the extensions it knows', () => {
    assert.equal(mimeTypeOf('x.PDF'), 'application/pdf');
    assert.equal(mimeTypeOf('x.htm'), 'text/html');
    assert.equal(mimeTypeOf('x.docx'), undefined);
  });
});
