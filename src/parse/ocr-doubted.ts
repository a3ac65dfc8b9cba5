/**
 * Figures OCR read in doubt (a lost digit, an impossible grouping: ocr/figures.ts) are no facts: whoever
 * reads a value out of the text asks here first.
 */
import type { ParsedSentence } from './types.js';

/** Whether [start, end) of the document's text overlaps a figure the OCR reader doubts in one of `sentences`. */
export function overlapsOcrDoubt(
  sentences: readonly Pick<ParsedSentence, 'start' | 'end' | 'ocrDoubted'>[],
  start: number,
  end: number,
): boolean {
  return sentences.some(
    (s) =>
      s.start < end &&
      start < s.end &&
      (s.ocrDoubted?.some(([from, to]) => from < end && start < to) ?? false),
  );
}
