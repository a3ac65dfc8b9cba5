import { COMPOUND_SURNAMES, SINGLE_SURNAMES } from '../vocabulary/surnames.js';

/**
 * Person names in filings: a common surname plus one or two given-name characters. Requiring a known surname
 * keeps words such as 公司/董事 from being read as names, which matters more here than rare surnames.
 */
const COMPOUND = COMPOUND_SURNAMES.join('|');

/** A given-name char never starts the word after the name ("赵某申请辞去" is 赵某 + 申请). */
const GIVEN_CHAR =
  '(?!申请|请辞|提出|辞去|辞任|辞职|因|由于|表示|已|将|被|获|为|于|虽|也|还|仍|曾|又|均|都|则|等|先生|女士)[\\u4e00-\\u9fa5]';

/** Regex source of one person's name (no capture group). */
export const PERSON_NAME = `(?:${COMPOUND}|[${SINGLE_SURNAMES}])(?:${GIVEN_CHAR}){1,2}`;

/** Honorific and the HKEX alias that may follow a name: 邓某某先生（「邓先生」）. */
export const HONORIFIC = '(?:先生|女士)?(?:[（(][「“"]?[\\u4e00-\\u9fa5]{1,4}[」”"]?[）)])?';

/** Where a name without honorific may start: not inside a word, unless right after a title or a verb. */
const BARE_START =
  '(?:(?<![\\u4e00-\\u9fa5])|(?<=董事|监事|经理|总裁|秘书|总监|主席|负责人|股东|控制人|一致行动人|聘任|选举|任命|委任|收到|会计师|工程师|及|和|与))';

/**
 * A name as a whole word: with its honorific, or standing alone and followed by a char that starts the next
 * word (因/申请/为/、…), so that "鉴于廖某某" does not yield "于廖某" nor "相关规定" a "关规定".
 */
export const NAME_UNIT = `(?:${PERSON_NAME}(?:先生|女士)(?:[（(][「“"]?[\\u4e00-\\u9fa5]{1,4}[」”"]?[）)])?|${BARE_START}${PERSON_NAME}(?=[因申提已于由表请辞近本、及和与（(，,为被获将给通自在拟计]))`;

/** Words the surname rule would take for names. */
const NOT_A_NAME = /董事|监事|经理|总裁|公司|股东|先生|女士|本人|集团|会议|规定|有关|相关|关于/;

export function isPersonName(text: string): boolean {
  return new RegExp(`^${PERSON_NAME}$`).test(text) && !NOT_A_NAME.test(text);
}

/** The names in a list such as "张三先生、李四女士及王五", in order, without honorifics or aliases. */
export function splitNames(list: string): string[] {
  const re = new RegExp(`(${PERSON_NAME})${HONORIFIC}(?:[、和及与]|$)`, 'gu');
  return [...list.matchAll(re)].map((m) => m[1] ?? '').filter(isPersonName);
}
