/**
 * Per-code-point character normalisation and char-level token ids.
 *
 * This is the single definition shared by training (Python mirrors it in
 * models/training/tokenizer.py and both are checked against
 * test/fixtures/tokenizer-vectors.json) and serving.
 *
 * Rules (applied to each code point, 1:1, so offsets never move):
 *  - full-width ASCII U+FF01..U+FF5E -> code point - 0xFEE0
 *  - U+3000 and the whitespace set below -> ' '
 *  - A-Z -> a-z (also after the full-width mapping)
 *  - everything else unchanged
 * Tokens are the code points of the normalised text: token i = code point i
 * (no [CLS]/[SEP]).
 */

export const PAD_ID = 0;
export const UNK_ID = 1;
export const MASK_ID = 2;
export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[MASK]'] as const;

// Explicit list instead of /\s/ because JS and Python disagree on a few code points.
const WHITESPACE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x09, 0x0d],
  [0x1c, 0x1f],
  [0x20, 0x20],
  [0x85, 0x85],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];

function isWhitespace(cp: number): boolean {
  for (const [lo, hi] of WHITESPACE_RANGES) {
    if (cp >= lo && cp <= hi) return true;
  }
  return false;
}

/** Normalise one code point. */
export function normalizeCodePoint(cp: number): number {
  let c = cp;
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  if (isWhitespace(c)) return 0x20;
  if (c >= 0x41 && c <= 0x5a) c += 0x20;
  return c;
}

/** Code points of `text` (astral characters count as one). */
export function codePoints(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) out.push(ch.codePointAt(0) as number);
  return out;
}

/** Normalised code points, one per code point of `text`. */
export function normalizeCodePoints(text: string): number[] {
  return codePoints(text).map(normalizeCodePoint);
}

/** Normalised text; same number of code points as `text`. */
export function normalizeText(text: string): string {
  return String.fromCodePoint(...normalizeCodePoints(text));
}

/** A char vocab: token string -> id. `vocab.txt` has one token per line, line number = id. */
export type Vocab = ReadonlyMap<string, number>;

export function parseVocab(vocabTxt: string): Map<string, number> {
  const lines = vocabTxt.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const vocab = new Map<string, number>();
  lines.forEach((tok, i) => {
    // Lines are read as-is: a vocab entry can be a single space character.
    vocab.set(tok, i);
  });
  return vocab;
}

/** Token ids for `text`: one id per code point, unknown chars -> [UNK]. */
export function encodeIds(text: string, vocab: Vocab): number[] {
  return normalizeCodePoints(text).map((cp) => vocab.get(String.fromCodePoint(cp)) ?? UNK_ID);
}
