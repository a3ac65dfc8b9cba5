import { num } from './statement.js';

/**
 * A span stored with document offsets, as offsets into its sentence; null when it does not lie inside
 * the sentence (an argument filled from the document context) or has no offsets.
 */
export function spanInSentence(
  sentence: { start: number; text: string },
  at: { start?: unknown; end?: unknown },
): { start: number; end: number } | null {
  const start = num(at.start);
  const end = num(at.end);
  if (start === null || end === null) return null;
  const rel = { start: start - sentence.start, end: end - sentence.start };
  return rel.start >= 0 && rel.end <= sentence.text.length && rel.start < rel.end ? rel : null;
}
