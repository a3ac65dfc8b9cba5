import type { ParsedParagraph, ParsedSentence } from './types.js';

export interface PageSpan {
  number: number;
  start: number;
  end: number;
}

/** A table row's line in the text: it is one sentence, whatever its length or punctuation. */
export interface TableRowSpan {
  start: number;
  end: number;
  table: number;
  row: number;
}

export interface SplitOptions {
  /** Sentences longer than this (UTF-16 units) are cut, preferably at a comma. Default 400. */
  maxSentenceLength?: number;
  tableRows?: TableRowSpan[];
}

export interface SplitResult {
  paragraphs: ParsedParagraph[];
  sentences: ParsedSentence[];
  /** Number of sentences that had to be cut at maxSentenceLength. */
  capped: number;
}

const TERMINATORS = new Set(['。', '！', '？', '；', '!', '?', '…']);
const OPENERS: Readonly<Record<string, string>> = {
  '“': '”',
  '「': '」',
  '『': '』',
  '（': '）',
  '(': ')',
  '《': '》',
  '【': '】',
  '[': ']',
  '‘': '’',
};
const CLOSERS = new Set(Object.values(OPENERS));
/** Closing marks that belong to the sentence they follow: 。” or ！） */
const TRAILING = new Set([...CLOSERS, '"', "'", '…']);
/** Quotes/brackets longer than this are treated as unbalanced, so splitting resumes. */
const MAX_ENCLOSED = 300;
const SOFT_CUT = /[，,、：:]/;

function pageOf(offset: number, pages: PageSpan[]): number {
  let lo = 0;
  let hi = pages.length - 1;
  let found = pages[0]?.number ?? 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const page = pages[mid];
    if (!page) break;
    if (page.start <= offset) {
      found = page.number;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Sentence end offsets (exclusive) within text[start, end). */
function sentenceEnds(text: string, start: number, end: number): number[] {
  const ends: number[] = [];
  const stack: Array<{ closer: string; at: number }> = [];
  let i = start;
  while (i < end) {
    const ch = text[i] ?? '';
    const top = stack[stack.length - 1];
    if (top && i - top.at > MAX_ENCLOSED) stack.length = 0;
    if (ch in OPENERS) {
      stack.push({ closer: OPENERS[ch] ?? '', at: i });
    } else if (CLOSERS.has(ch)) {
      const idx = stack.map((s) => s.closer).lastIndexOf(ch);
      if (idx >= 0) stack.length = idx;
    } else if (TERMINATORS.has(ch)) {
      let j = i + 1;
      while (j < end && (TERMINATORS.has(text[j] ?? '') || TRAILING.has(text[j] ?? ''))) {
        const c = text[j] ?? '';
        if (CLOSERS.has(c)) {
          const idx = stack.map((s) => s.closer).lastIndexOf(c);
          if (idx >= 0) stack.length = idx;
        }
        j++;
      }
      // Inside quotes/brackets only a terminator that closes them (。”) ends the sentence.
      if (stack.length === 0) ends.push(j);
      i = j;
      continue;
    }
    i++;
  }
  if (ends[ends.length - 1] !== end) ends.push(end);
  return ends;
}

/** Never cut between a surrogate pair or inside a number like 2.15 or 1,200. */
function safeCut(text: string, at: number, min: number): number {
  let cut = at;
  const bad = (k: number) =>
    /[\uDC00-\uDFFF]/.test(text[k] ?? '') ||
    (/[\d.,%]/.test(text[k] ?? '') && /[\d.,]/.test(text[k - 1] ?? ''));
  while (cut > min + 1 && bad(cut)) cut--;
  return cut;
}

function capLength(text: string, start: number, end: number, max: number): number[] {
  const cuts: number[] = [];
  let from = start;
  while (end - from > max) {
    let cut = -1;
    for (let k = from + max; k > from + max / 2; k--) {
      if (SOFT_CUT.test(text[k - 1] ?? '')) {
        cut = k;
        break;
      }
    }
    if (cut < 0) cut = safeCut(text, from + max, from);
    cuts.push(cut);
    from = cut;
  }
  cuts.push(end);
  return cuts;
}

function trimSpan(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  return [s, e];
}

/**
 * Splits cleaned text into paragraphs (one per line) and sentences, with exact UTF-16 offsets:
 * `text.slice(s.start, s.end) === s.text` always holds.
 */
export function splitSentences(text: string, pages: PageSpan[], options: SplitOptions = {}): SplitResult {
  const max = options.maxSentenceLength ?? 400;
  const paragraphs: ParsedParagraph[] = [];
  const sentences: ParsedSentence[] = [];
  let capped = 0;
  const rowAt = new Map((options.tableRows ?? []).map((r) => [r.start, r]));
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const [pStart, pEnd] = trimSpan(text, lineStart, lineEnd);
    if (pEnd > pStart) {
      const paragraph = paragraphs.length;
      paragraphs.push({ index: paragraph, start: pStart, end: pEnd, page: pageOf(pStart, pages) });
      const row = rowAt.get(pStart);
      if (row && row.end === pEnd) {
        sentences.push({
          index: sentences.length,
          text: text.slice(pStart, pEnd),
          start: pStart,
          end: pEnd,
          page: pageOf(pStart, pages),
          paragraph,
          table: { index: row.table, row: row.row },
        });
        lineStart = lineEnd + 1;
        continue;
      }
      let from = pStart;
      for (const sentenceEnd of sentenceEnds(text, pStart, pEnd)) {
        const pieces = capLength(text, from, sentenceEnd, max);
        if (pieces.length > 1) capped++;
        for (const pieceEnd of pieces) {
          const [s, e] = trimSpan(text, from, pieceEnd);
          if (e > s) {
            sentences.push({
              index: sentences.length,
              text: text.slice(s, e),
              start: s,
              end: e,
              page: pageOf(s, pages),
              paragraph,
            });
          }
          from = pieceEnd;
        }
      }
    }
    lineStart = lineEnd + 1;
  }
  return { paragraphs, sentences, capped };
}
