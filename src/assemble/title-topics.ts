/**
 * What an announcement's title (or a news item's headline) says it is about. Filings report one matter
 * each, and their background (a director's career, earlier deals, a group's history) names many events
 * that are not this document's: where a title names its matter, only records of that matter's types stay.
 */

const TOPICS: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [
    /辞职|辞任|辞去|聘任|委任|选举|任命|离任|离职|卸任|接任|出任|换届|换帅|换血|人事变动|人事调整|高管(?:变动|变更|调整)|董事|监事|高级管理人员|总经理|董事长|总裁|财务总监|董事会秘书/,
    ['高管变动'],
  ],
  [/质押|解押|出质/, ['质押', '解除质押']],
  [/回购|购回/, ['股份回购']],
  [/增持|减持/, ['股东增持', '股东减持']],
  [/处罚|处分|警示函|监管措施|立案|被查|罚单|罚款|被罚/, ['行政处罚']],
  [/亏损|预亏|盈利预警|业绩预告|业绩快报|由盈转亏/, ['亏损']],
  [/合同|中标|协议|订单|招标|谅解备忘录/, ['签署合同', '中标']],
  [/收购|购买.{0,20}(股权|股份|资产)|重大资产|并购|须予披露的?交易/, ['企业收购', '股份股权转让', '投资']],
  [/担保/, ['担保']],
  [/诉讼|起诉|仲裁|判决|裁定|索赔|开庭|庭审|二审|一审/, ['起诉', '判决']],
  [/供股|配售|融资|非公开发行|定向增发|募集.{0,4}资金/, ['企业融资']],
  [/上市|首次公开发行|招股|IPO|过会/, ['公司上市']],
  [/破产|重整/, ['企业破产']],
  [/约谈/, ['被约谈']],
  [/权益变动|协议转让|股权转让|股份转让/, ['股份股权转让', '股东增持', '股东减持']],
  [/对外投资|投资设立|增资/, ['投资']],
  // Accounting and payout notices tell no event of the schema: the deals they mention are their background.
  [/计提.{0,12}减值|会计政策变更|会计估计变更|利润分配|权益分派|分红派息/, []],
];

/** The record types a title's matter allows (none for an accounting notice), or undefined when it names no matter. */
export function titleTopics(title: string | undefined): ReadonlySet<string> | undefined {
  if (!title) return undefined;
  const types = new Set<string>();
  let named = false;
  for (const [pattern, allowed] of TOPICS) {
    if (!pattern.test(title)) continue;
    named = true;
    for (const t of allowed) types.add(t);
  }
  return named ? types : undefined;
}

/**
 * Matters a news story tells by their own word about its company: a buy-back, a loss, a listing, a holder's
 * trade, an officer's change. Deals, contracts and lawsuits are left out: a story's background retells them.
 */
const OWN_WORD_TYPES: ReadonlySet<string> = new Set([
  '股份回购',
  '亏损',
  '公司上市',
  '股东增持',
  '股东减持',
  '高管变动',
]);

/**
 * The types a news headline narrows the records to, given the types the story's mentions have. A headline can
 * name what the story only recalls (大股东质押超亿股 over a buy-back plan, pledges read from a quarterly report):
 * where no mention tells the headline's matter, the story's own-word matters stay.
 */
export function headlineTopics(
  headline: string | undefined,
  toldTypes: ReadonlySet<string>,
): ReadonlySet<string> | undefined {
  const topics = titleTopics(headline);
  if (!topics || topics.size === 0 || [...topics].some((t) => toldTypes.has(t))) return topics;
  return OWN_WORD_TYPES;
}
