/**
 * Per-code-point word features from jieba (segmentation + POS), shared by
 * training (through `finkg features`) and serving, so they cannot drift.
 *
 * - seg: 0 pad, 1 B, 2 M, 3 E, 4 S (position of the code point in its jieba word)
 * - pos: 0 pad, 1 unknown tag, 2.. index into POS_TAGS + 2
 * jieba runs on the normalised text (char-normalizer), which is 1:1 in code points.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readSetting } from '../config/index.js';
import { normalizeText } from './char-normalizer.js';

export const SEG_PAD = 0;
export const SEG_B = 1;
export const SEG_M = 2;
export const SEG_E = 3;
export const SEG_S = 4;
export const POS_PAD = 0;
export const POS_UNK = 1;

/**
 * Fixed jieba POS tag list (the tags of jieba's dict.txt by frequency, plus `eng`).
 * The model config stores a copy; id = index + 2. Never reorder: trained models depend on it.
 */
export const POS_TAGS: readonly string[] = (
  'n nr v i l ns m nz nrt zg nt a vn z d t j b g r s c nrfg x f ng o q vg p ad mq y ag an e ' +
  'u tg vq vi k vd rr mg h dg uz uv ul uj ug ud rz rg df eng'
).split(' ');

/** Version of the feature definition; bump when anything above or the lexicon changes. */
export const WORD_FEATURES_VERSION = 'jieba-node-rs-2+finance-dict-v1';

const POS_INDEX = new Map<string, number>(POS_TAGS.map((t, i) => [t, i + 2]));

interface TaggedWord {
  word: string;
  tag: string;
}
interface JiebaLike {
  tag(sentence: string, hmm?: boolean): TaggedWord[];
  loadDict(dict: Uint8Array): void;
}

const require = createRequire(import.meta.url);
let jiebaInstance: JiebaLike | undefined;

/** The finance user dictionary named by the configuration (FINKG_FINANCE_DICT, else the committed one). */
function readFinanceDict(): Buffer {
  const file = readSetting('financeDictFile');
  try {
    return readFileSync(file);
  } catch (error) {
    throw new Error(
      `finance dictionary ${file} cannot be read (${(error as Error).message}); set FINKG_FINANCE_DICT`,
    );
  }
}

function jieba(): JiebaLike {
  if (!jiebaInstance) {
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(d: Uint8Array): JiebaLike } };
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    const j = Jieba.withDict(dict);
    j.loadDict(readFinanceDict());
    jiebaInstance = j;
  }
  return jiebaInstance;
}

/** Per-code-point seg/pos ids for `text` (one entry per code point). */
export function wordFeatures(text: string): { seg: number[]; pos: number[] } {
  const norm = Array.from(normalizeText(text));
  const n = norm.length;
  const seg = new Array<number>(n).fill(SEG_S);
  const pos = new Array<number>(n).fill(POS_UNK);
  if (n === 0) return { seg, pos };
  const words = jieba().tag(norm.join(''), true);
  let i = 0;
  for (const { word, tag } of words) {
    const len = Array.from(word).length;
    if (len === 0) continue;
    // jieba returns the text back in order; stop defensively if it ever does not.
    if (i + len > n || norm.slice(i, i + len).join('') !== word) break;
    const p = POS_INDEX.get(tag) ?? POS_UNK;
    for (let k = 0; k < len; k++) {
      seg[i + k] = len === 1 ? SEG_S : k === 0 ? SEG_B : k === len - 1 ? SEG_E : SEG_M;
      pos[i + k] = p;
    }
    i += len;
  }
  return { seg, pos };
}
