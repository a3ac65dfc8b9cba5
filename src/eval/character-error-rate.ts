import { distance } from 'fastest-levenshtein';

/** What a character error rate compares: NFKC folds full- and half-width forms, whitespace is layout. */
export function comparableText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

export interface CharacterErrors {
  /** Edits (insertions, deletions, substitutions) from the reference to the text read. */
  errors: number;
  /** Characters of the reference. */
  length: number;
}

export function characterErrors(reference: string, read: string): CharacterErrors {
  const ref = comparableText(reference);
  return { errors: distance(ref, comparableText(read)), length: ref.length };
}

/** Edits per reference character; 0 is a perfect read. */
export function characterErrorRate(reference: string, read: string): number {
  const { errors, length } = characterErrors(reference, read);
  return length === 0 ? (errors === 0 ? 0 : 1) : errors / length;
}
