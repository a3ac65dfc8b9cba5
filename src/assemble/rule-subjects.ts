/**
 * The company a news clause is about, read from its subject: "…，示例光学再次提交…", "【示例能源：今起招股】".
 * News put time words and descriptions before the name ("近日，苹果供应商示例光学…") and adverbs after it; a
 * subject is what is left once those are cut, and only when it still reads as a name.
 */

/** A name as news write it: no punctuation, no clause words; one short bracketed place inside ("远江（北京）…"). */
export const SUBJECT_NAME =
  '[\\u4e00-\\u9fa5A-Za-z0-9·&\\-]{2,24}?(?:[（(][\\u4e00-\\u9fa5]{2,4}[）)][\\u4e00-\\u9fa5A-Za-z0-9·&\\-]{2,20}?)?';
/** Where a subject can start: a clause boundary, or the words that introduce a report. */
export const SUBJECT_START =
  '(?<=^|[，。；：:、“”"【】（）()《》！？\\s]|消息|显示|获悉|报道|据悉|公告|此外|其中|同时)';

const TIME_WORDS =
  /^(?:近日|日前|今日|今天|昨日|昨天|目前|此前|随后|于|截至|截止|本周[一二三四五六日]?|(?:(?:19|20)\d{2}年)?\d{1,2}月(?:\d{1,2}日)?|.*丨)+/;
/** Words after a name and before its verb: 示例办公自2019年11月…, 示例支付公司近日…, 示例集团在港交所(公告). */
const TRAILING_WORDS =
  /(?:(?:自|于|在|已|将|也|还|终于|正式|成功|新增|近日|日前|今日|今天)(?:(?:19|20)\d{2}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?|在(?:港交所|联交所|上交所|深交所|北交所|交易所))$/;
/** A group named by its head: "示例航空及其10家子公司" is 示例航空. */
const GROUP_TAIL = /(?:及其|等).*$/;
/**
 * Descriptions before a name: 苹果供应商示例光学, 示例集团旗下消费金融平台示例金融, 第三方支付机构示例支付,
 * 美国页岩油气企业示例能源公司 (not the 企业 of a name: 示例企业管理有限公司).
 */
const DESCRIPTION =
  /^.*(?:旗下|供应商|独角兽|巨头|龙头|本土企业|平台|机构|—|公司(?=[A-Za-z])|企业(?!管理|发展|服务|有限|股份|集团|咨询|投资|孵化|合伙)(?=[\u4e00-\u9fa5A-Za-z]{2,}(?:公司|集团)$))(?=[\u4e00-\u9fa5A-Za-z0-9]{2,})/;
/** Subjects that are no company: pronouns, counts, and the clause words a summary sentence lets through. */
const NOT_A_NAME =
  /^(?:公司|该公司|企业|其|这|此|上述|多家|终于|无论|上市公司|拟|预计|本|将|可)|之日|个月|[0-9一二三四五六七八九十]+家|(?:企业|公司们|项目|等)$|的|让|啥|要|准备|号称|宣布|支持|筹划|方式|本次|首家|车型|公布|发布|披露|草案|评级|数据|资料|报告|统计/;

/** The name in a caught subject; undefined when none is left or it is no name (nor one `notName` refuses). */
export function trimSubject(caught: string, notName?: RegExp): string | undefined {
  const name = caught
    .replace(TIME_WORDS, '')
    .replace(DESCRIPTION, '')
    .replace(GROUP_TAIL, '')
    .replace(TRAILING_WORDS, '');
  if (name.length < 2 || NOT_A_NAME.test(name) || notName?.test(name)) return undefined;
  return name;
}
