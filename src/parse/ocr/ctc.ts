/** CTC greedy decoding of the recogniser's per-step class probabilities. */

/** Class 0 is CTC's blank; class i ≥ 1 is the dictionary's character i − 1. */
export const BLANK = 0;

export interface DecodedLine {
  text: string;
  /** Mean of the winning probabilities of the characters kept (0 when none). */
  confidence: number;
}

/**
 * Decodes one sequence: the most probable class at each step, repeats merged, blanks dropped.
 * `probs` holds `steps × classes` values, row by row.
 */
export function ctcGreedy(
  probs: Float32Array,
  steps: number,
  classes: number,
  charset: readonly string[],
): DecodedLine {
  let text = '';
  let sum = 0;
  let kept = 0;
  let previous = BLANK;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let bestP = -Infinity;
    const row = t * classes;
    for (let c = 0; c < classes; c++) {
      const p = probs[row + c] ?? 0;
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    if (best !== BLANK && best !== previous) {
      text += charset[best - 1] ?? '';
      sum += bestP;
      kept++;
    }
    previous = best;
  }
  return { text, confidence: kept === 0 ? 0 : sum / kept };
}

/**
 * The recogniser's character set from PP-OCR's dictionary file: one character a line, then a space
 * (the models are trained with `use_space_char`).
 */
export function parseCharset(dictionary: string): string[] {
  const chars = dictionary.split(/\r?\n/);
  if (chars[chars.length - 1] === '') chars.pop();
  return [...chars, ' '];
}
