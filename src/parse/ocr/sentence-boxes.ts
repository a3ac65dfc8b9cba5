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
