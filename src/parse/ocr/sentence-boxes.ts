/**
 * Where a sentence of an OCR'd page lies on the page: the boxes of its characters, one box per line it
 * crosses. The cleaned document text differs from the OCR lines in whitespace and line breaks only where
 * the cleaner joined lines, so characters are matched with whitespace left out on both sides.
 */
import type { OcrChar, PageBox, PageOcr } from '../types.js';

const SPACE = /\s/;

/**
 * Boxes of `sentence` on `page`, in reading order; none when its text is not found among the page's
 * characters (e.g. a header the cleaner rewrote). `from` starts the search at that character of the
 * page (the previous sentence's end), so repeated phrases map to their own occurrence.
 */
export function sentenceBoxes(
  sentence: string,
  page: PageOcr,
  from = 0,
): { boxes: PageBox[]; end: number; doubted: Array<[number, number]> } | undefined {
  const chars = page.lines.flatMap((line, lineIndex) =>
    line.chars.filter((c) => !SPACE.test(c.text)).map((c) => ({ ...c, line: lineIndex })),
  );
  const needle = [...sentence].filter((c) => !SPACE.test(c)).join('');
  if (needle === '') return undefined;
  // String offsets of each character: the dictionary has characters outside the BMP.
  const charAt = new Map<number, number>();
  let haystack = '';
  chars.forEach((c, i) => {
    charAt.set(haystack.length, i);
    haystack += c.text;
  });
  charAt.set(haystack.length, chars.length);
  const fromUnit = chars.slice(0, from).reduce((n, c) => n + c.text.length, 0);
  let unit = haystack.indexOf(needle, fromUnit);
  if (unit < 0) unit = haystack.indexOf(needle);
  const at = charAt.get(unit);
  const end = charAt.get(unit + needle.length);
  if (unit < 0 || at === undefined || end === undefined) return undefined;
  const boxes: PageBox[] = [];
  let current: { line: number; box: PageBox } | undefined;
  for (const c of chars.slice(at, end)) {
    if (current?.line === c.line) {
      current.box = [
        Math.min(current.box[0], c.box[0]),
        Math.min(current.box[1], c.box[1]),
        Math.max(current.box[2], c.box[2]),
        Math.max(current.box[3], c.box[3]),
      ];
    } else {
      if (current) boxes.push(current.box);
      current = { line: c.line, box: [...c.box] };
    }
  }
  if (current) boxes.push(current.box);
  return { boxes, end, doubted: doubtedSpans(sentence, chars.slice(at, end)) };
}

/**
 * Spans [start, end) of `sentence` (UTF-16 offsets) over characters the reader doubts; `chars` are the page's
 * characters the sentence was found at, its non-space characters one for one.
 */
function doubtedSpans(sentence: string, chars: readonly OcrChar[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let k = 0;
  let unit = 0;
  for (const ch of sentence) {
    if (!SPACE.test(ch)) {
      if (chars[k]?.doubted) {
        const last = spans[spans.length - 1];
        if (last && last[1] === unit) last[1] = unit + ch.length;
        else spans.push([unit, unit + ch.length]);
      }
      k++;
    }
    unit += ch.length;
  }
  return spans;
}

/** A doubted run with this many digits is taken where digits touch it too: no chance part of another figure. */
const RUN_INSIDE_DIGITS = 6;

/** The runs of characters a page's reader doubts, line by line (whitespace left out): its doubted figures. */
function doubtedRuns(page: PageOcr): string[] {
  return page.lines.flatMap((line) =>
    line.chars
      .map((c) => (c.doubted ? c.text.replace(/\s/g, '') : ' '))
      .join('')
      .split(' ')
      .filter((run) => run !== ''),
  );
}

/**
 * Spans [start, end) of `sentence` (UTF-16 offsets) where a figure the page's reader doubts stands, for a
 * sentence whose characters were not found on the page in one piece (a table row, linearised with its
 * headers): each doubted run is looked for in the sentence, whitespace aside. A long run counts inside a
 * longer run of digits too, since the cells of a noisy scan's row run together (2,141,223,000.052.87%); a
 * short one (00.0, 154) only standing on its own. A figure read the same elsewhere on the page is doubted
 * with it: a wrong figure is worse than none.
 */
export function doubtedFiguresIn(sentence: string, page: PageOcr): Array<[number, number]> {
  const runs = doubtedRuns(page);
  if (runs.length === 0) return [];
  let compact = '';
  const at: number[] = [];
  for (let i = 0; i < sentence.length; i++) {
    const ch = sentence.charAt(i);
    if (SPACE.test(ch)) continue;
    compact += ch;
    at.push(i);
  }
  const spans: Array<[number, number]> = [];
  for (const run of new Set(runs)) {
    for (let from = compact.indexOf(run); from >= 0; from = compact.indexOf(run, from + 1)) {
      const to = from + run.length;
      const inside =
        /\d[,.，]?$/.test(compact.slice(Math.max(0, from - 2), from)) ||
        /^[,.，]?\d/.test(compact.slice(to, to + 2));
      if (inside && run.replace(/\D/g, '').length < RUN_INSIDE_DIGITS) continue;
      spans.push([at[from] ?? 0, (at[to - 1] ?? 0) + 1]);
    }
  }
  return spans.sort((a, b) => a[0] - b[0]);
}
