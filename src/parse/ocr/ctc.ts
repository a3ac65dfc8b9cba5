/** CTC greedy decoding of the recogniser's per-step class probabilities. */

/** Class 0 is CTC's blank; class i ≥ 1 is the dictionary's character i − 1. */
export const BLANK = 0;

/** One character as the decoder emitted it. */
export interface DecodedChar {
  text: string;
  /** Probability of the step that emitted it. */
  confidence: number;
  /** Time steps [start, end) where it won (repeats of it merged). */
  start: number;
  end: number;
}

export interface DecodedLine {
  text: string;
  /** Mean of the winning probabilities of the characters kept (0 when none). */
  confidence: number;
  chars: DecodedChar[];
  /** Time steps of the whole sequence (the strip's width over the recogniser's stride). */
  steps: number;
}

/**
 * Decodes one sequence: the most probable class at each step, repeats merged, blanks dropped.
 * `probs` holds `steps × classes` values, row by row. Spaces at either end are dropped.
 */
export function ctcGreedy(
  probs: Float32Array,
  steps: number,
  classes: number,
  charset: readonly string[],
): DecodedLine {
  const best = new Float32Array(steps);
  const bestProbs = new Float32Array(steps);
  for (let t = 0; t < steps; t++) {
    let top = 0;
    let topP = -Infinity;
    const row = t * classes;
    for (let c = 0; c < classes; c++) {
      const p = probs[row + c] ?? 0;
      if (p > topP) {
        topP = p;
        top = c;
      }
    }
    best[t] = top;
    bestProbs[t] = topP;
  }
  return ctcFromBest(best, bestProbs, charset);
}

/**
 * The same decoding from each step's most probable class and its probability, as the fused recogniser
 * gives them (models/ocr/fuse_models.py: its TopK (k = 1) outputs, the first class on a tie).
 */
export function ctcFromBest(
  best: ArrayLike<number>,
  bestProbs: ArrayLike<number>,
  charset: readonly string[],
): DecodedLine {
  const steps = best.length;
  const chars: DecodedChar[] = [];
  let previous = BLANK;
  for (let t = 0; t < steps; t++) {
    const top = best[t] ?? BLANK;
    if (top !== BLANK && top === previous) {
      const last = chars[chars.length - 1];
      if (last) last.end = t + 1;
    } else if (top !== BLANK) {
      chars.push({ text: charset[top - 1] ?? '', confidence: bestProbs[t] ?? 0, start: t, end: t + 1 });
    }
    previous = top;
  }
  while (chars.length > 0 && (chars[0]?.text ?? '').trim() === '') chars.shift();
  while (chars.length > 0 && (chars[chars.length - 1]?.text ?? '').trim() === '') chars.pop();
  const sum = chars.reduce((s, c) => s + c.confidence, 0);
  return {
    text: chars.map((c) => c.text).join(''),
    confidence: chars.length === 0 ? 0 : sum / chars.length,
    chars,
    steps,
  };
}

/**
 * Each character's span along the line as fractions [from, to] of the strip's width. CTC marks a
 * character at one or two steps, so spans are widened to the midpoints between neighbours; the first and
 * last characters are widened on their open side as much as on the other.
 */
export function charSpans(line: Pick<DecodedLine, 'chars' | 'steps'>): Array<[number, number]> {
  const { chars, steps } = line;
  if (steps <= 0) return chars.map(() => [0, 0]);
  const cuts = chars.slice(1).map((c, i) => ((chars[i]?.end ?? 0) + c.start) / 2);
  return chars.map((c, i) => {
    const left = cuts[i - 1];
    const right = cuts[i];
    // A lone character is widened by one step on each side.
    const margin = left !== undefined ? c.start - left : right !== undefined ? right - c.end : 1;
    const from = left ?? c.start - margin;
    const to = right ?? c.end + margin;
    return [Math.max(0, from / steps), Math.min(1, to / steps)];
  });
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
