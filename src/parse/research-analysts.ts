import { SINGLE_SURNAMES } from '../vocabulary/surnames.js';

/**
 * Analysts of a research report and their SAC certificate numbers (执业证书编号, "S" + 13 digits; older
 * registrations print "A" + 13 digits).
 * Brokers lay the block out in many ways: "分析师：张三 执业证书编号：S…", "张三（分析师）" with the
 * number three lines below, a bare name line over its e-mail and number, or two names on one line
 * with their numbers underneath in the same order. Lines are read top-down; each number goes to the
 * name on its own line before it, else to the oldest name seen just above that has none yet.
 */

export interface Analyst {
  name: string;
  /** SAC 执业证书编号 as printed: "S" (or, on older reports, "A") + 13 digits. Absent where none is printed. */
  certificateNo?: string;
  /**
   * `contact` for 联系人 and 研究助理, with or without a number (assistants are registered too, but do not
   * sign research, so they are not authors); `analyst` for 分析师/研究员 and unlabelled names with a number.
   */
  role: 'analyst' | 'contact';
}

const ROLE_WORDS = '证券分析师|分析师|研究员|联系人|研究助理';
/** A certificate number: "S" or, on older reports, "A" + 13 digits, not inside a longer code. */
const CERTIFICATE_NO = String.raw`(?<![A-Za-z\d])[SA]\d{13}(?!\d)`;
const NAME = '[\\u4e00-\\u9fa5·]{2,4}?';
// Words that follow a role label but are not names (分析师声明, 联系人电话…) and place names in contact blocks.
const NOT_A_NAME =
  /^(?:执证|证号|声明|承诺|简介|介绍|团队|认为|预计|观点|具有|资格|薪酬|申明|上海|北京|深圳|广州|电话|邮箱|地址|相关|研究|报告|投资|分析|证书|编号|执业|登记|联系|助理|编制|邮件|第一|署名|本人)/;
const LABELLED = new RegExp(
  `(${ROLE_WORDS})\\s*[:：]?\\s*(${NAME})(?=\\s|[,，;；(（/|]|执业|SAC|S\\d|邮箱|电话|Email|E-mail|$)`,
  'gmu',
);
const SUFFIXED = new RegExp(`(?<=^|[\\s，,；;|])(${NAME})\\s*[:：]?\\s*[（(](${ROLE_WORDS})[)）]`, 'gmu');
/** "任瞳 S1090519080004", "张帅 分析师 SAC执业证书编号：S…" on one line. */
const BEFORE_CERT = new RegExp(
  `(?<=^|[\\s，,；;|：:])(${NAME})\\s*(${ROLE_WORDS})?\\s*[（(]?\\s*(?:SAC\\s*)?(?:执业证书编号|证书编号|执证号|编号)?\\s*[:：]?\\s*[SA]\\d{13}(?!\\d)`,
  'gmu',
);
/** A role word alone on its line ("证券分析师"): the name opens the next line. */
const ROLE_LINE = new RegExp(`^\\s*(${ROLE_WORDS})\\s*[:：]?\\s*$`, 'u');
const NAME_OPENS_LINE = new RegExp(`^\\s*(${NAME})(?=\\s|$)`, 'u');
/** A line that is only a name, maybe with its e-mail or phone: counted only when a number follows soon. */
const BARE_LINE = new RegExp(`^\\s*(${NAME})(?:\\s+[\\w.+-]+@[\\w.-]+|\\s+[\\d()（）-]{7,})?\\s*$`, 'u');
const CERTIFICATE = new RegExp(CERTIFICATE_NO, 'g');

// A bare line is a name only when it starts with a common surname.
const SURNAMES = new Set(SINGLE_SURNAMES);
/** Names without a certificate count only in the cover's block; further down they are sales lists. */
const HEAD_CHARS = 6000;
/** A number belongs to a name at most this many lines above it. */
const LOOKBACK_LINES = 6;

interface Pending {
  analyst: Analyst;
  line: number;
  /** Whether a role word named the role; a number never overrides a stated role. */
  labelled: boolean;
}

function roleOf(label: string | undefined): Analyst['role'] {
  return label === '联系人' || label === '研究助理' ? 'contact' : 'analyst';
}

// Function words and statement words: "的申明", "在此申明", "奖项" are not people.
const NOT_A_NAME_PART = /^[的在本我其该此及和与]|申明|声明|奖项|获奖|排名/;

function isName(name: string | undefined): name is string {
  return name !== undefined && !NOT_A_NAME.test(name) && !NOT_A_NAME_PART.test(name);
}

/** Analysts and contacts in reading order; each certificate number appears at most once. */
export function findAnalysts(text: string): Analyst[] {
  const lines = text.split('\n');
  const found: Pending[] = [];
  const byName = new Map<string, Pending>();
  const seenCertificates = new Set<string>();
  let offset = 0;

  const add = (name: string, role: Analyst['role'], line: number, labelled = true): Pending => {
    const existing = byName.get(name);
    if (existing) {
      // A role word beside a name first met by its number ("李四 S…（联系人）") states the role.
      if (labelled && !existing.labelled) {
        existing.labelled = true;
        existing.analyst.role = role;
      }
      return existing;
    }
    const entry = { analyst: { name, role }, line, labelled };
    byName.set(name, entry);
    found.push(entry);
    return entry;
  };
  const certify = (entry: Pending, certificate: string) => {
    entry.analyst.certificateNo = certificate;
    seenCertificates.add(certificate);
  };

  let roleAbove: string | undefined;
  lines.forEach((line, i) => {
    const inHead = offset < HEAD_CHARS;
    offset += line.length + 1;
    const onLine: { entry: Pending; at: number }[] = [];
    const labelOnly = ROLE_LINE.exec(line)?.[1];
    const opening = NAME_OPENS_LINE.exec(line);
    if (inHead && roleAbove && isName(opening?.[1]) && SURNAMES.has(opening[1][0] ?? '')) {
      onLine.push({ entry: add(opening[1], roleOf(roleAbove), i), at: opening.index });
    }
    roleAbove = labelOnly;
    for (const m of line.matchAll(BEFORE_CERT)) {
      const name = m[1];
      const cert = new RegExp(CERTIFICATE_NO).exec(m[0])?.[0];
      if (!isName(name) || !cert || seenCertificates.has(cert)) continue;
      certify(add(name, roleOf(m[2]), i, m[2] !== undefined), cert);
    }
    if (inHead) {
      for (const m of line.matchAll(LABELLED)) {
        if (isName(m[2])) onLine.push({ entry: add(m[2], roleOf(m[1]), i), at: m.index ?? 0 });
      }
      for (const m of line.matchAll(SUFFIXED)) {
        if (isName(m[1])) onLine.push({ entry: add(m[1], roleOf(m[2]), i), at: m.index ?? 0 });
      }
    }
    const bare = BARE_LINE.exec(line)?.[1];
    if (isName(bare) && SURNAMES.has(bare[0] ?? '') && certificateWithin(lines, i, 4))
      add(bare, 'analyst', i, false);

    for (const m of line.matchAll(CERTIFICATE)) {
      const cert = m[0];
      if (seenCertificates.has(cert)) continue;
      // A name on this line before the number, else the oldest uncertified name just above.
      const here = onLine.filter((n) => n.at < (m.index ?? 0) && !n.entry.analyst.certificateNo).pop();
      const above = found.find((f) => !f.analyst.certificateNo && i - f.line <= LOOKBACK_LINES);
      const owner = here?.entry ?? above;
      if (owner) certify(owner, cert);
    }
  });

  // Uncertified names further down are sales and contact lists, not the report's authors.
  return found
    .filter((f) => f.analyst.certificateNo !== undefined || lineOffset(lines, f.line) < HEAD_CHARS)
    .map((f) => f.analyst);
}

function certificateWithin(lines: readonly string[], from: number, count: number): boolean {
  const number = new RegExp(CERTIFICATE_NO);
  return lines.slice(from, from + count + 1).some((l) => number.test(l));
}

function lineOffset(lines: readonly string[], index: number): number {
  let offset = 0;
  for (let i = 0; i < index; i++) offset += (lines[i]?.length ?? 0) + 1;
  return offset;
}
