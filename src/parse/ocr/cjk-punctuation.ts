/**
 * The recogniser often reads Chinese text's full-width brackets, quotes and commas as their ASCII forms
 * (`"公司"）`, `(以下无正文)`). Text layers of Chinese filings have the full-width ones, and the parser's
 * patterns (`（以下简称“…”）`) expect them: next to Chinese text, ASCII forms become full-width again.
 * One character in, one out, so each character keeps its box and confidence.
 */

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff0f\uff1a-\uff20“”‘’]/u;
/** Punctuation read after a Chinese character: ASCII form → full-width form. */
const AFTER_CJK: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？' };

const isCjk = (ch: string | undefined) => ch !== undefined && CJK.test(ch);

export function fullWidthPunctuation(chars: readonly string[]): string[] {
  const out = [...chars];
  let quoteOpen = false;
  for (let i = 0; i < out.length; i++) {
    const ch = out[i] as string;
    const before = out[i - 1];
    const after = chars[i + 1];
    const nearCjk = isCjk(before) || isCjk(after);
    if (ch === '“') quoteOpen = true;
    else if (ch === '”') quoteOpen = false;
    else if (ch === '(' && nearCjk) out[i] = '（';
    else if (ch === ')' && nearCjk) out[i] = '）';
    else if (ch === '"' && nearCjk) {
      out[i] = quoteOpen ? '”' : '“';
      quoteOpen = !quoteOpen;
    } else if (AFTER_CJK[ch] && isCjk(before) && !(ch === ',' && /[0-9]/.test(after ?? '')))
      out[i] = AFTER_CJK[ch] as string;
  }
  return out;
}
