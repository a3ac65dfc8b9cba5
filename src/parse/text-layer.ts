/** Letters, digits and CJK ideographs: what OCR-less scans lack. */
const MEANINGFUL = /[\p{L}\p{N}]/gu;

/** Chars that show a broken font mapping rather than real text. */
const GARBAGE = /[\uFFFD\uE000-\uF8FF]/g;

/**
 * Latin-1 and Windows-1252 letters: what Chinese text shows as when a font without a
 * ToUnicode map falls back to its Latin encoding ("å…¬å¸" for 公司). Real text in a European language
 * has a few per cent of them, far below the garbage ratio that sends a PDF to OCR.
 */
const MOJIBAKE = /[\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192]/g;

export function meaningfulCharCount(text: string): number {
  return text.match(MEANINGFUL)?.length ?? 0;
}

export function garbageRatio(text: string): number {
  const mojibake = text.match(MOJIBAKE)?.length ?? 0;
  const meaningful = meaningfulCharCount(text) - mojibake;
  const garbage = (text.match(GARBAGE)?.length ?? 0) + mojibake;
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
