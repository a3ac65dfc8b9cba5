import type { DocumentKind } from '../vocabulary/document-kinds.js';
import { toSimplified } from './traditional-to-simplified.js';

/** A cue, the weight it adds to its kind, and whether it counts once or per match (up to a cap). */
interface Cue {
  re: RegExp;
  weight: number;
}

/**
 * Broker reports: the analyst block with an SAC certificate, the "证券研究报告" banner, the rating
 * block and the running "read the disclaimer" footer every broker prints.
 */
const RESEARCH_CUES: readonly Cue[] = [
  { re: /(?:执业证书编号|证书编号|证书编码|执证号|SAC)[^\n]{0,12}S\d{13}/, weight: 4 },
  { re: /(?:^|[\s(（])S\d{13}(?!\d)/m, weight: 2 },
  { re: /证券研究报告|研究报告\s*[|｜—-]\s*(?:公司|行业|金融工程|策略|宏观)/, weight: 3 },
  {
    re: /(?:投资|公司|股票)评级\s*[:：]?|评级\s*[:：]|(?:买入|增持|推荐|中性|优于大市|强于大市)\s*[（(]\s*(?:维持|首次|上调|下调)/,
    weight: 2,
  },
  { re: /(?:证券)?分析师\s*[:：]|[（(]\s*分析师\s*[)）]|研究助理|联系人\s*[:：]/, weight: 1 },
  // The author block of a research house's report: 报告主要作者：…, or names before their role and contact line.
  { re: /报告(?:主要)?作者\s*[:：]|[\u4e00-\u9fa5]{2,3}(?:分析师|研究员)\s*(?:邮箱|电话|Email)/, weight: 2 },
  { re: /行业概览|系列研究报告|系列行业报告/, weight: 1 },
  { re: /盈利预测|目标价|相关研究|相关报告|投资要点|报告摘要/, weight: 1 },
  { re: /[\u4e00-\u9fa5]{2,6}证券(?:经济|发展)?研究(?:所|院|中心)/, weight: 1 },
  // A report's abstract as news sites carry it: its opening label, a kept rating, forecasts by year, the analyst's "we".
  {
    re: /^\s*(?:\d{2}H[12]|20\d{2}H[12]|[1-4]Q\d{2})?(?:事件|事项|事件描述|事件点评|事件概况|事件概述|投资要点|核心观点|核心结论|主要观点|公司动态|公告要点|报告要点|报告导读|本报告导读|业绩简述|业绩总结|业绩回顾|业绩简评|业绩点评)\s*[:：\s]/,
    weight: 3,
  },
  // The covered company as bare 公司 opening the text ("公司发布2020年年报"): the press names the company.
  {
    re: /^\s*(?:(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日[，,]\s*)?公司(?:于|发布|公告|公布|披露)/,
    weight: 2,
  },
  // Brokers' shorthand for periods and changes: 2Q20, 20H1, 9M20, 同比+11.3%, (yoy+20.36%), 同增.
  {
    re: /(?<![\dA-Za-z])(?:[1-4]Q\d{2}|\d{2}Q[1-4]|\d{2}H[12]|[12]H\d{2}|20\d{2}Q[1-4]|20\d{2}H[12]|9M\d{2})(?![\dA-Za-z])|同比\s*[+\-－]\s*\d|[（(]\s*(?:yoy|YoY|同比)?\s*[+\-－]\d+(?:\.\d+)?%\s*[)）]|yoy|同增|同降/,
    weight: 2,
  },
  {
    re: /有望|看好|符合(?:我们)?预期|(?:超|低于)(?:我们|市场)?预期|估值|盈利能力|受益于|业绩弹性/,
    weight: 1,
  },
  {
    re: /维持[“"「]?(?:买入|增持|推荐|强烈推荐|优于大市|强于大市|跑赢行业|审慎增持|谨慎增持|中性)[”"」]?/,
    weight: 3,
  },
  { re: /(?:19|20)?\d{2}\s*[-–~～]\s*(?:19|20)?\d{2}\s*年\s*(?:EPS|每股收益)|EPS\s*(?:分别)?为/, weight: 2 },
  { re: /我们(?:预计|认为|看好|维持|判断|上调|下调)/, weight: 1 },
  {
    re: /请务必(?:仔细)?阅读正文(?:之后|后面)的|谨请参阅尾页重要声明|敬请阅读末页的重要说明|请务必参阅正文后面/,
    weight: 2,
  },
];

/** Company filings: the code/short-name/number header, the closing formula, HKEX's stock-code line. */
const ANNOUNCEMENT_CUES: readonly Cue[] = [
  { re: /(?:证券|股票|公司|A股|B股)代码\s*[:：]/, weight: 2 },
  { re: /(?:证券|股票|公司)简称\s*[:：]/, weight: 2 },
  { re: /公告编号\s*[:：]/, weight: 3 },
  { re: /特此公告/, weight: 3 },
  { re: /股份代号|股票代号/, weight: 3 },
  { re: /对本公告的内容概不负责|[对對]其准确性或完整性亦不发表任何声明/, weight: 3 },
  { re: /证券变动月报表|股份发行人|(?:于|在)(?:百慕达|开曼群岛|香港|英属维尔京群岛)注册成立/, weight: 2 },
  { re: /^\s*独立董事\s*[:：]\s*[\u4e00-\u9fa5]{2,4}[、，,]/m, weight: 2 },
  { re: /专项说明|独立意见|核查意见|法律意见书|调研纪要|投资者关系活动记录表/, weight: 1 },
  { re: /本公司及董事会全体成员保证|董事会(?:及全体董事)?保证/, weight: 3 },
  { re: /(?:年度|半年度|季度)报告(?:摘要|全文)?\s*$/m, weight: 2 },
  { re: /董事会|监事会|股东大会|独立董事|独立意见/, weight: 1 },
  { re: /^\s*[\u4e00-\u9fa5（）()]{4,30}(?:股份有限公司|集团有限公司)\s*$/m, weight: 1 },
];

/** News: datelines, reporter and source credits. */
const NEWS_CUES: readonly Cue[] = [
  { re: /(?:新华社|中新社|人民网|央视|本报)[\u4e00-\u9fa5]{0,6}\d{1,2}月\d{1,2}日(?:电|讯)/, weight: 4 },
  { re: /\d{1,2}月\d{1,2}日讯|[\u4e00-\u9fa5]{2}\s*讯\s*[（(]?记者|^\s*本报讯/m, weight: 3 },
  {
    re: /[（(]\s*记者\s*[\u4e00-\u9fa5]{2,4}|记者\s*[\u4e00-\u9fa5]{2,4}\s*(?:报道|摄)|^\s*记者\s*[:：|｜]|记者\s+[\u4e00-\u9fa5]{2,3}(?=[\s/]|$)/m,
    weight: 2,
  },
  { re: /^\s*(?:来源|文章来源|稿件来源)\s*[:：]/m, weight: 2 },
  { re: /(?:责任)?编辑\s*[:：]\s*[\u4e00-\u9fa5A-Za-z0-9]{2,8}/, weight: 2 },
  // A filing retold: "示例股份公告，", "示例股份(600000)3月1日晚间公告，", "公开信息显示" (a filing says 特此公告, not 公告，)
  {
    re: /(?:^|[\n。】])\s*[\u4e00-\u9fa5A-Za-z*]{2,10}\s*(?:[（(]\d{6}[)）])?\s*(?:\d{1,2}月\d{1,2}日)?(?:晚间|早间|午间|晚|早)?(?:发布)?公告(?:称)?[，,：:]|公开信息显示|披露(?:资料|信息)显示|(?:^|[\n。】])\s*(?!公司)[\u4e00-\u9fa5A-Za-z*]{2,10}(?:发布|披露|公布)了?[^，。]{0,12}?(?:预告|快报|年报|中报|季报|半年报)[，,]/,
    weight: 3,
  },
  // a listed company named with its code in brackets, as the press writes it: 示例股份(600000), 某银行(01398.HK)
  { re: /[\u4e00-\u9fa5A-Za-z*]{2,8}\s*[（(](?:\d{6}(?:\.S[HZ])?|\d{4,5}\.HK)[)）]/, weight: 2 },
  // a source credited in brackets at the end: "（央视财经）", "(券商中国)"
  { re: /[（(][\u4e00-\u9fa5]{2,8}(?:财经|中国|日报|时报|晚报|新闻|证券报|网|社)[)）]\s*$/, weight: 2 },
  // a headline on its own line over the story: "某某否认被约谈\n1月25日，…"
  { re: /^\s*[^\n。]{6,60}[^\n。：:]\n[^\n]{40,}/, weight: 2 },
  // a headline opening the text: "示例股份：拟回购1亿元股份"
  { re: /^\s*(?!证券|股票|公司|公告|本公司)[\u4e00-\u9fa5A-Za-z*]{2,10}[：:][^\n：:]{4,40}\n/, weight: 2 },
  // "7月5日消息，" / "8月4日晚间讯" / "原标题：": how news items and flashes open
  {
    re: /\d{1,2}月\d{1,2}日(?:晚间|早间|午间|晚|早)?(?:消息|讯|电)[，,\s]|(?:^|\/)\d{1,2}日(?:消息|讯|电)[，,]|^\s*原标题\s*[:：]/m,
    weight: 3,
  },
  // an item opening with its date or the source it quotes: "4月25日，某某发布年报", "深圳证监局：经查，…"
  {
    re: /^\s*(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日[，,](?!\s*公司)|^\s*(?:港资|北向资金|陆股通)\d{1,2}月\d{1,2}日|^\s*(?!事件|事项|业绩|报告|公告|投资|核心|主要|公司)[\u4e00-\u9fa5A-Za-z]{2,10}[：:]\s*[^\s]/,
    weight: 2,
  },
  // a flash's bracketed headline "【某某：控股股东减持】" at the very top
  { re: /^\s*【[^】\n]{4,60}】/, weight: 2 },
  {
    re: /据[\u4e00-\u9fa5]{2,10}(?:报道|消息)|[（(](?:上证报|中证报|证券时报|证券日报|经参|经济参考报|中国证券报|上海证券报|每经|新京报)[）)]/,
    weight: 2,
  },
  {
    re: /财联社|证券时报网|第一财经|每日经济新闻|界面新闻|澎湃新闻|新浪财经|东方财富网|21世纪经济报道|腾讯证券|智通财经|格隆汇/,
    weight: 1,
  },
];

/**
 * Factual third-person prose as the press writes it: attribution and reporting verbs. A forum or social post
 * rarely reads so; its own marks (hashtags, reposts, emoji, the first person) count against news.
 */
const REPORTED_PROSE: readonly Cue[] = [
  {
    re: /获悉|知情人士|据[^，。\n]{1,20}(?:报道|消息|显示|了解)|援引|公告(?:称|显示)|(?:天眼查|企查查|数据|资料)显示|(?:表示|指出|透露|宣布|回应)[，,：:\s]/,
    weight: 2,
  },
  // a recent day in the same sentence as an organisation: "某银行近日收到…", "证监会今日发布…"
  {
    re: /(?:日前|近日|今日|昨日|昨天|今天)[^。\n]{0,40}(?:公司|集团|银行|股份|证券|基金|交易所|证监会|监管|法院|政府|部)|(?:公司|集团|银行|股份|证券|基金|交易所|证监会|监管|法院|政府|部)[^。\n]{0,40}(?:日前|近日|今日|昨日|昨天|今天)/,
    weight: 2,
  },
];
const SOCIAL_CUES: readonly Cue[] = [
  { re: /#(?!\d)[^#\n]{1,30}#|\/\/@|\[[\u4e00-\u9fa5]{1,3}\]|\?{3,}|[！!]{2,}|超话/, weight: 3 },
  // 我公司 / 我集团 is a filing's own voice, which news quotes; a post's 我 is a person's.
  { re: /我(?!们|国|省|市|区|行|司|部|院|会|公司|集团|单位|厂|局|校)|你们?|哈哈|散户|韭菜|小散/, weight: 2 },
];

/** Below this a kind is not claimed: the document stays `other`. */
const MIN_SCORE = 3;
/** News items are short; long documents are filings or reports. */
const SHORT_CHARS = 6000;
const HEAD_CHARS = 6000;
const CJK_SPACING = /(?<=[\u4e00-\u9fa5])[ \t\u3000]+(?=[\u4e00-\u9fa5（）])/g;
const TAIL_CHARS = 3000;

function score(text: string, cues: readonly Cue[]): number {
  return cues.reduce((sum, cue) => sum + (cue.re.test(text) ? cue.weight : 0), 0);
}

export interface KindScores {
  announcement: number;
  research_report: number;
  news: number;
}

/** The part of a text kind detection reads: its head and its tail (a long text loses its middle). */
export function kindSample(text: string): string {
  if (text.length <= HEAD_CHARS + TAIL_CHARS) return text;
  return `${text.slice(0, HEAD_CHARS)}\n${text.slice(text.length - TAIL_CHARS)}`;
}

/** Cue scores of each kind, read from the head and the tail of the (simplified) text. */
export function kindScores(text: string): KindScores {
  // Financial printers space out characters ("董 事 会"); cues are written without spaces.
  const sample = kindSample(text).replace(CJK_SPACING, '');
  const cued = score(sample, NEWS_CUES);
  const social = score(sample, SOCIAL_CUES);
  const news = Math.max(0, cued + score(sample, REPORTED_PROSE) - social);
  return {
    announcement: score(sample, ANNOUNCEMENT_CUES),
    research_report: score(sample, RESEARCH_CUES),
    news: news > 0 && text.length < SHORT_CHARS ? news + 1 : news,
  };
}

/**
 * The kind of a document from its content: announcement, research_report, news or other. Reads only
 * the first and last few thousand characters, so it costs the same for a 300-page annual report.
 * `text` should be simplified Chinese (cues are written in simplified characters).
 */
export function detectDocumentKind(text: string): DocumentKind {
  const scores = kindScores(text);
  const ranked = (Object.entries(scores) as [keyof KindScores, number][]).sort((a, b) => b[1] - a[1]);
  const [best, bestScore] = ranked[0] ?? ['announcement', 0];
  return bestScore >= MIN_SCORE ? best : 'other';
}

/** The kind of a document from its extracted pages (any script): what parseDocument uses when none is declared. */
export function detectKindOfPages(pages: readonly string[]): DocumentKind {
  return detectDocumentKind(toSimplified(kindSample(pages.join('\n'))).text);
}
