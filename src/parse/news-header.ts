/**
 * What a financial news item says of itself in its first lines: the listed company it is about (the
 * headline's 【X：…】 or "X：…", "X（600000）", "X公告") and the date it gives for that company's notice
 * (8月5日晚间公告). An outlet's dateline (1月19日讯, 8月2日消息) is the item's date, not the notice's.
 */

export interface NewsHeader {
  /** The listed company the item is about, as the headline writes it. */
  subject?: { name: string; code?: string };
  /** The date of the company's notice as written ("8月5日"); it dates the disclosure, not the event. */
  noticeDate?: { text: string; start: number; end: number };
}

/** How far into the item its headline and notice date can be. */
const HEAD = 240;
/** A company's short name: 2–6 CJK characters (a few letters allowed, *ST prefixes). */
const NAME = String.raw`(?:\*?ST)?[\u4e00-\u9fffA-Za-z]{2,6}`;
/** Verbs a name can run into when a headline has no space: the name is what follows the last one. */
const LEADING_VERB =
  /^.*(增持|减持|收购|质押|回购|公告|持有|入股|举牌|入主|包括|分别为|概念股|退市公司|将|与|丨)/;
/** Time and place words a run-on sentence puts before the name (近期欧比特, 在与特步, 港股阿里影业). */
const LEADING_WORDS = /^(?:在|对|近期|近日|日前|正式|港股|美股|A股|H股)+/;
const BRACKET_HEADLINE = new RegExp(String.raw`^\s*【(${NAME})[：:]`);
const COLON_HEADLINE = new RegExp(String.raw`^\s*(${NAME})[：:]`);
const WITH_CODE =
  /((?:\*?ST)?[\u4e00-\u9fffA-Za-z]{2,12})\s*[（(]\s*(\d{6}(?:\.S[HZ])?|\d{4,5}\.HK|\d{5})\s*[)）]/;
const ANNOUNCES = new RegExp(
  String.raw`(?:^|[，,。\s]|讯|消息)(${NAME}?)(?:\d{1,2}月\d{1,2}日)?(?:晚间|早间)?(?:发布)?公告`,
);
/**
 * "X发布2021年半年报", "X于4月29日发布1Q19业绩", "事件：X公布三季报": the company whose report or notice the
 * item is about, as news and broker notes name it at their start.
 */
const PUBLISHES = new RegExp(
  String.raw`(?:^|[，,。；;\s：:])(${NAME}?)于?(?:\d{4}\s*年)?(?:\d{1,2}\s*月\s*\d{1,2}\s*日)?(?:晚间|早间|晚)?(?:发布|公布|披露)了?[^，,。；;]{0,14}?(?:年报|中报|季报|半年报|年度报告|业绩|公告|预告|快报)`,
);
/** A group or a kind of company (多家公司, 上市企业), not one company's short name. */
const GROUP_NAME = /(?:公司|企业|家|们|者)$|^(?:部分|多家|多只|个别|一些|各)/;
/** "1月6日晚间公告", "8月1日晚披露": the day of the company's own notice. */
const NOTICE_DAY = /(\d{1,2}月\d{1,2}日)(?=(?:晚间|早间|晚)?(?:公告|发布公告|披露))/;
/** An outlet's dateline, then the company's notice on a day of that month: "8月4日消息，某某(000010)4日晚公告". */
const DATELINE_THEN_NOTICE =
  /(\d{1,2})月(\d{1,2})日(?:讯|电|消息)[，,\s][^。]{0,40}?(?<![\d月])(\d{1,2})日(?:晚间|早间|晚)?(?:发布)?公告/;
/** An item that opens with its date and the company's notice: "4月29日，某某(002205)发布…公告". */
const OPENING_DATELINE = /^(\d{1,2}月\d{1,2}日)(?:晚间|早间|晚)?[，,][^，,。]{2,20}?发布[^。]{0,60}?公告/;
/**
 * "8月1日晚间，示例银行股份有限公司（示例银行，601977.SH）启动了…": a listed company, named with its code, that acts on
 * an evening after the close acts through its notice of that day.
 */
const EVENING_LISTED_ACT =
  /(\d{1,2}月\d{1,2}日)(?:晚间|晚)[，,]\s*[\u4e00-\u9fffA-Za-z*]{2,24}\s*[（(][^（()）]{0,12}?\d{6}(?:\.S[HZ])?[^（()）]{0,8}[)）]/;
/** Words that headlines put where a name would be, which are no company. */
const NOT_A_NAME =
  /^(同时|截止|截至|此前|近日|目前|其中|今年|去年|昨日|今日|证券代码|股票代码|证券简称|股票简称|公告编号|公司|本公司|上市公司|快讯|早报|晚报|新闻|独家|重磅|公告|数据宝|证券时报|新浪财经|财经|原标题|根据|来源|记者|编辑)/;
/**
 * A headline's "X：" that is a speaker or a column, not the company the item is about: a broker note's
 * section head (事件：, 投资要点：), a column or digest (机构分析：, 午间公告：, 公告精选：), an authority
 * (证监会：, 工信部：, 九部门：), an outlet (新华社：, 经济日报评论：) or a person by title (伊朗副外长：, 高盛策略师：).
 */
const NOT_A_SUBJECT =
  /^(?:事件|点评|评论|报告|导读|本报告导读|主要观点|核心观点|投资要点|报告要点|业绩总结|调研内容如下)|(?:分析|消息|观点|要点|总结|导读|评论|时评|回顾|必读|精选|速递|晚报|早报|日报|午评|早评|收评|情报|研报|报告|午间|社)$|(?:部门?|局|委|院|厅|署|办|证监会|银保监会|银监会|保监会|交易所|[上深北港联]交所|央行|人民银行|政府|法院)$|(?:外长|官员|策略师|分析师|经济学家|行长|主席|部长|局长|发言人|市长|省长|首席)$/;
/** A research view (X发表研究报告, X研报认为, …策略师指出): its "X：" is the author, not the item's company. */
const RESEARCH_VIEW = /发表(?:研究)?报告|研报(?:认为|指出|称|表示)?|策略师|分析师/;

/** When the item says the company announced (韵达股份昨日公告): no part of the name. */
const TIME_AFTER_NAME = /(昨日|今日|日前|近日|今天|昨天|当日|此前|周[一二三四五六日])$/;
/** How the stock moved or how the company spoke (涪陵榨菜跌停：, 大港股份对外公告): no part of the name. */
const MOVE_AFTER_NAME = /(跌停|涨停|大跌|大涨|暴跌|暴涨|闪崩|重挫|飙升|对外)$/;

function named(match: RegExpExecArray | null): string | undefined {
  // A listing board after the name (中国移动港股) is no part of it.
  const name = match?.[1]
    ?.replace(LEADING_VERB, '')
    .replace(LEADING_WORDS, '')
    .replace(/(港股|A股|H股|B股)$/, '')
    .replace(TIME_AFTER_NAME, '')
    .replace(MOVE_AFTER_NAME, '');
  return name && name.length >= 2 && name.length <= 8 && !NOT_A_NAME.test(name) && !NOT_A_SUBJECT.test(name)
    ? name
    : undefined;
}

/** A headline is short: a first line longer than this is the story itself. */
const HEADLINE_CHARS = 60;

/** "X：…。Y：…": a digest of several companies' notices, each item led by its company's name. */
const DIGEST_ITEM = new RegExp(String.raw`(?:^|[。；;\n])\s*(${NAME})[：:]`, 'g');
/** Labels that lead a line as a company's name would (资金流向数据：, 风险提示：). */
const LINE_LABEL = /(?:数据|情况|提示|信息|内容|表示|指出|认为|称|编辑|记者|来源|作者)$/;

/** Whether the opening leads two or more items with a company's name each. */
function isDigest(head: string): boolean {
  let items = 0;
  for (const m of head.matchAll(DIGEST_ITEM)) {
    const name = named(m);
    if (name && !LINE_LABEL.test(name)) items++;
  }
  return items >= 2;
}

/** The first line of a news item's text, when short enough to be its headline. */
export function headlineOf(text: string): string | undefined {
  const first = text
    .slice(0, HEADLINE_CHARS + 20)
    .split('\n')[0]
    ?.trim();
  return first && first.length <= HEADLINE_CHARS ? first : undefined;
}

/** "原标题：…": the headline a reposted item first ran under, to its line end or the source note after a comma. */
const ORIGINAL_TITLE = /原标题\s*[:：]?\s*([^\n,]{4,80})/;

/** An outlet's byline that leads a headline (优财网：, 新华社：, 经济日报：): the outlet is no company of the story. */
const OUTLET_BYLINE = /^\s*([\u4e00-\u9fff]{1,8}(?:(?<!电)网|社|报))\s*[：:]\s*/;

/** The outlet whose byline leads `title`, if any. */
export function outletOf(title: string): string | undefined {
  return OUTLET_BYLINE.exec(title)?.[1];
}

/** `title` without an outlet's byline before it. */
function withoutByline(title: string): string {
  return title.replace(OUTLET_BYLINE, '');
}

/**
 * A headline that opens with the company before one of its people or a deal it is the object of (大族激光董事长
 * 怒怼记者, 欧比特获格力金投举牌): the name ends where the role or the verb starts.
 */
const SUBJECT_BEFORE_ROLE = new RegExp(
  String.raw`^\s*(${NAME})(?=董事长|总经理|总裁|董秘|实控人|实际控制人|控股股东|高管|获|遭|收到|回应)`,
);
/** Counts and adverbs a headline opens with, which are no name (两度遭问询, 再度获…). */
const NOT_A_LEADING_NAME = /^(?:[一二两三四五六七八九十多数屡再又][度次]|首次)/;

/**
 * The company the headline, or a reposted item's original headline (原标题：…: the new one often drops the
 * name), opens with before a role or verb, when the story names it again.
 */
function leadingSubjectOf(text: string): string | undefined {
  const head = text.slice(0, HEAD);
  const titles = [headlineOf(text), ORIGINAL_TITLE.exec(head)?.[1]].map((t) => t && withoutByline(t));
  for (const title of titles) {
    const name = named(SUBJECT_BEFORE_ROLE.exec(title ?? ''));
    if (
      name &&
      !NOT_A_LEADING_NAME.test(name) &&
      text.indexOf(name, text.indexOf(title ?? '') + (title?.length ?? 0)) >= 0
    )
      return name;
  }
  return undefined;
}

/** Reads the headline's company and the notice's date from the first lines of a news item; empty when neither shows. */
export function parseNewsHeader(text: string): NewsHeader {
  const head = text.slice(0, HEAD);
  const header: NewsHeader = {};
  // A research view (a broker's rating of stocks) is about no one company of its own: its headline names the author.
  // A digest (公告精选, 午间公告) leads several items with their companies: none of them is the item's.
  const view = RESEARCH_VIEW.test(head) || isDigest(head);
  const coded = view ? null : WITH_CODE.exec(head);
  const name =
    (view ? undefined : (named(BRACKET_HEADLINE.exec(head)) ?? named(COLON_HEADLINE.exec(head)))) ??
    named(coded) ??
    (view ? undefined : leadingSubjectOf(text)) ??
    named(ANNOUNCES.exec(head)) ??
    publisherOf(head);
  if (name) {
    const code = coded && named(coded) === name ? coded[2] : undefined;
    header.subject = { name, ...(code ? { code } : {}) };
  }
  const notice = NOTICE_DAY.exec(head) ?? OPENING_DATELINE.exec(head) ?? EVENING_LISTED_ACT.exec(head);
  if (notice?.[1])
    header.noticeDate = { text: notice[1], start: notice.index, end: notice.index + notice[1].length };
  else {
    const later = DATELINE_THEN_NOTICE.exec(head);
    if (later && later[2] === later[3]) {
      const text = `${later[1]}月${later[2]}日`;
      header.noticeDate = { text, start: later.index, end: later.index + text.length };
    }
  }
  return header;
}

/** The company a document's opening says published a report or notice (X发布半年报), if any. */
export function publisherOf(text: string): string | undefined {
  const name = named(PUBLISHES.exec(text.slice(0, HEAD)));
  return name && !GROUP_NAME.test(name) ? name : undefined;
}
