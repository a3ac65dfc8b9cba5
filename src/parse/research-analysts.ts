import { COMPOUND_SURNAMES, SINGLE_SURNAMES } from '../vocabulary/surnames.js';

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

// 作者 counts only as a label (报告主要作者：…, 作者：…), never in prose (接受书籍作者采访).
const ROLE_WORDS =
  '证\\s*券\\s*分析师|助理分析师|分析师|研究员|联系人|研究助理|研究支持|研究部主管|(?:报告)?(?:主要)?作者(?=\\s*[:：])';
/** A certificate number: "S" or, on older reports, "A" + 13 digits, not inside a longer code. */
// A phone number may follow without a space (S1100518090001010-66495613): its area code starts with 0; so
// may the cover's date (S11501180800072021年3月18日).
const CERTIFICATE_END = String.raw`(?=\D|$|0\d{2,3}-\d|(?:19|20)\d{2}\s*(?:年|[-/.]\d))`;
// An e-mail address may run into it without a space (xieheng@xyzq.com.cnS0190519060001): a letter before the
// number is then the domain's end, not part of a longer code.
const CERTIFICATE_START = String.raw`(?:(?<![A-Za-z\d])|(?<=@[\w-]+(?:\.[\w-]+)*\.(?:cn|com|net|hk)))`;
const CERTIFICATE_NO = String.raw`${CERTIFICATE_START}[SA]\d{13}${CERTIFICATE_END}`;
const NAME = '[\\u4e00-\\u9fa5·]{2,4}?';
// Words that follow a role label but are not names (分析师声明, 联系人电话…) and place names in contact blocks.
const NOT_A_NAME =
  /^(?:执证|证号|声明|承诺|简介|介绍|团队|认为|预计|观点|具有|资格|薪酬|申明|上海|北京|深圳|广州|电话|邮箱|地址|相关|研究|报告|投资|分析|证书|编号|执业|登记|联系|助理|编制|邮件|第一|署名|本人)/;
const LABELLED = new RegExp(
  `(${ROLE_WORDS})\\s*[:：]?\\s*(${NAME})(?=\\s|[,，;；(（/|]|执业|SAC|S\\d|邮箱|电话|Email|E-mail|$|(?:19|20)\\d{2}[-/.年]|(?:${ROLE_WORDS})\\s*[:：])`,
  'gmu',
);
const SUFFIXED = new RegExp(`(?<=^|[\\s，,；;|)）])(${NAME})\\s*[:：]?\\s*[（(](${ROLE_WORDS})[)）]`, 'gmu');
/** "任瞳 S1090519080004", "张帅 分析师 SAC执业证书编号：S…" on one line. */
const BEFORE_CERT = new RegExp(
  `(?<=^|[\\s，,；;|：:])(${NAME})\\s*(${ROLE_WORDS})?\\s*[（(]?\\s*(?:SAC\\s*)?(?:执业证书编号|证书编号|执证号|编号)?\\s*[:：]?\\s*[SA]\\d{13}(?!\\d)`,
  'gmu',
);
const CONTACT_FOLLOWS = /^(?:\s|SAC|S\d|执业|证书|邮箱|电话|Email|E-mail|Tel)/iu;
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
  return label === '联系人' || label === '研究助理' || label === '助理分析师' || label === '研究支持'
    ? 'contact'
    : 'analyst';
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
    // A line run on past the head (text without breaks) counts only up to it.
    const headOfLine = HEAD_CHARS - offset;
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
    const stacked = inHead ? stackedBlock(line) : undefined;
    if (stacked) {
      const [first, second] = stacked.people;
      const entry = add(first.name, first.role, i);
      if (stacked.certificate && !seenCertificates.has(stacked.certificate))
        certify(entry, stacked.certificate);
      add(second.name, second.role, i);
    }
    if (inHead) {
      for (const m of line.matchAll(LABELLED)) {
        const at = m.index ?? 0;
        if (stacked && at >= stacked.start && at < stacked.end) continue;
        // Without a colon the role word may be prose (适合采用分析师预期指标；): a name that opens with no common
        // surname then counts only before a contact or number (研究员代雯SACNo., 分析师傅楚雄 ：010…).
        const next = line.slice(at + m[0].length);
        if (!/[:：]/.test(m[0]) && !startsWithSurname(m[2] ?? '') && !CONTACT_FOLLOWS.test(next)) continue;
        if (at < headOfLine && isName(m[2])) onLine.push({ entry: add(m[2], roleOf(m[1]), i), at });
      }
      for (const m of line.matchAll(SUFFIXED)) {
        const at = m.index ?? 0;
        if (at < headOfLine && isName(m[1])) onLine.push({ entry: add(m[1], roleOf(m[2]), i), at });
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
  const analysts = found
    .filter((f) => f.analyst.certificateNo !== undefined || lineOffset(lines, f.line) < HEAD_CHARS)
    .map((f) => f.analyst);
  const named = new Set(analysts.map((a) => a.name));
  const more = [
    ...runTogetherAuthors(text, seenCertificates),
    ...namesAfterEmptyContact(text, analysts),
    ...(analysts.some((a) => a.role === 'analyst') ? [] : authorsBesideRoleWords(text)),
    ...notLicensedAuthors(text),
  ];
  for (const a of more) {
    if (named.has(a.name)) continue;
    named.add(a.name);
    analysts.push(a);
  }
  return analysts;
}

/*
 * Covers whose text runs without line breaks ("…2.13马帅分析师SAC执业证书编号：S1450518120001mashuai@…齐震分析师…",
 * "证券分析师：谢长雁0755-22940793…证书编码：S0980517100003"): each number left unassigned belongs to the name
 * printed between it and the number before it — the one beside a role word, else the nearest.
 */
const RUN_HEAD_CHARS = 3000;
const RUN_WINDOW = 100;
const ROLE_OR_LABEL = new RegExp(
  [
    '(?:[\\u4e00-\\u9fa5]{2}行业)?(?:首席|高级|资深|联席|助理)?(?:证券)?分析师',
    '研究员',
    '联系人',
    '研究助理',
    '研究支持',
    '(?:证券投资咨询|证券)?(?:执业|业务)(?:资格)?(?:证书|登记)?(?:编号|编码|证号|号|证)',
    '(?:证书|登记)(?:编号|编码)',
    '执证编号',
    '电话',
    '联系电话',
    '邮箱',
    '电邮地址',
    '作者',
    '研究团队',
    '团队',
  ].join('|'),
  'gu',
);
const CONTACT_ROLE = /联系人|研究助理|助理分析师|研究支持/;
const ANALYST_ROLE = /分析师|研究员/;
const CJK_RUN = /[\u4e00-\u9fa5]+/gu;
const NOT_NAMES = /^(?:相对|绝对|收益|医药|行业|研究|报告|证券|资料|来源)/;

function startsWithSurname(name: string): boolean {
  return SURNAMES.has(name[0] ?? '') || COMPOUND_SURNAMES.some((c) => name.startsWith(c));
}

/** The name a piece of text ends with: the piece itself when it is one, else its last 3, 2 or 4 characters. */
function nameEnding(piece: string): string | undefined {
  if (piece.length >= 2 && piece.length <= 4 && startsWithSurname(piece) && !NOT_NAMES.test(piece))
    return piece;
  for (const n of [3, 2, 4]) {
    const tail = piece.slice(-n);
    if (piece.length > n && startsWithSurname(tail) && isName(tail) && !NOT_NAMES.test(tail)) return tail;
  }
  return undefined;
}

function runTogetherAuthors(text: string, seen: Set<string>): Analyst[] {
  const head = text.slice(0, RUN_HEAD_CHARS);
  const out: Analyst[] = pairedNames(head, seen);
  /** Authors whose role no role word stated: the biography page's heading may (研究助理简介王五). */
  const unstated = new Set<Analyst>();
  let previousEnd = 0;
  for (const m of head.matchAll(CERTIFICATE)) {
    const at = m.index ?? 0;
    const from = Math.max(previousEnd, at - RUN_WINDOW);
    previousEnd = at + m[0].length;
    if (seen.has(m[0])) continue;
    const window = head.slice(from, at);
    const candidates: { name: string; byRole: boolean }[] = [];
    // A role word ending one run labels the next when only a colon stands between ("分析师：洪嘉骏hong…").
    let roleBefore = '';
    let runEnd = 0;
    for (const run of window.matchAll(CJK_RUN)) {
      const start = run.index ?? 0;
      if (!/^[\s:：]*$/.test(window.slice(runEnd, start))) roleBefore = '';
      runEnd = start + run[0].length;
      const pieces = run[0].split(ROLE_OR_LABEL);
      const labels = [roleBefore, ...(run[0].match(ROLE_OR_LABEL) ?? [])];
      pieces.forEach((piece, i) => {
        // Right after a role word a short piece is the name, rare surname (蒯剑) or not.
        const afterRole = ANALYST_ROLE.test(labels[i] ?? '') || CONTACT_ROLE.test(labels[i] ?? '');
        const name =
          afterRole && piece.length >= 2 && piece.length <= 3 && isName(piece) && !NOT_NAMES.test(piece)
            ? piece
            : nameEnding(piece);
        const beside = `${labels[i] ?? ''}${labels[i + 1] ?? ''}`;
        if (name) candidates.push({ name, byRole: ANALYST_ROLE.test(beside) || CONTACT_ROLE.test(beside) });
      });
      roleBefore = pieces[pieces.length - 1] === '' ? (labels[labels.length - 1] ?? '') : '';
    }
    const owner = candidates.filter((c) => c.byRole).pop() ?? candidates.pop();
    if (!owner) continue;
    // No role word since the last number: the same block goes on (助理分析师陈晨…S…张山峰…S…), whether the
    // number before was read here or on its own line.
    const lastRole =
      lastRoleWord(window) ?? (out.length === 0 ? lastRoleWord(head.slice(0, from)) : undefined);
    const role = lastRole
      ? CONTACT_ROLE.test(lastRole)
        ? 'contact'
        : 'analyst'
      : (out[out.length - 1]?.role ?? 'analyst');
    seen.add(m[0]);
    const analyst: Analyst = { name: owner.name, certificateNo: m[0], role };
    if (!lastRole) unstated.add(analyst);
    out.push(analyst);
  }
  for (const a of unstated)
    if (a.role === 'analyst' && assistantByBiography(text, a.name)) a.role = 'contact';
  return out;
}

const ROLE_WORD = new RegExp(`${CONTACT_ROLE.source}|${ANALYST_ROLE.source}`, 'gu');

function lastRoleWord(text: string): string | undefined {
  return text.match(ROLE_WORD)?.pop();
}

/** The biography page files the person under assistants: "研究助理简介王五…", "联系人简介：王五". */
function assistantByBiography(text: string, name: string): boolean {
  return new RegExp(`(?:${CONTACT_ROLE.source})简介\\s*[:：]?\\s*${name}`, 'u').test(text);
}

/**
 * Two names run together over their two numbers (首席分析师陈一鸣曾晖S…S…): the names split where both halves
 * are names, three characters first, and take the numbers in order.
 */
const PAIR = new RegExp(`([\\u4e00-\\u9fa5]+)\\s*([SA]\\d{13})\\s*([SA]\\d{13})${CERTIFICATE_END}`, 'gu');

function splitTwoNames(run: string): [string, string] | undefined {
  for (const first of [3, 2]) {
    const a = run.slice(0, first);
    const b = run.slice(first);
    if (b.length < 2 || b.length > 3) continue;
    if ([a, b].every((n) => startsWithSurname(n) && isName(n) && !NOT_NAMES.test(n))) return [a, b];
  }
  return undefined;
}

/**
 * Two role labels printed side by side over their two names, as a table's header row reads in the text
 * (分析师联系人张帆陈康S0740515020001…): the names split where both halves are names and take the labels in
 * order; a number right after them is the first's, since it is the labels' order the numbers follow.
 */
const STACKED_LABELS = new RegExp(
  `(${ROLE_WORDS})\\s*(${ROLE_WORDS})\\s*([\\u4e00-\\u9fa5]{4,6})\\s*([SA]\\d{13}${CERTIFICATE_END})?`,
  'u',
);

function stackedBlock(
  line: string,
): { people: [Analyst, Analyst]; certificate?: string; start: number; end: number } | undefined {
  const m = STACKED_LABELS.exec(line);
  if (!m?.[1] || !m[2] || !m[3] || m[1] === m[2]) return undefined;
  const names = splitTwoNames(m[3]);
  if (!names) return undefined;
  const start = m.index;
  return {
    people: [
      { name: names[0], role: roleOf(m[1]) },
      { name: names[1], role: roleOf(m[2]) },
    ],
    ...(m[4] ? { certificate: m[4] } : {}),
    start,
    end: start + m[0].length,
  };
}

function pairedNames(head: string, seen: Set<string>): Analyst[] {
  const out: Analyst[] = [];
  for (const m of head.matchAll(PAIR)) {
    const [run = '', first = '', second = ''] = [m[1], m[2], m[3]];
    if (seen.has(first) || seen.has(second)) continue;
    const names = splitTwoNames(run.split(ROLE_OR_LABEL).pop() ?? '');
    if (!names) continue;
    const lastRole = lastRoleWord(run);
    const role = lastRole && CONTACT_ROLE.test(lastRole) ? 'contact' : 'analyst';
    seen.add(first);
    seen.add(second);
    out.push({ name: names[0], certificateNo: first, role }, { name: names[1], certificateNo: second, role });
  }
  return out;
}

/**
 * A second name in a block whose contact values were lost (分析师：张三邮箱：李四邮箱：): the name standing
 * between two empty contact labels goes on the block of the name before it.
 */
const AFTER_EMPTY_CONTACT =
  /(?:邮箱|电话|Email|E-mail)\s*[:：]\s*([\u4e00-\u9fa5]{2,3})(?=\s*(?:邮箱|电话|Email|E-mail|执业|SAC))/gu;

function namesAfterEmptyContact(text: string, found: readonly Analyst[]): Analyst[] {
  const last = found[found.length - 1];
  if (!last) return [];
  const out: Analyst[] = [];
  for (const m of text.slice(0, RUN_HEAD_CHARS).matchAll(AFTER_EMPTY_CONTACT)) {
    const name = m[1] ?? '';
    if (startsWithSurname(name) && isName(name) && !NOT_NAMES.test(name)) out.push({ name, role: last.role });
  }
  return out;
}

/**
 * Covers that print no numbers and run the block together: each name stands before its role word and its
 * e-mail or phone (沈一科技分析师name@…杨二研究助理…, 田三分析师郝四分析师邮箱：). Read only where no analyst
 * was found otherwise; a sector word between name and role (科技分析师) is not part of the name.
 */
const NAME_BEFORE_ROLE =
  /([\u4e00-\u9fa5]{2,8}?)(?:首席|高级|资深|联席)?(分析师|研究员|研究部主管|研究助理|联系人)(?=[A-Za-z0-9@(（+]|邮箱|电话|\s|$|[\u4e00-\u9fa5]{2,7}(?:分析师|研究员|研究部主管|研究助理|联系人)(?![:：]))/gu;

function authorsBesideRoleWords(text: string): Analyst[] {
  const out: Analyst[] = [];
  for (const m of text.slice(0, RUN_HEAD_CHARS).matchAll(NAME_BEFORE_ROLE)) {
    const before = m[1] ?? '';
    const sectorless = before.length >= 4 ? before.slice(0, -2) : '';
    const name = [before.slice(-3), before.slice(-2), sectorless.slice(-3), sectorless.slice(-2)].find(
      (n) => n.length >= 2 && startsWithSurname(n) && isName(n) && !NOT_NAMES.test(n),
    );
    if (name) out.push({ name, role: roleOf(m[2]) });
  }
  return out;
}

/** Quant reports may name their authors only where they say they hold no Hong Kong licence. */
const NOT_LICENSED =
  /请注意[，,]\s*([\u4e00-\u9fa5]{2,4}(?:\s*[,，、和及]\s*[\u4e00-\u9fa5]{2,4})*)\s*并非香港证券及期货事务监察委员会/u;

function notLicensedAuthors(text: string): Analyst[] {
  const names = NOT_LICENSED.exec(text)?.[1]?.split(/\s*[,，、和及]\s*/) ?? [];
  return names.filter((n) => startsWithSurname(n) && isName(n)).map((name) => ({ name, role: 'analyst' }));
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
