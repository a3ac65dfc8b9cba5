import type { DocumentKind } from '../vocabulary/document-kinds.js';

/**
 * Wording that tells no event of one type although the model read that type in it, and party names whose
 * place in the sentence says which side they are on. Sentence-wide rules for every type are in not-event.ts;
 * these hold for one record type each.
 */

/**
 * A pledge stated as a holding, not as an event: a status as of a date (截至…已质押, 截至…已将2.29亿股股份质押, 存在股份质押),
 * pledged shares' standing against the liquidation line (质押的5162万股股票已跌破平仓线, 质押的股份面临平仓风险), pledges
 * still outstanding (未解押的股票质押), a figure read from a periodic report (据…一季报显示), or an earlier filing a
 * news story recalls (2017年9月一则公告显示).
 */
const PLEDGE_STATUS =
  /^截至[^，,。]{0,20}[，,][^。]{0,40}?(?:已|累计)(?:[^。]{0,6}|[^。，,]{0,14})质押|存在(?:股份|股权)?质押|质押的[^。，,]{0,16}(?:(?:跌破|触及|逼近|接近)(?:平仓线|预警线)|(?:面临|存在)[^。，,]{0,6}平仓风险)|未(?:解押|解除质押)|(?:年报|季报|半年报|中报|年度报告)(?:中)?显示|\d{4}年[^，,。]{0,6}一则公告/;
/**
 * Pledged shares described, in the pledge's own clause, as a position rather than pledged now: held in pledge
 * (处于质押状态, 已质押股份, 被质押, 质押比例), measured against the warning or liquidation line (预警线, 警戒线,
 * 平仓线, 平仓风险, 违约处置), shares pledged earlier named as a thing (质押给某证券的2000万股…), a party said to
 * hold a pledge (是…的质押权人), the pledged part of a holding (持有…，其中…已质押给…) or its running total (累计质押),
 * or a bond repo's collateral (质押券, 质押式回购). A supplementary pledge made against the line (补充质押) is an
 * event.
 */
const PLEDGE_STANDING =
  /处于质押|(?:已|被)质押(?!给|予|于)|质押(?:比例|率)|(?:预警|警戒|平仓)线|平仓风险|违约处置|质押(?:给|予|于)[^，,。；;]{1,24}?的[^，,。；;]{0,12}?股|(?:是|为)[^，,。；;]{0,24}?的?(?:质押权人|质权人)|质押券|质押式|其中[：:]?[^，,。；;]{0,16}?质押|累计质押/;
const PLEDGE_MADE = /补充质押/;
/** A pledge's liquidation risk removed (解除质押平仓风险) is no release. */
const RISK_REMOVED = /解除[^，,。；;]{0,8}风险/;
/** A ruling asked for (请求裁决, 要求判令) or waited for (等待判决结果) is no ruling. */
const RULING_ASKED = /(?:请求|要求|诉请|申请)(?:法院|仲裁庭|仲裁委员会)?(?:依法)?$/;
const RULING_AWAITED = /等待(?:法院)?(?:判决|裁决|宣判|仲裁)|尚未(?:判决|裁决|宣判|作出判决)|待(?:法院)?判决/;
/** A share transfer moves shares or equity (not the 股 of a company's name): selling projects or assets is none. */
const SHARES_OR_EQUITY = /股权|股票|股本|[\d万亿千百A-HＡ-Ｈ]股|股份(?!有限)/;
/**
 * Officer wording that changes nobody's post: a sitting director's re-election (轮席退任 and 重选 are one
 * step), a biography (its age, 35岁), the fee an appointment carries (袍金), or a shareholder's proxy (委任代表) in a
 * circular's meeting rules.
 */
const NO_OFFICER_CHANGE = /重选|重選|连任|連任|留任|膺选|膺選|\d{2}\s*[岁歲][，,]|袍金|委任代表|受委代表/;
/**
 * A change of post or holding a story sets before its news (此前，…离职; 去年7月30日，在…离任后; 此前，某某曾减持…):
 * background to what the story reports.
 */
const EARLIER_CHANGE = /^(?:此前|早前|去年|前年)/;
/**
 * Posts of government and politics (a president, a mayor, a minister's chief of staff): 高管变动 is a change of
 * a company's officers; a sentence with these and no company in it tells of a state's.
 */
const PUBLIC_OFFICE =
  /总统|总理|首相|议员|议会|人大常委会|人民政府|党团|国务卿|内阁|唐宁街|幕僚长|[省州]长|(?<!董事|[行社局处])市长/;
const COMPANY_WORD = /公司|集团|股份|银行|证券|基金|董事|监事|总裁|总经理|CEO/;

/**
 * A loss the sentence states for its own period: 亏 not in 扭亏 (back to profit), not in an investment's loss (确认联营企业
 * 投资亏损, the associate's result), not in a 扣非 or recurring-business figure (the guideline's loss is the net
 * profit's), not after 上年同期 (last year's). A minus figure of 净利润 counts too, not the dash of a range of
 * profits (净利润2.1亿元-2.5亿元). A change word standing alone (，同比减亏) is about the figure of the clause before it.
 * Results a prospectus shows (招股书显示…亏损) are the company's history (guideline §2), and results told beside a
 * balance sheet (总资产…，净亏损…，净资产…) are a company's profile, the way news of a deal describes its target.
 */
const LOSS_WORD = /(?<!扭|投资)亏|净利润[^，,。；\d]{0,12}-\s*\d/g;
const NOT_THIS_PERIODS_LOSS = /上年同期|去年同期|上年度|上一年度|扣非|扣除非经常性损益|经常性业务/;
const CHANGE_ALONE = /^\s*(?:同比|环比)?(?:大幅)?[增减]$/;
const PROSPECTUS = /招股书|招股说明书/;
export const COMPANY_PROFILE = /总资产|净资产|所有者权益|负债总额/;
/** A clause break that is not the thousands comma of a figure (2,480万元). */
const FIGURE_CLAUSE_BREAK = /[，；;。]|,(?!\d)/;

function statesOwnLoss(sentence: string): boolean {
  if (PROSPECTUS.test(sentence) || COMPANY_PROFILE.test(sentence)) return false;
  for (const m of sentence.matchAll(LOSS_WORD)) {
    const clause = clauseBefore(sentence, m.index);
    const judged = CHANGE_ALONE.test(clause)
      ? (sentence
          .slice(0, Math.max(0, m.index - clause.length - 1))
          .split(FIGURE_CLAUSE_BREAK)
          .pop() ?? '')
      : clause;
    if (!NOT_THIS_PERIODS_LOSS.test(judged)) return true;
  }
  return false;
}

const CLAUSE_BREAK = /[，,；;。]/;

/** The clause that holds offset `at`, up to `at`. */
function clauseBefore(sentence: string, at: number): string {
  return sentence.slice(0, at).split(CLAUSE_BREAK).pop() ?? '';
}

/**
 * Holdings a fund or the connect schemes changed (基金四季度增持, 重仓股, 北上资金): market flows, no holder's
 * trade (guideline §2).
 */
const MARKET_FLOW =
  /重仓|加仓|减仓|仓位|北上资金|基金经理|(?:该|旗下|公募)基金|基金[^，,。]{0,4}[一二三四1-4]季度/;
/** Stocks ranked by what was bought or sold of them (减持宁德时代市值最高，其次是…): a market statistic. */
const RANKED = /(?:市值|金额)最(?:高|多|大)|其次(?:是|为)|最多的是/;
/** Convertible bonds sold or bought (减持“长汽转债”): no trade in the shares (guideline §2). */
const BONDS = /转债|债券/;
/** A broker's rating written with a trade word (维持“增持”评级, 评级由增持降至中性): an opinion, no trade. */
const RATING_WITH_TRADE_WORD =
  /[“"]?[增减]持[”"]?\s*评级|评级[^，,。；]{0,8}[增减]持|(?:维持|给予|予以?|上调至|下调至|降至|升至|首次覆盖)[“"]?[增减]持/g;

/**
 * The wording of a record of this type: a loss of the period, a holder's trade. A record none of whose
 * sentences has it was read by the model into sentences about something else (a profit, a rating).
 */
const RECORD_WORDING: Readonly<Record<string, (sentence: string) => boolean>> = {
  亏损: statesOwnLoss,
  股东增持: (sentence) => /增持|举牌|买入|购入|增加持股|受让/.test(withoutRatings(sentence)),
  股东减持: (sentence) =>
    /减持|卖出|出售|抛售|套现|转让|清仓|持股(?:比例)?(?:降至|降低|减少|下降)/.test(withoutRatings(sentence)),
};

function withoutRatings(sentence: string): string {
  return sentence.replace(RATING_WITH_TRADE_WORD, '');
}

/** Whether a sentence of a record of `documentType` has the type's wording (true for types with none). */
export function hasRecordWording(documentType: string, sentence: string): boolean {
  return RECORD_WORDING[documentType]?.(sentence) ?? true;
}

/**
 * Companies named as examples of a statistic (中国移动、中国电信、山东黄金等企业获重要股东净增持; 正泰电器、中环股份等
 * 13家公司回购金额超1亿元): a list ending in 等 and a class of companies. The guideline counts no event for them.
 */
const STATISTIC_EXAMPLES =
  /(?:[\p{Script=Han}A-Za-z0-9*]{2,12}、)+[\p{Script=Han}A-Za-z0-9*]{2,12}等(?:(?:\d+|[一二两三四五六七八九十百多几数]+)(?:家|只)|企业|公司|上市公司|个股|机构|房企|券商)/u;
/**
 * A regulator's tally of its penalties (全国共下达处罚决定书13.28万份, 本次通报的10起案例, 罚单逾1600张,
 * 累计处罚…家): many penalties added up, none of them told as an event (guideline §2: statistics).
 */
const PENALTY_TALLY =
  /(?:共|累计|总计|全年|上半年)(?:下达|作出|开出|公布|披露|查处)|通报(?:了)?[^，,。；;]{0,20}(?:案件|案例)|\d+\s*起(?:案件|案例)|平均罚款|罚单(?:逾|超|近|约)?\d/;
/** A notice that a penalty is proposed (行政处罚事先告知书): not yet one (guideline §2). */
const PENALTY_NOTICE = /事先告知/;
/** A penalty proposed or supposed in the trigger's clause (拟被罚款, 拟对其作出处罚, 如最终…作出处罚). */
const PENALTY_SUPPOSED =
  /拟(?:对[^，,。；;]{1,20})?被?(?:作出|给予|处以)?(?:行政)?(?:处罚|罚款)|如(?:果)?最终|若最终/;

/** Types that round-ups count companies by (and a business's tally of clients signed: 新签约了A、B等多家客户). */
const COUNTED_TYPES = new Set(['股东增持', '股东减持', '股份回购', '亏损', '质押', '解除质押', '签署合同']);

/**
 * A period's orders added up (12月份当月中标及新签合同额, 第四季度已中标尚未签约订单, 收到子公司中标/签约…合同订单合计):
 * the sum of many awards, none of them told.
 */
const ORDER_TOTALS =
  /中标(?:及|和|与|\/|、)(?:新签|签约|签订)|(?:当月|季度|月份|年度|累计)[^，,。；]{0,6}中标|中标[^，,。；]{0,4}尚未签约/;
/** 中标 as what a product or a bidder is (集采中标的产品, 中标支架, 中标机构既有…): no award told. */
const AWARDED_AS_ATTRIBUTE = /集采中标|中标(?:的)?(?:产品|品种|支架|药品|机构|者)/;

/** A holder's trades: told as the start of something else (在某某减持…后，…) they are background too. */
const TRADE_TYPES = new Set(['股东增持', '股东减持']);
/** Deal types whose mentions outside a filing of their own are often what explains a figure or a failed plan. */
const DEAL_TYPES = new Set(['企业收购', '投资', '股份股权转让']);
/** A deal called off, rejected or lapsed: background, not a deal (guideline §2). */
const CALLED_OFF = /终止|被否|失败|失效|告吹|未获|撤回|放弃|叫停/;
/** A headline or title that calls a deal off (终止收购某某, 收购某某失败, 两家公司终止重大重组). */
const DEAL_CALLED_OFF = new RegExp(
  `(?:${CALLED_OFF.source})[^，,。；;\\s]{0,8}?(?:收购|并购|重组|购买)|(?:收购|并购|重组|购买)[^，,。；;\\s]{0,16}?(?:${CALLED_OFF.source})`,
);

/**
 * Whether a document's title or headline says its deal was called off: the deal its body retells (the target,
 * the price, the parties) did not happen, so the document reports no deal (guideline §2).
 */
export function titleCallsOffDeal(documentType: string, title: string | undefined): boolean {
  return DEAL_TYPES.has(documentType) && title !== undefined && DEAL_CALLED_OFF.test(title);
}

/**
 * A deal told to explain a figure of the accounts (the goodwill it created, its consolidation, the investment
 * income or interest it brought): in a report or a news story that is background; its own filing says so too,
 * so this holds only outside announcements.
 */
const EXPLAINS_A_FIGURE = /并表|商誉|投资收益|投资损失|少数股东|利息支出|摊销/;

/**
 * Deals given as examples (如甲收购乙、丙收购丁等，…): cases cited to make a point, no event (guideline §2). The
 * example opens its clause or one before it and a 等 closes the list after the mention.
 */
const EXAMPLE_OPENS =
  /(?:^|[，,；;：:])\s*(?:比如|例如|譬如|诸如|如)(?![下上前此同期实所何约今意果若])[^。]*$/;
const EXAMPLE_CLOSES = /^[^。；;]*?等/;
/**
 * A deal or a trade told as the means or the start of something else: 通过收购某某，公司成功…; 依靠收购…实现…;
 * 收购某某后，…; 在某某减持…后，….
 * The sentence is about what followed; the deal itself is the company's past.
 */
const MEANS_OPENS = /^[^，,\d]{0,8}?(?:通过|依靠|依托|借助|凭借|整合)$/;
const SEQUEL_CLOSES = /^[^，,。；;]{0,30}?(?:完成)?(?:后|之后)$/;
/** …unless what came after is the deal's announcement or plan (披露拟收购某某后，…): then the deal is the news. */
const ANNOUNCED = /披露|公告|宣布|拟|计划/;

function clauseAround(sentence: string, at: number): string {
  return clauseBefore(sentence, at) + (sentence.slice(at).split(CLAUSE_BREAK)[0] ?? '');
}

/** Why a mention of `documentType` states no event of that type, or undefined when it may. */
export function notOfType(
  documentType: string,
  sentence: string,
  triggerAt: number,
  kind?: DocumentKind,
): string | undefined {
  if (COUNTED_TYPES.has(documentType) && STATISTIC_EXAMPLES.test(sentence)) return 'statistic-examples';
  if (DEAL_TYPES.has(documentType)) {
    if (CALLED_OFF.test(clauseAround(sentence, triggerAt))) return 'called-off';
    if (kind !== 'announcement' && EXPLAINS_A_FIGURE.test(sentence)) return 'explains-a-figure';
    if (EXAMPLE_OPENS.test(sentence.slice(0, triggerAt)) && EXAMPLE_CLOSES.test(sentence.slice(triggerAt)))
      return 'example';
  }
  if (DEAL_TYPES.has(documentType) || TRADE_TYPES.has(documentType)) {
    const before = clauseBefore(sentence, triggerAt);
    const rest = clauseAround(sentence, triggerAt).slice(before.length).trimEnd();
    // 本次增持后，某某持有…: a trade notice states the holding after its own trade; only 在…后 sets a trade back.
    const sequel = DEAL_TYPES.has(documentType) || before.trimStart().startsWith('在');
    if (sequel && !ANNOUNCED.test(before) && SEQUEL_CLOSES.test(rest)) return 'sequel';
    if (!ANNOUNCED.test(before) && MEANS_OPENS.test(before)) return 'means';
  }
  switch (documentType) {
    case '质押': {
      if (PLEDGE_STATUS.test(sentence)) return 'holding-status';
      const clause = clauseAround(sentence, triggerAt);
      return PLEDGE_STANDING.test(clause) && !PLEDGE_MADE.test(clause) ? 'holding-status' : undefined;
    }
    case '解除质押':
      return RISK_REMOVED.test(clauseAround(sentence, triggerAt)) ? 'risk-removed' : undefined;
    case '判决':
      if (RULING_ASKED.test(sentence.slice(Math.max(0, triggerAt - 12), triggerAt))) return 'ruling-asked';
      return RULING_AWAITED.test(sentence) ? 'ruling-awaited' : undefined;
    case '股份股权转让':
      return SHARES_OR_EQUITY.test(sentence) ? undefined : 'no-shares';
    case '高管变动':
      if (NO_OFFICER_CHANGE.test(sentence)) return 'no-change-of-post';
      if (kind !== 'announcement' && EARLIER_CHANGE.test(sentence)) return 'earlier-change';
      return PUBLIC_OFFICE.test(sentence) && !COMPANY_WORD.test(sentence) ? 'public-office' : undefined;
    case '投资':
      // A fund buying stocks (基金经理…买入, 重仓) is a market flow, no investment in a company.
      return MARKET_FLOW.test(sentence) ? 'market-flow' : undefined;
    case '股东增持':
    case '股东减持':
      if (MARKET_FLOW.test(sentence)) return 'market-flow';
      if (RANKED.test(sentence)) return 'ranking';
      if (kind !== 'announcement' && EARLIER_CHANGE.test(sentence)) return 'earlier-trade';
      return BONDS.test(sentence) ? 'bonds' : undefined;
    case '行政处罚':
      if (PENALTY_TALLY.test(sentence)) return 'penalty-tally';
      if (PENALTY_NOTICE.test(sentence)) return 'penalty-not-yet';
      return PENALTY_SUPPOSED.test(clauseAround(sentence, triggerAt)) ? 'penalty-not-yet' : undefined;
    case '中标':
      return ORDER_TOTALS.test(sentence) || AWARDED_AS_ATTRIBUTE.test(sentence) ? 'order-totals' : undefined;
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
