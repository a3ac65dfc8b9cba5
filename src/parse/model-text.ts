import { toSourceSpan } from './traditional-to-simplified.js';
import type { ParsedDocument, ParsedSentence } from './types.js';

/** The model-text index whose source offset is the first at or after `sourceOffset` (the map is monotonic). */
export function modelIndexOf(offsetMap: readonly number[], sourceOffset: number): number {
  let lo = 0;
  let hi = offsetMap.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((offsetMap[mid] ?? 0) < sourceOffset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The model text of one sentence: what the extractor reads. */
export function sentenceModelText(parsed: ParsedDocument, sentence: ParsedSentence): string {
  if (!parsed.modelOffsetMap) return parsed.modelText.slice(sentence.start, sentence.end);
  return parsed.modelText.slice(
    modelIndexOf(parsed.modelOffsetMap, sentence.start),
    modelIndexOf(parsed.modelOffsetMap, sentence.end),
  );
}

/** Span in the document text of a span given in the sentence's model text. */
export function sentenceSourceSpan(
  parsed: ParsedDocument,
  sentence: ParsedSentence,
  start: number,
  end: number,
): [number, number] {
  if (!parsed.modelOffsetMap) return [sentence.start + start, sentence.start + end];
  const base = modelIndexOf(parsed.modelOffsetMap, sentence.start);
  return toSourceSpan(parsed.modelOffsetMap, base + start, base + end);
}
