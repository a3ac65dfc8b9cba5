import type { ParsedDocument } from '../parse/index.js';
import { headlineOf, modelIndexOf, toSourceSpan } from '../parse/index.js';
import { toSimplified } from '../parse/traditional-to-simplified.js';

/** A span of the source document: `text === doc.text.slice(start, end)`. */
export interface SourceSpan {
  text: string;
  start: number;
  end: number;
}

/**
 * One sentence of the document as the rules read it: Simplified (modelText) and with the whitespace PDF
 * layout leaves inside words and numbers removed ("2017 年 5 月 29\n日" → "2017年5月29日").
 * `span` maps an index range of `compact` back to the source text.
 */
export interface RuleSentence {
  index: number;
  compact: string;
  span(start: number, end: number): SourceSpan;
}

/** Builds the compact view of model text [start, end). */
export function compactView(
  doc: ParsedDocument,
  modelStart: number,
  modelEnd: number,
  index = 0,
): RuleSentence {
  const chars: string[] = [];
  const at: number[] = [];
  // PDF layout and copied news text both break words with spaces ("本 公 司", "（集 团）"), so all whitespace goes.
  for (let i = modelStart; i < modelEnd; i++) {
    const c = doc.modelText[i] ?? '';
    if (/\s/.test(c)) continue;
    chars.push(c);
    at.push(i);
  }
  at.push(modelEnd);
  const compact = chars.join('');
  return {
    index,
    compact,
    span(start: number, end: number): SourceSpan {
      const mStart = at[start] ?? modelEnd;
      // The end is one past the last kept char, so trailing layout whitespace is not included.
      const mEnd = end > start ? (at[end - 1] ?? modelEnd - 1) + 1 : mStart;
      const [s, e] = toSourceSpan(doc.modelOffsetMap, mStart, mEnd);
      return { text: doc.text.slice(s, e), start: s, end: e };
    },
  };
}

/**
 * The parsed sentences sometimes end at a PDF line break inside a sentence ("…将录得亏损介" + "乎约…",
 * "5 月 29" + "日收到…"). A long line that ends without punctuation, or one cut inside a date, is joined
 * with the next unless that starts a new item.
 */
const SPLIT_DATE_HEAD = /[0-9０-９年月]$/;
const SPLIT_DATE_TAIL = /^[0-9０-９年月日号]/;
const SENTENCE_END = /[。！？；!?;：:」）)]$/;
const ITEM_START = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]|\d+[、.．]|[①-⑩])/;
const WRAPPED_LINE = 30;

function continues(head: string, tail: string): boolean {
  if (SPLIT_DATE_HEAD.test(head) && SPLIT_DATE_TAIL.test(tail)) return true;
  const compactHead = head.replace(/\s+/g, '');
  return compactHead.length >= WRAPPED_LINE && !SENTENCE_END.test(compactHead) && !ITEM_START.test(tail);
}

/** Model-text spans of the document's sentences, a sentence cut at a line break joined again. */
function sentenceSpans(doc: ParsedDocument): Array<[number, number]> {
  const map = doc.modelOffsetMap;
  const spans: Array<[number, number]> = [];
  for (const s of doc.sentences) {
    const start = map ? modelIndexOf(map, s.start) : s.start;
    const end = map ? modelIndexOf(map, s.end) : s.end;
    const last = spans[spans.length - 1];
    const head = last ? doc.modelText.slice(last[0], last[1]).trimEnd() : '';
    const tail = doc.modelText.slice(start, end).trimStart();
    if (last && continues(head, tail)) last[1] = end;
    else spans.push([start, end]);
  }
  return spans;
}

/** The document's sentences as rule sentences, in order. */
export function ruleSentences(doc: ParsedDocument): RuleSentence[] {
  return sentenceSpans(doc).map(([start, end], i) => compactView(doc, start, end, i));
}

/**
 * Sentences joined where one ends in ；: a broker note states a period in one clause and its figures in the
 * next ("公司20Q3实现营收12.41亿元，同降69.2%；归母净利亏损4.48亿元").
 */
export function clauseRuns(doc: ParsedDocument): RuleSentence[] {
  const runs: Array<[number, number]> = [];
  for (const [start, end] of sentenceSpans(doc)) {
    const last = runs[runs.length - 1];
    if (last && /[；;]\s*$/.test(doc.modelText.slice(last[0], last[1]))) last[1] = end;
    else runs.push([start, end]);
  }
  return runs.map(([start, end], i) => compactView(doc, start, end, i));
}

/**
 * Title of the announcement, else the short lines at its top: HKEX headers and news flashes carry no parsed
 * title, and their title is a short line of its own ("董事辞任", "【某某：股东减持】").
 */
export function headline(doc: ParsedDocument): string {
  // Header strings are as written (Traditional in HKEX filings); the title rules read Simplified.
  const title = doc.header.announcement?.title;
  if (title) return toSimplified(title).text;
  // A news item's headline is its first line: the short lines after it are the story's own (a recalled
  // 董事长发生变更 is no word of the headline).
  if (doc.kind === 'news') {
    const first = headlineOf(doc.modelText) ?? doc.modelText.trimStart().split('\n')[0]?.slice(0, 40);
    return (first ?? '').replace(/\s+/g, '');
  }
  const lines = doc.modelText
    .slice(0, 800)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ''))
    .filter((line) => line.length >= 2 && !/概不负责|网址|注册成立|股份代号|证券代码/.test(line));
  const short = lines.filter((line) => line.length <= 40).slice(0, 6);
  // A news flash whose headline ran into its first sentence: its first 40 chars stand for the headline.
  return short.length > 0 ? short.join('\n') : (lines[0] ?? '').slice(0, 40);
}
