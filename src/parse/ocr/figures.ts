/**
 * Figures in OCR'd text: amounts, counts and ratios printed in digits. A figure read wrong is worse than one not
 * read, so a line's figures are checked: a digit grouping no printer makes (170,36,800) or a digit the recogniser
 * barely chose marks the figure as doubted.
 */

/** A run of digits with the separators printed inside figures (thousands commas, a decimal point). */
const FIGURE = /\d+(?:[,.，]\d+)*/g;
/**
 * The same, where a space also stands after a thousands comma or between a short group and three digits: the
 * recogniser reads a comma of small print as a comma and a space (370, 046,732.30) or a space (736 124 472),
 * which filings never print inside a figure. A space after decimals (two cells, 394.34 404,738) parts figures.
 */
export const SPACED_FIGURE = /\d+(?:(?:[.，]|,\s?|(?<=(?:^|[^\d.])\d{1,3}|,\d{3})\s(?=\d{3}(?!\d)))\d+)*/g;

/** Runs with fewer digits than this are not checked (list numbers, days, short counts). */
export const FIGURE_MIN_DIGITS = 3;

/** A figure's digit the recogniser gave less probability than this leaves the figure in doubt. */
export const DOUBTFUL_DIGIT = 0.8;

export interface FigureSpan {
  text: string;
  /** Offsets in the text's UTF-16 units, [start, end). */
  start: number;
  end: number;
}

const digitCount = (s: string) => s.replace(/\D/g, '').length;

/**
 * The figures of `text`: runs of digits and inner separators with at least FIGURE_MIN_DIGITS digits (`pattern`:
 * with spaces read for commas too, as SPACED_FIGURE).
 */
export function figuresIn(text: string, pattern: RegExp = FIGURE): FigureSpan[] {
  const found: FigureSpan[] = [];
  for (const m of text.matchAll(pattern)) {
    if (digitCount(m[0]) < FIGURE_MIN_DIGITS) continue;
    found.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/**
 * Whether the figure's thousands grouping is one a filing prints: with commas, 1–3 digits then groups of exactly
 * three up to the decimal point, and no comma after it; no space inside. Figures without commas (years, 12.5,
 * 1.2.3) pass.
 */
export function groupingPossible(figure: string): boolean {
  const plain = figure.replace(/，/g, ',');
  if (/\s/.test(plain)) return false;
  if (!plain.includes(',')) return true;
  return /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(plain);
}

/**
 * The figures of a recognised line the reader doubts: an impossible grouping, or a digit or separator read with
 * less than `doubtful` (DOUBTFUL_DIGIT) probability. `confidences[i]` belongs to the i-th code point of `text`.
 */
export function doubtedFigures(
  text: string,
  confidences: readonly number[],
  doubtful = DOUBTFUL_DIGIT,
): FigureSpan[] {
  // Offsets of code points, so that confidences line up with characters outside the BMP too.
  const pointAt = new Map<number, number>();
  let unit = 0;
  [...text].forEach((ch, i) => {
    pointAt.set(unit, i);
    unit += ch.length;
  });
  return figuresIn(text, SPACED_FIGURE).filter((f) => {
    if (!groupingPossible(f.text)) return true;
    const first = pointAt.get(f.start) ?? 0;
    const least = Math.min(...confidences.slice(first, first + [...f.text].length));
    return least < doubtful;
  });
}
