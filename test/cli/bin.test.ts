/**
 * `npx finkg` runs package.json's bin as a program: the build must leave it executable, and what it runs
 * must be the product (here `finkg parse` reading a sample filing, with the kinds of src/vocabulary).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { promisify } from 'node:util';
import { projectRoot } from '../../src/config/index.js';
import { DOCUMENT_KINDS } from '../../src/vocabulary/document-kinds.js';

const run = promisify(execFile);
const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
  bin: { finkg: string };
};
const bin = path.join(projectRoot, pkg.bin.finkg);
const sample = path.join(projectRoot, 'samples', 'ann-688592-contract.txt');

it('the finkg bin runs by itself and parses a filing: its kind, issuer and sentences', async () => {
  const { stdout } = await run(bin, ['parse', sample]);
  const parsed = JSON.parse(stdout) as {
    kind: string;
    header: { announcement?: { stockCode?: string; exchange?: string } };
    /** How many sentences it split the text into. */
    sentences: number;
  };
  assert.equal(parsed.kind, 'announcement', 'told from the content: --kind defaults to other');
  assert.equal(parsed.header.announcement?.stockCode, '688592');
  assert.equal(parsed.header.announcement?.exchange, 'SSE');
  assert.ok(parsed.sentences > 5, `${parsed.sentences} sentences`);
});

it('the finkg bin refuses a kind that is not one of the document kinds, and names those it takes', async () => {
  await assert.rejects(
    run(bin, ['parse', sample, '--kind', 'memo']),
    (error: { code: number; stderr: string }) => {
      assert.equal(error.code, 1);
      assert.match(error.stderr, new RegExp(DOCUMENT_KINDS.join(', ')));
      return true;
    },
  );
});
