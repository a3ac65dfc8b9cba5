/**
 * Wording that tells no event of one type although the model read that type in it, and party names whose
 * place in the sentence says which side they are on. Sentence-wide rules for every type are in not-event.ts;
 * these hold for one record type each.
 */

/**
 * A pledge stated as a holding, not as an event: a status as of a date (截至…已质押, 存在股份质押), a figure read from a
 * periodic report (据…一季报显示), or an earlier filing a news story recalls (2017年9月一则公告显示).
 */
const PLEDGE_STATUS =
  /^截至[^，,。]{0,20}[，,][^。]{0,40}?(?:已|累计)[^。]{0,6}质押|存在(?:股份|股权)?质押|(?:年报|季报|半年报|中报|年度报告)(?:中)?显示|\d{4}年[^，,。]{0,6}一则公告/;
/** A ruling asked for (请求裁决, 要求判令) or waited for (等待判决结果) is no ruling. */
const RULING_ASKED = /(?:请求|要求|诉请|申请)(?:法院|仲裁庭|仲裁委员会)?(?:依法)?$/;
const RULING_AWAITED = /等待(?:法院)?(?:判决|裁决|宣判|仲裁)|尚未(?:判决|裁决|宣判|作出判决)|待(?:法院)?判决/;
/** A share transfer moves shares or equity (not the 股 of a company's name): selling projects or assets is none. */
const SHARES_OR_EQUITY = /股权|股票|股本|[\d万亿千百A-HＡ-Ｈ]股|股份(?!有限)/;
/**
 * Officer wording that changes nobody's post: a sitting director's re-election (轮席退任 and 重选 are one
 * step), a biography (its age, 35岁), or the fee an appointment carries (袍金).
 */
const NO_OFFICER_CHANGE = /重选|重選|连任|連任|留任|膺选|膺選|\d{2}\s*[岁歲][，,]|袍金/;

/** Why a mention of `documentType` states no event of that type, or undefined when it may. */
export function notOfType(documentType: string, sentence: string, triggerAt: number): string | undefined {
  switch (documentType) {
    case '质押':
      return PLEDGE_STATUS.test(sentence) ? 'holding-status' : undefined;
    case '判决':
      if (RULING_ASKED.test(sentence.slice(Math.max(0, triggerAt - 12), triggerAt))) return 'ruling-asked';
      return RULING_AWAITED.test(sentence) ? 'ruling-awaited' : undefined;
    case '股份股权转让':
      return SHARES_OR_EQUITY.test(sentence) ? undefined : 'no-shares';
    case '高管变动':
      return NO_OFFICER_CHANGE.test(sentence) ? 'no-change-of-post' : undefined;
    default:
      return undefined;
  }
}

/** A name written as a party's legal representative (法定代表人：王某) is not itself a party of a lawsuit. */
const REPRESENTATIVE_BEFORE = /(?:法定代表人|法人代表|负责人|負責人|法定代表人姓名)\s*[:：]?\s*$/;

export function isRepresentative(sentence: string, at: number): boolean {
  return REPRESENTATIVE_BEFORE.test(sentence.slice(Math.max(0, at - 10), at));
}

/** A party introduced as a subsidiary (全资子公司某某, 附屬公司某某) is on the listed company's side. */
const SUBSIDIARY_BEFORE = /(?:子公司|附属公司|附屬公司)(?:之一)?$/;

export function namedAsSubsidiary(sentence: string, at: number): boolean {
  return SUBSIDIARY_BEFORE.test(sentence.slice(Math.max(0, at - 8), at));
}
