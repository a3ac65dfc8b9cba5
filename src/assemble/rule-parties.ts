import { NAME_UNIT } from './rule-names.js';
import type { RuleSentence } from './rule-text.js';
import { argumentAt, type RuleArgument } from './rule-types.js';

/**
 * Where a party's name may start: after punctuation or a role/verb word, never inside a longer word
 * ("盛世丰华通过大宗交易" must not yield a person "宗交易").
 */
export const PARTY_START =
  '(?:(?<![\\u4e00-\\u9fa5A-Za-z0-9])|(?<=控股股东|实际控制人|大股东|股东|董事长|董事|监事|高级管理人员|高管|总经理|财务总监|董事会秘书|之一|一致行动人|通知|接到|收到|获悉|质押给|与|在|对|为|是))';

/** An organisation by its legal-form ending (…有限公司, …（有限合伙）, …银行…分行). */
export const ORGANIZATION =
  '(?:(?!先生|女士|通过|[于在自]\\d)[\\u4e00-\\u9fa5A-Za-z0-9（）()]){2,40}?(?:股份有限公司|有限责任公司|有限公司|（有限合伙）|\\(有限合伙\\)|合伙企业|投资中心|产业基金|基金|集团|银行(?:股份有限公司)?(?:[\\u4e00-\\u9fa5]{2,8}(?:分行|支行))?|证券|信托)';

/** A shareholder or other party: an organisation or a person named with a known surname. */
export const PARTY = `${PARTY_START}(?:${NAME_UNIT}|${ORGANIZATION})`;

/** Role words that may stand before a shareholder's name and are not part of it. */
export const HOLDER_ROLE =
  '(?:公司|本公司)?(?:的)?(?:控股股东|实际控制人|第一大股东|大股东|持股5%以上(?:的)?股东|股东|董事长|董事|监事|高级管理人员|高管|总经理|副总经理|财务总监|董事会秘书)?(?:之一)?(?:及其一致行动人)?';

const LEADING_ROLE = /^(?:.*?(?:控股股东|实际控制人|大股东|股东|一致行动人|之一)|即|系|由)(?=.{2})/;

/**
 * The name inside a matched party: without a role phrase the organisation pattern swept in before it
 * ("称公司股东某某有限公司"), the honorific, or the alias after it. `skip` is where the name starts.
 */
export function bareParty(text: string): { skip: number; name: string } {
  const skip = LEADING_ROLE.exec(text)?.[0].length ?? 0;
  const name = text
    .slice(skip)
    .replace(/[（(][「“"][^）)]*[）)]$/, '')
    .replace(/(先生|女士)$/, '');
  return { skip, name };
}

/** Argument for a party matched as `text` at compact offset `start`, cut to the bare name. */
export function partyArgument(
  sentence: RuleSentence,
  role: string,
  text: string,
  start: number,
): RuleArgument {
  const { skip, name } = bareParty(text);
  return argumentAt(sentence, role, start + skip, start + skip + name.length);
}
