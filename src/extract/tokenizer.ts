import { readFile } from 'node:fs/promises';
import { normalizeCodePoint, parseVocab, UNK_ID, type Vocab } from './char-normalizer.js';

/** A tokenized text: one token per code point, with the way back to the original string. */
export interface EncodedText {
  /** Token ids, one per code point of the original text. */
  ids: number[];
  /**
   * UTF-16 offset where each token starts in the original string, plus one final entry equal to the
   * string's length, so token i covers [offsets[i], offsets[i + 1]).
   */
  offsets: number[];
}

/** Char-level tokenizer: normalise each code point (1:1), then look it up in the vocab. */
export class Tokenizer {
  constructor(private readonly vocab: Vocab) {}

  static async fromVocabFile(path: string): Promise<Tokenizer> {
    const vocab = parseVocab(await readFile(path, 'utf8'));
    for (const special of ['[PAD]', '[UNK]', '[MASK]']) {
      if (!vocab.has(special)) throw new Error(`vocab ${path} lacks ${special}`);
    }
    return new Tokenizer(vocab);
  }

  get size(): number {
    return this.vocab.size;
  }

  encode(text: string): EncodedText {
    const ids: number[] = [];
    const offsets: number[] = [];
    let utf16 = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0) as number;
      ids.push(this.vocab.get(String.fromCodePoint(normalizeCodePoint(cp))) ?? UNK_ID);
      offsets.push(utf16);
      utf16 += ch.length;
    }
    offsets.push(utf16);
    return { ids, offsets };
  }
}

/** Map a [start, end) token span to UTF-16 offsets using `EncodedText.offsets`. */
export function tokenSpanToUtf16(offsets: readonly number[], start: number, end: number): [number, number] {
  const s = offsets[start];
  const e = offsets[end];
  if (s === undefined || e === undefined || start >= end) {
    throw new RangeError(`token span [${start}, ${end}) outside ${offsets.length - 1} tokens`);
  }
  return [s, e];
}
