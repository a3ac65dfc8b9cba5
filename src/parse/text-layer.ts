/** Letters, digits and CJK ideographs: what OCR-less scans lack. */
const MEANINGFUL = /[\p{L}\p{N}]/gu;

/** Chars that show a broken font mapping rather than real text. */
const GARBAGE = /[\uFFFD\uE000-\uF8FF]/g;

export function meaningfulCharCount(text: string): number {
  return text.match(MEANINGFUL)?.length ?? 0;
}

export function garbageRatio(text: string): number {
  const meaningful = meaningfulCharCount(text);
  const garbage = text.match(GARBAGE)?.length ?? 0;
  const total = meaningful + garbage;
  return total === 0 ? 0 : garbage / total;
}

/**
 * A PDF "has a text layer" when it yields some real text per page on average. Scans often carry a few
 * stray chars (a stamp, a page number), so the bar is a minimum per page, not "any text at all".
 */
export function hasTextLayer(pageTexts: string[], minCharsPerPage = 10): boolean {
  const chars = pageTexts.reduce((n, t) => n + meaningfulCharCount(t), 0);
  return chars >= Math.max(minCharsPerPage, minCharsPerPage * pageTexts.length * 0.5);
}
