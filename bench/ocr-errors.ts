/** Where OCR's character errors are, for bench/ocr.ts: order apart from reading, and the edits themselves. */
import { comparableText } from '../src/eval/character-error-rate.js';
import { figuresIn } from '../src/parse/ocr/figures.js';
import type { OcrPage } from '../src/parse/ocr/ocr-pages.js';

function counts(text: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const c of text) map.set(c, (map.get(c) ?? 0) + 1);
  return map;
}

/**
 * Errors counted without order: characters of the reference missing from the reading or extra in it, the larger
 * of the two (a substitution is one of each). CER minus this is what reading order costs (columns, a table read
 * across where the text layer runs down).
 */
export function unorderedErrors(reference: string, read: string): number {
  const want = counts(comparableText(reference));
  const got = counts(comparableText(read));
  let missing = 0;
  let extra = 0;
  for (const [c, n] of want) missing += Math.max(0, n - (got.get(c) ?? 0));
  for (const [c, n] of got) extra += Math.max(0, n - (want.get(c) ?? 0));
  return Math.max(missing, extra);
}

export interface Edit {
  /** Reference characters replaced or left out ('' for an insertion). */
  expected: string;
  /** Characters read in their place ('' for a deletion). */
  read: string;
}

/** The edits of one least-cost alignment of the two texts (compared as the CER compares them), runs joined. */
export function alignmentEdits(reference: string, readText: string): Edit[] {
  const a = [...comparableText(reference)];
  const b = [...comparableText(readText)];
  const width = b.length + 1;
  const cost = new Uint32Array((a.length + 1) * width);
  for (let j = 0; j <= b.length; j++) cost[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cost[i * width] = i;
    for (let j = 1; j <= b.length; j++) {
      const same = a[i - 1] === b[j - 1] ? 0 : 1;
      cost[i * width + j] = Math.min(
        (cost[(i - 1) * width + j - 1] ?? 0) + same,
        (cost[(i - 1) * width + j] ?? 0) + 1,
        (cost[i * width + j - 1] ?? 0) + 1,
      );
    }
  }
  const edits: Edit[] = [];
  let open: Edit | undefined;
  const add = (expected: string, read: string) => {
    open ??= { expected: '', read: '' };
    open.expected = expected + open.expected;
    open.read = read + open.read;
  };
  const close = () => {
    if (open) edits.unshift(open);
    open = undefined;
  };
  let i = a.length;
  let j = b.length;
  while (i > 0 || j > 0) {
    const here = cost[i * width + j] ?? 0;
    if (i > 0 && j > 0 && a[i - 1] === b[j - 1] && here === cost[(i - 1) * width + j - 1]) {
      close();
      i--;
      j--;
    } else if (i > 0 && j > 0 && here === (cost[(i - 1) * width + j - 1] ?? 0) + 1) {
      add(a[i - 1] ?? '', b[j - 1] ?? '');
      i--;
      j--;
    } else if (i > 0 && here === (cost[(i - 1) * width + j] ?? 0) + 1) {
      add(a[i - 1] ?? '', '');
      i--;
    } else {
      add('', b[j - 1] ?? '');
      j--;
    }
  }
  close();
  return edits;
}

/** The edits as `expected→read` pairs, most frequent first; '' when the reading is exact. */
export function errorDiff(reference: string, read: string, most = 40): string {
  const tally = new Map<string, number>();
  for (const e of alignmentEdits(reference, read)) {
    const key = `${e.expected || '∅'}→${e.read || '∅'}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  return [...tally]
    .sort((x, y) => y[1] - x[1])
    .slice(0, most)
    .map(([key, n]) => (n > 1 ? `${key}×${n}` : key))
    .join('  ');
}

/** How a reading's figures compare with the reference's (figures.ts: runs of 3 or more digits). */
export interface FigureScore {
  /** Figures of the reference. */
  reference: number;
  /** Of those, read exactly (as a multiset: each reading of a figure counts once). */
  exact: number;
  /** Figures read that the reference does not have: wrong amounts, unless doubted. */
  wrong: number;
  /** Of the wrong ones, those holding characters the reader marked as doubted. */
  wrongDoubted: number;
  /** Figures read exactly but doubted all the same. */
  rightDoubted: number;
}

const figureCounts = (texts: readonly string[]) => {
  const map = new Map<string, number>();
  for (const f of texts) map.set(f, (map.get(f) ?? 0) + 1);
  return map;
};

const figureTexts = (text: string) => figuresIn(text.normalize('NFKC')).map((f) => f.text);

/**
 * Whether a figure read holds a run of doubted characters: in a table cell, a doubted line's figure may run on
 * into the next line's.
 */
const holdsDoubt = (figure: string, doubted: readonly string[]) =>
  doubted.some((d) => /\d/.test(d) && figure.includes(d.normalize('NFKC')));

/** Scores the figures of `read` against `reference`; `doubted` are the runs of characters the reader doubted. */
export function figureScore(reference: string, read: string, doubted: readonly string[]): FigureScore {
  const want = figureCounts(figureTexts(reference));
  const got = figureCounts(figureTexts(read));
  const score: FigureScore = { reference: 0, exact: 0, wrong: 0, wrongDoubted: 0, rightDoubted: 0 };
  for (const n of want.values()) score.reference += n;
  for (const [figure, n] of got) {
    const right = Math.min(n, want.get(figure) ?? 0);
    const inDoubt = holdsDoubt(figure, doubted);
    score.exact += right;
    score.wrong += n - right;
    if (inDoubt) {
      score.wrongDoubted += n - right;
      score.rightDoubted += right;
    }
  }
  return score;
}

/** The reference's figures not read, and the figures read that it lacks (`?` after those doubted), for `--errors`. */
export function figureDiff(reference: string, read: string, doubted: readonly string[]): string {
  const want = figureCounts(figureTexts(reference));
  const got = figureCounts(figureTexts(read));
  const missed = [...want].flatMap(([f, n]) => Array(Math.max(0, n - (got.get(f) ?? 0))).fill(f));
  const wrong = [...got].flatMap(([f, n]) => {
    const extra = Math.max(0, n - (want.get(f) ?? 0));
    return Array(extra).fill(holdsDoubt(f, doubted) ? `${f}?` : f);
  });
  return missed.length + wrong.length === 0 ? '' : `missed ${missed.join(' ')} | read ${wrong.join(' ')}`;
}

/** The figures the reader marked as doubted: runs of doubted characters, line by line, split at spaces. */
export const doubtedRuns = (page: OcrPage | undefined): string[] =>
  (page?.lines ?? []).flatMap((line) =>
    line.chars
      .map((c) => (c.doubted ? c.text : ' '))
      .join('')
      .split(/\s/)
      .filter(Boolean),
  );
