import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { projectRoot } from '../../src/config/index.js';
import { parseVocab } from '../../src/extract/char-normalizer.js';
import { Tokenizer, tokenSpanToUtf16 } from '../../src/extract/tokenizer.js';

const vocab = parseVocab(['[PAD]', '[UNK]', '[MASK]', '公', '司', 'a', 'b', '1', ' ', '𠀀', '%'].join('\n'));
const tokenizer = new Tokenizer(vocab);

describe('Tokenizer', () => {
  it('gives one id per code point, normalising full-width, case and spaces', () => {
    const { ids } = tokenizer.encode('公ＡＢ１\u3000司Ａ％x');
    // 公, ａ→a, ｂ→b (full-width then lower-cased), １→1, ideographic space→' ', 司, A→a, ％→%, x unknown
    assert.deepEqual(ids, [3, 5, 6, 7, 8, 4, 5, 10, 1]);
  });

  it('counts an astral character as one token and keeps UTF-16 offsets', () => {
    const text = 'a𠀀公😀b';
    const { ids, offsets } = tokenizer.encode(text);
    assert.deepEqual(ids, [5, 9, 3, 1, 6]);
    assert.deepEqual(offsets, [0, 1, 3, 4, 6, 7]);
    const [s, e] = tokenSpanToUtf16(offsets, 1, 3);
    assert.equal(text.slice(s, e), '𠀀公');
    assert.equal(text.slice(...tokenSpanToUtf16(offsets, 3, 4)), '😀');
  });

  it('encodes the empty string to nothing', () => {
    assert.deepEqual(tokenizer.encode(''), { ids: [], offsets: [0] });
  });

  it('rejects spans outside the text', () => {
    const { offsets } = tokenizer.encode('公司');
    assert.throws(() => tokenSpanToUtf16(offsets, 1, 3), RangeError);
    assert.throws(() => tokenSpanToUtf16(offsets, 1, 1), RangeError);
  });

  it('refuses a vocab without the special tokens', async () => {
    const dir = join(projectRoot, 'test/extract/fixtures/lookup-model');
    const ok = await Tokenizer.fromVocabFile(join(dir, 'vocab.txt'));
    assert.equal(ok.encode('质押').ids.length, 2);
    await assert.rejects(Tokenizer.fromVocabFile(join(dir, 'config.json')), /lacks \[PAD\]/);
  });
});

describe('Tokenizer against the shared vectors (test/fixtures/tokenizer-vectors.json)', () => {
  const fixture = join(projectRoot, 'test/fixtures/tokenizer-vectors.json');
  it('matches the Python tokenizer id for id', async () => {
    assert.ok(existsSync(fixture), `${fixture} is missing`);
    const fx = JSON.parse(readFileSync(fixture, 'utf8')) as {
      vocab: string;
      vocabSize: number;
      cases: { input: string; ids: number[]; normalizedCodePoints: number[] }[];
    };
    const vocabPath = join(projectRoot, fx.vocab);
    const shared = await Tokenizer.fromVocabFile(vocabPath);
    assert.equal(shared.size, fx.vocabSize, 'vocab changed since the vectors were written');
    assert.ok(fx.cases.length > 0);
    for (const c of fx.cases) {
      const { ids, offsets } = shared.encode(c.input);
      assert.deepEqual(ids, c.ids, c.input);
      assert.equal(offsets.length, c.normalizedCodePoints.length + 1);
      assert.equal(offsets.at(-1), c.input.length);
    }
  });
});
