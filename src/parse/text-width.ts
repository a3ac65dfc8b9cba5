/** Approximate rendered width in ems: CJK and full-width chars are 1, Latin/digits about half. */
export function visualWidth(line: string): number {
  let width = 0;
  for (const ch of line) {
    const c = ch.codePointAt(0) ?? 0;
    if (c === 0x09) width += 2;
    else if (c < 0x2e80) width += 0.55;
    else width += 1;
  }
  return width;
}

const CJK_CHAR = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u;

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK_CHAR.test(ch);
}

/** What to put between two pieces of one sentence that layout broke apart: nothing for Chinese, a space for Latin. */
export function joinSeparator(before: string, after: string): string {
  const last = before.at(-1);
  const first = after[0];
  if (isCjk(last) || isCjk(first)) return '';
  if (last === '-' || last === undefined || first === undefined) return '';
  return ' ';
}
