/**
 * Contract and bid-win facts of a major-contract announcement (重大合同 / 中标公告), read by rules from the parsed
 * document: 甲方 (client: 招标人, 发包人, 采购人, 业主), 乙方 (the issuer or the subsidiary that won or signed),
 * 项目名称, 合同名称, 合同金额 (yuan; ranges give lower and upper), 联合体成员 and 签署日期, each with its offsets
 * in `document.text`. Labelled lines ("招标人：…", table rows "表头：单元格") are trusted first; narrative cues
 * ("收到X发来的《中标通知书》", "与X签订《…合同》", "中标X项目") fill what labels leave open. A table of several
 * contracts gives one record per row.
 */
import { findDates } from '../normalize/dates.js';
import { type CurrencyCode, findMoney, type MoneyMention } from '../normalize/money.js';
import type { ParsedDocument } from '../parse/types.js';

export interface TextSpan {
  /** As written, `document.text.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
}

export interface ContractAmount extends TextSpan {
  /** Yuan (or whole units of `currency`); equal to `upper` unless a range was stated. */
  lower: number;
  upper: number;
  currency: CurrencyCode;
}

export interface ContractDate extends TextSpan {
  /** ISO date at the precision written. */
  value: string;
}

/** 'bid_win' for 中标 / 中标候选 announcements, 'contract' for a signed contract. */
export type ContractKind = 'bid_win' | 'contract';

export interface ContractRecord {
  kind: ContractKind;
  甲方?: TextSpan;
  乙方?: TextSpan;
  项目名称?: TextSpan;
  合同名称?: TextSpan;
  合同金额?: ContractAmount;
  联合体成员?: TextSpan[];
  签署日期?: ContractDate;
}

/** The record a contract announcement's fields make, and the record role each field fills, by kind. */
export const CONTRACT_RECORDS: Readonly<
  Record<ContractKind, { type: string; roles: Readonly<Record<string, string>> }>
> = {
  contract: {
    type: '签署合同',
    roles: {
      甲方: '甲方',
      乙方: '乙方',
      项目名称: '项目名称',
      合同名称: '合同名称',
      合同金额: '合同金额',
      联合体成员: '联合体成员',
      签署日期: '签署日期',
    },
  },
  bid_win: {
    type: '中标',
    roles: {
      甲方: '招标方',
      乙方: '中标公司',
      项目名称: '中标标的',
      合同金额: '中标金额',
      联合体成员: '联合体成员',
      签署日期: '中标日期',
    },
  },
};

/** Cell labels by field, longest first within a field so that 中标金额 wins over 金额. */
const LABELS = {
  甲方: [
    '中标通知书发出单位',
    '通知书发出单位',
    '招标人名称',
    '招标单位名称',
    '采购单位名称',
    '采购人名称',
    '发包人名称',
    '甲方名称',
    '项目业主',
    '业主单位',
    '建设单位',
    '招标单位',
    '采购单位',
    '发包单位',
    '招标人',
    '招标方',
    '发包人',
    '发包方',
    '采购人',
    '采购方',
    '业主方',
    '业主名称',
    '项目实施机构名称',
    '项目实施机构',
    '交易对方名称',
    '交易对方',
    '合同对方',
    '客户名称',
    '委托方',
    '甲方',
    '买方',
    '需方',
    '业主',
  ],
  乙方: [
    '中标供应商',
    '成交供应商',
    '中标人名称',
    '中标人单位',
    '中标单位',
    '承包单位',
    '乙方名称',
    '中标人',
    '中标方',
    '承包人',
    '承包方',
    '成交人',
    '供应商',
    '乙方',
    '卖方',
    '供方',
  ],
  项目名称: [
    '招标项目名称',
    '中标项目名称',
    '采购项目名称',
    '项目名称',
    '工程名称',
    '标段名称',
    '中标项目',
    '招标项目',
  ],
  合同名称: ['合同名称', '协议名称'],
  合同金额: [
    '中标合同金额',
    '合同总金额',
    '中标总金额',
    '中标金额',
    '中标价格',
    '中标总价',
    '合同金额',
    '合同总价',
    '合同价款',
    '合同价格',
    '成交金额',
    '投标报价',
    '中标价',
    '合同价',
    '成交价',
    '投标价',
    '总金额',
  ],
  联合体成员: ['联合体成员单位', '联合体成员'],
  /** Labels of other facts: only there to end the value before them. */
  其他: [
    '法定代表人',
    '注册地址',
    '注册资本',
    '办公地址',
    '住所',
    '地址',
    '联系人',
    '联系电话',
    '经营范围',
    '成立日期',
    '成立时间',
    '企业类型',
    '公司类型',
    '项目编号',
    '招标编号',
    '采购编号',
    '工程编号',
    '项目地点',
    '建设地点',
    '项目内容',
    '中标内容',
    '工期',
    '招标代理机构',
    '招标代理',
    '代理机构',
  ],
} as const;
type LabelledField = keyof typeof LABELS;

const LABEL_FIELD = new Map<string, LabelledField>();
for (const [field, labels] of Object.entries(LABELS) as Array<[LabelledField, readonly string[]]>)
  for (const label of labels) LABEL_FIELD.set(label, field);
const ALL_LABELS = [...LABEL_FIELD.keys()].sort((a, b) => b.length - a.length);
// A label, then a colon (or a table cell break), then its value up to the next label or the end of the line.
const LABEL_RE = new RegExp(
  `(${ALL_LABELS.join('|')})[一二三四五六七八九十0-9]{0,2}\\s*(?:[（(][^）)\\n]{0,8}[）)])?\\s*(?:[：:]|\\t)`,
  'g',
);

/** Organisation names: a run of name characters ending in an organisation word. */
const ORG_END =
  '(?:股份有限公司|有限责任公司|有限公司|集团公司|分公司|公司|指挥部|办公室|管理局|管理处|管理委员会|委员会|研究院|设计院|研究所|医院|大学|学院|银行|分行|支行|中心|政府|厅|局|院|所|部|处|集团)';
// The name does not stop inside a longer ending: 集团 | 有限责任公司, 公司 | 分公司.
const ORG_NAME = new RegExp(
  `[\\u4e00-\\u9fa5A-Za-z0-9（）()·&\\-]{2,50}?${ORG_END}(?![\\u4e00-\\u9fa5]{0,1}公司|有限|股份|责任|集团|分公司|分行|支行)`,
  'u',
);
/** Agents that send the notice on the client's behalf are not the client. */
const AGENT = /招标|代理|交易中心|交易所|公共资源|采购中心|咨询|监管网|网站/;
const BID_TITLE = /中标|成交|候选|预中标|招标/;
/** What a label's cell may hold instead of a name: a heading ("甲方基本情况"), a bare 公司. */
const NOT_A_PARTY = /^(?:基本情况|情况介绍|简介|概况|名称|公司|本公司|[\u4e00-\u9fa5]?)$/;
const NOT_CONTRACT_NAME =
  /上市规则|章程|通知书|成交确认书|投标协议|联合体[^，。；]{0,4}协议|保密协议|议事规则|管理办法|公司法|证券法|备忘录|信息披露/;

interface Line {
  text: string;
  start: number;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    out.push({ text: part, start });
    start += part.length + 1;
  }
  return out;
}

/** Trims spaces and list punctuation off a span, keeping its offsets true. */
function span(text: string, start: number, end: number): TextSpan | undefined {
  let s = start;
  let e = end;
  const trimStart = /[\s：:，,；;。、“”"'‘’「」]/;
  const trimEnd = /[\s：:，,；;。、“”"'‘’「」）)（(]/;
  while (s < e && trimStart.test(text.charAt(s))) s++;
  while (e > s && trimEnd.test(text.charAt(e - 1))) {
    // keep a closing bracket that closes one inside the span: 华虹半导体（无锡）有限公司
    const c = text.charAt(e - 1);
    if ((c === '）' || c === ')') && /[（(]/.test(text.slice(s, e - 1))) break;
    e--;
  }
  return e > s ? { text: text.slice(s, e), start: s, end: e } : undefined;
}

/** Cuts a value before an alias note "（以下简称…）" or a trailing note in brackets. */
function cutNotes(text: string, value: TextSpan): TextSpan | undefined {
  const m =
    /[（(](?:以下简称|以下称|下称|简称|下同|以下合称|以下统称|联合体牵头|牵头|成员|含税|不含税|大写|小写|招标编号|项目编号|采购编号|编号|原名|原|股票代码|证券代码)/.exec(
      value.text,
    );
  return m ? span(text, value.start, value.start + m.index) : value;
}

interface Labelled {
  field: LabelledField;
  label: string;
  /** Where the label starts in the text. */
  at: number;
  value: TextSpan;
}

/** Every "label：value" in the text; a label alone on its line takes the next non-empty line as value. */
function labelledValues(text: string): Labelled[] {
  const lines = linesOf(text);
  const out: Labelled[] = [];
  lines.forEach((line, li) => {
    const hits = [...line.text.matchAll(LABEL_RE)];
    hits.forEach((m, k) => {
      const label = m[1] as string;
      const field = LABEL_FIELD.get(label) as LabelledField;
      const from = line.start + (m.index ?? 0) + m[0].length;
      const next = hits[k + 1];
      const to = line.start + (next ? (next.index ?? 0) : line.text.length);
      let value = span(text, from, cutAtSeparator(text, from, to));
      if (!value && !next) {
        const following = lines.slice(li + 1, li + 3).find((l) => l.text.trim() !== '');
        if (following && !new RegExp(LABEL_RE.source).test(following.text))
          value = span(text, following.start, following.start + following.text.length);
      }
      if (value && field !== '其他' && !ALL_LABELS.includes(value.text))
        out.push({ field, label, at: line.start + (m.index ?? 0), value });
    });
  });
  return out;
}

/** A value ends at the first 。；; or tab after it (table rows "表头：单元格；表头：单元格"). */
function cutAtSeparator(text: string, from: number, to: number): number {
  const rel = text.slice(from, to).search(/[。；;\t]/);
  return rel < 0 ? to : from + rel;
}

const ORG_END_G = new RegExp(ORG_END, 'gu');

/** The name a party value starts with, without what runs on after it ("…有限公司法定代表人：…", "… 1"). */
function firstOrg(text: string, value: TextSpan): TextSpan | undefined {
  const cut = cutNotes(text, value);
  if (!cut) return undefined;
  const colon = cut.text.search(/[：:]/);
  const head = colon >= 0 ? cut.text.slice(0, colon) : cut.text;
  const ends = [...head.matchAll(ORG_END_G)];
  const last = ends[ends.length - 1];
  if (last && (colon >= 0 || /^[\s0-9]{1,4}$/.test(head.slice((last.index ?? 0) + last[0].length))))
    return span(text, cut.start, cut.start + (last.index ?? 0) + last[0].length);
  // "X、Y": several named, the first is the party.
  const listed = new RegExp(`^[^、]{4,50}?${ORG_END}(?=、)`, 'u').exec(cut.text);
  if (listed) return span(text, cut.start, cut.start + listed[0].length);
  // A labelled value is the name itself unless it runs on into a sentence.
  if (cut.text.length <= 40 && !/[，,。]/.test(cut.text)) return cut;
  const m = ORG_NAME.exec(cut.text);
  return m ? span(text, cut.start + m.index, cut.start + m.index + m[0].length) : undefined;
}

/** "A与B组成的联合体" / "A、B": the organisations a party value lists, in order. */
function listedOrgs(text: string, value: TextSpan): TextSpan[] {
  const out: TextSpan[] = [];
  // Each name is cut of its own note: "A（牵头人）、B（联合体成员）" lists two.
  for (const m of value.text.matchAll(/(?:[^、，,；;及与（(]|[（(][^）)]*[）)])+/gu)) {
    const start = value.start + (m.index ?? 0);
    const part = span(text, start, start + m[0].replace(/(?:组成的|共同|联合体|牵头人|成员).*$/u, '').length);
    const name = part && partyName(text, firstOrg(text, part));
    if (
      name &&
      name.text.length >= 4 &&
      new RegExp(`${ORG_END}$`, 'u').test(name.text) &&
      !OUR_WORDS.test(name.text)
    )
      out.push(name);
  }
  return out;
}

/** "其控股子公司", "本公司二级子公司": words for a company of our side, no name. */
const OUR_WORDS = /^(?:其|本|我|该)?(?:公司)?(?:之|的)?(?:全资|控股|下属|所属|二级|三级)*(?:子公司|孙公司)$/u;

interface Issuer {
  name: string;
  span?: TextSpan;
}

/** The first full company name standing on its own near the top (not inside a sentence). */
function companyOnTop(text: string): string | undefined {
  const re =
    /(?<=^|[\s：:，。>"”])([\u4e00-\u9fa5（）()]{2,30}?(?:股份有限公司|有限责任公司|有限公司|集团公司))(?=关于|重大|中标|签订|签署|重要|特别|项目|工程|日常|公告|董事会|$|\s)/gmu;
  for (const m of text.matchAll(re)) {
    const before = text.slice(Math.max(0, (m.index ?? 0) - 3), m.index);
    if (!/简称|子公司/.test(before)) return m[1];
  }
  return undefined;
}

/**
 * The issuer's full name: header, else "X（以下简称“公司”…" (the alias is 公司 itself, not another company's
 * "中烟公司"), else the first full company name on top.
 */
function issuerOf(doc: ParsedDocument): Issuer | undefined {
  const header = doc.header.announcement;
  const alias =
    /(?<=^|[\n，。；、\s“”"：:）)])([\u4e00-\u9fa5A-Za-z0-9（）()]{4,40}?(?:股份有限公司|有限责任公司|有限公司|集团公司))\s*[（(]\s*(?:以下简称|以下称|下称|简称)(?:[^）)]{0,12}?[“"：:\s、或])?\s*(?:本公司|公司)(?![\u4e00-\u9fa5])/u.exec(
      doc.text,
    );
  const name =
    header?.companyName ??
    alias?.[1] ??
    companyOnTop(header?.title ?? '') ??
    companyOnTop(doc.text.slice(0, 800));
  if (!name) return undefined;
  const at = doc.text.indexOf(name);
  return { name, span: at >= 0 ? { text: name, start: at, end: at + name.length } : undefined };
}

/**
 * The subsidiary that won or signed: "全资子公司X（以下简称…）", "子公司X中标 / 与 / 收到", "下属公司X被确定为",
 * "本公司下属X中标".
 */
function subsidiaryOf(text: string): TextSpan | undefined {
  const re =
    /(?:(?:全资|控股|下属)?(?:子公司|孙公司)|(?:全资|控股)?下属(?:公司|企业)|(?:本公司|(?<![\u4e00-\u9fa5A-Za-z0-9）)])公司)下属(?:的)?(?:两家|[二三]级)?(?:全资|控股)?(?:子公司|孙公司)?)\s*[“"]?([\u4e00-\u9fa5A-Za-z0-9（）()]{4,40}?(?:股份有限公司|有限责任公司|有限公司|分公司|公司))(?=\s*[（(]|\s*[”"]?\s*(?:中标|与|收到|于|近日|作为|为|成为|签订|签署|和|被确定|取得|获得))/u;
  const head = text.slice(0, 3000);
  for (const m of head.matchAll(new RegExp(re.source, 'gu'))) {
    if (!m[1] || /成立|设立|合资|与|和/.test(m[1])) return undefined;
    // "与X的全资子公司Y签订", "与X有限公司下属企业Y签署": the other side's subsidiary, not ours.
    const clause =
      head
        .slice(0, m.index)
        .split(/[，。；\n]/)
        .pop() ?? '';
    if (/(?:与|同|和|向)[^，。；]{2,60}?$/.test(clause) && /的\s*$/.test(clause)) continue;
    const other = /(?:与|同|和|向)([\u4e00-\u9fa5A-Za-z0-9（）()]{4,60})\s*$/u.exec(clause)?.[1];
    if (other && isOrgName(other) && !/^(?:本|我)?公司$/u.test(other)) continue;
    const start = (m.index ?? 0) + m[0].length - m[1].length;
    return span(text, start, start + m[1].length);
  }
  return undefined;
}

const NAME = '[^，。；、\\n“”《》及与]{2,50}?';
// An alias note may hold one bracketed pair of its own: （以下简称“中节能（镇江）”）.
const ALIAS = '(?:\\s*[（(](?:[^（()）\\n]|[（(][^（()）\\n]{0,10}[）)]){0,40}[）)])?';
const DAY = '(?:于\\s*[0-9一二三四五六七八九十〇零\\s]{2,12}年[^，。；\\n]{0,20}?日)?';

/**
 * Narrative cues for the client, strongest first; group 1 is the name. `assigned`: the text itself calls the
 * party 甲方 / 业主, so any name will do (北京电视台, 某教研室).
 */
const CLIENT_CUES: ReadonlyArray<{ re: RegExp; agentOk: boolean; assigned?: true }> = [
  // "X（以下简称“甲方”/“业主”）"
  {
    re: new RegExp(
      `(${NAME})\\s*[（(][^）)\\n]{0,30}?[“"](?:甲方|发包方|发包人|业主|招标人|采购方|买方|需方)[”"]`,
      'gu',
    ),
    agentOk: false,
    assigned: true,
  },
  // "该项目建设单位为X" / "招标人是X"
  {
    re: new RegExp(
      `(?:招标人|招标单位|招标方|建设单位|项目业主|业主单位|业主|采购人|采购单位|采购方|发包人|发包方)(?:均)?(?:为|是)\\s*[“"]?(${NAME})[”"]?(?=[，。；,（(\\n]|$)`,
      'gu',
    ),
    agentOk: false,
  },
  // "收到（招标人）X（及招标代理机构Y）发来的《中标通知书》"
  {
    re: new RegExp(
      `(?:收到|接到|收悉|获得|获)(?:了)?(?:项目业主|业主方?|招标人|招标单位|采购人|采购单位|发包人|发包方|建设单位)?[“"]?(${NAME})[”"]?${ALIAS}(?:、${NAME}${ALIAS}){0,3}(?:的?(?:相关|委托的?)?(?:招标)?代理机构)?(?:及[^，。；\\n]{2,50}?)?(?:发来|发出|送达|签发|出具|下发)?的?\\s*(?:[《“"][^，。；\\n《》]{0,80}?)?(?:中标|成交|中选|预中标|授标)\\s*(?:[（(]成交[）)])?\\s*(?:通\\s*知书?|确认书|意向书|函)`,
      'gu',
    ),
    agentOk: false,
  },
  // "收到X（以下简称…）签发的工程成交通知书": a sending verb ends the name, any words may name the notice
  {
    re: new RegExp(
      `(?:收到|接到|收悉|获得|取得)(?:了)?[“"]?(${NAME})[”"]?${ALIAS}(?:发来|发出|送达|签发|出具|下发)的?[^，。；\\n]{0,30}?(?:中标|成交|中选|授标)[^，。；\\n]{0,6}?(?:通\\s*知书?|确认书|意向书|函)`,
      'gu',
    ),
    agentOk: false,
  },
  // "X向公司下发了《中标通知书》": the sender named before the verb
  {
    re: new RegExp(
      `(?:^|[\\n，。：:]|日\\s*[，,]?)\\s*(${NAME})${ALIAS}向(?:本公司|公司|我公司)?[^，。；\\n]{0,40}?(?:下发|发出|发来|送达|签发|出具)(?:了)?[^，。；\\n]{0,30}?(?:中标|成交|中选)[^，。；\\n]{0,6}?(?:通\\s*知书?|确认书|函)`,
      'gu',
    ),
    agentOk: false,
  },
  // "收到X关于…合同": the party that sent the contract
  {
    re: new RegExp(
      `(?:收到|接到)(?:了)?[“"]?(${NAME})[”"]?${ALIAS}关于[^，。；\\n]{2,60}?(?:合同|协议)`,
      'gu',
    ),
    agentOk: false,
  },
  // "与X（以下简称…）签订" / "与X于…签署" / "与X在某地签署"
  {
    re: new RegExp(
      `(?:与|同|和)\\s*[“"]?(${NAME})[”"]?${ALIAS}(?:、${NAME}${ALIAS}){0,3}\\s*${DAY}(?:在[^，。；\\n]{1,30})?(?:正式|完成|共同)?(?:签订|签署|签定|订立|签下|就)`,
      'gu',
    ),
    agentOk: true,
  },
  // "国家电网公司于…在其招投标网公告" / "2012年8月13日，国家电网公司通过其电子商务平台发布"
  {
    re: new RegExp(
      `(?:^|\\n|。|[0-9]\\s*日\\s*[，,])\\s*(${NAME})${DAY}(?:在其|通过其|在|通过)[^，。；\\n]{0,30}?(?:招投标|招标|采购|电子商务)`,
      'gu',
    ),
    agentOk: false,
  },
  // "依据国家电网公司招标活动中标通知书" / "根据X的中标通知书": the notice is the client's
  {
    re: new RegExp(`(?:依据|根据)\\s*(${NAME})\\s*的?(?:招标活动|招标)?(?:的)?\\s*《?中标通知书`, 'gu'),
    agentOk: false,
  },
  // "X通知公司中标" / "X《中标通知书》，通知本公司中标" / "收到X发来的通知"
  {
    re: new RegExp(
      `(?:^|[\\n，。、：:]|[0-9]、)\\s*(${NAME})${ALIAS}(?:《[^《》\\n]{2,12}》[，,]?)?(?:书面)?通知(?:本公司|公司|我公司|其|[^，。；\\n]{4,40}?中标)`,
      'gu',
    ),
    agentOk: false,
  },
  {
    re: new RegExp(
      `(?:收到|接到)(?:了)?[“"]?(${NAME})[”"]?${ALIAS}(?:发来|发出|下发)?的?(?:书面)?通知`,
      'gu',
    ),
    agentOk: false,
  },
  // "招标单位X的“…”项目"
  {
    re: new RegExp(
      `(?:招标人|招标单位|建设单位|业主单位|采购人|采购单位|发包人)\\s*[“"]?(${NAME})[”"]?${ALIAS}(?=的|发出|发来|及|、|（|在|于|不存在|之间|[，。；]|\\n)`,
      'gu',
    ),
    agentOk: false,
  },
  // "拟参与X（以下简称…）Y项目的招投标"
  {
    re: new RegExp(
      `参与(?:了)?[“"]?(${NAME})[”"]?(?=[（(]以下|及|\\s*[0-9]{4}\\s*年)[^。；\\n]{0,120}?(?:投标|招标|采购)`,
      'gu',
    ),
    agentOk: false,
  },
  // "中标X的…项目"
  {
    re: /(?:获得|收到|中标)[^，。；\n]{0,6}?([\u4e00-\u9fa5（）()]{2,40}?(?:公司|局|院|中心|政府|指挥部|委员会|银行|集团))(?:[（(][^）)]*[）)])?的[^，。；\n]{0,40}?(?:项目|工程|标段|采购)/gu,
    agentOk: false,
  },
  // "交易对方为X": the counterparty a contract announcement must disclose, where no sentence names it better
  {
    re: new RegExp(
      `(?:交易对方|合同对方)(?:均)?(?:为|是)\\s*[“"]?(${NAME})[”"]?(?=[，。；,（(\\n]|$)(?!${ALIAS}\\s*[的之]?\\s*(?:全资|控股|下属|所属|子公司))`,
      'gu',
    ),
    agentOk: false,
  },
  // "X与本公司不存在任何关联关系": the disclosure of the other side's ties, which names it (the last resort)
  {
    re: new RegExp(
      `(?:^|[\\n。；]|[0-9]\\s*、)\\s*(${NAME})${ALIAS}与(?:本公司|公司|我公司|上市公司)(?:之间)?(?:均)?不存在(?:任何)?关联关系`,
      'gu',
    ),
    agentOk: false,
  },
];

/** Words a loosely cut party name can begin with: a list number, a role, the verb before it. */
const PARTY_LEAD =
  /^(?:[（(][一二三四五六七八九十0-9]{1,2}[）)]|了|由|对|向|为|确定|确认|(?:本公司|公司|我公司)为|关联方|关联企业|项目招标人|招标人|招标单位|建设单位|项目业主|业主方?|成员方|甲方|乙方|买方|卖方|(?:本公司|公司)?之?(?:全资|控股)?(?:子公司|孙公司)|(?:本公司|公司|我公司)(?:之|的)?(?:下属|所属)(?:全资|控股)?(?:子公司|孙公司)?)+/u;

/**
 * The owner a party is introduced by: "X（股票代码…）的全资子公司Y", "X下属企业Y", "X所属的Y". The party that
 * signs or awards is Y.
 */
const OWNED_BY = new RegExp(
  `^.{2,60}?${ORG_END}(?:[（(][^）)]*[）)])?(?:的|之)?(?:全资|控股)?(?:子公司|下属(?:企业|公司|单位)?|所属(?:的)?|旗下(?:的)?)(?=.{4,}$)`,
  'u',
);

/** A party's name without the words before it ("由X", "确定本公司为X", "（一）X", its owner, the 日 of a date before it). */
function partyName(text: string, value: TextSpan | undefined): TextSpan | undefined {
  if (!value) return undefined;
  const owned = OWNED_BY.exec(value.text);
  if (owned && new RegExp(`${ORG_END}$`, 'u').test(value.text)) {
    const rest = span(text, value.start + owned[0].length, value.end);
    if (rest && rest.text.length >= 4) return partyName(text, rest);
  }
  const lead = PARTY_LEAD.exec(value.text)?.[0].length ?? 0;
  const day = value.text.startsWith('日') && /月\s*[0-9]{1,2}\s*$/u.test(text.slice(0, value.start)) ? 1 : 0;
  const cut = lead + day;
  return cut > 0 && value.text.length - cut >= 4 ? span(text, value.start + cut, value.end) : value;
}

function sameCompany(name: string, others: readonly string[]): boolean {
  return others.some((o) => o !== '' && (o === name || o.includes(name) || name.includes(o)));
}

/** Names of foreign organisations end in their own words: SUMTER CEMENT CO.LLC., Garnet Pte Ltd. */
const FOREIGN_ORG_END =
  /(?:co|company|corp|corporation|inc|llc|ltd|limited|gmbh|dmcc|s\.?a|plc|pte|ag)\.?["”]?$/iu;

/** Whether a name ends as an organisation's does, in Chinese or in a foreign language. */
function isOrgName(name: string): boolean {
  return new RegExp(`${ORG_END}$`, 'u').test(name) || FOREIGN_ORG_END.test(name);
}

/**
 * The full name a short one stands for where the text defines it ("云南中烟工业有限责任公司（以下简称“中烟公司”）"):
 * a party's record name is its full name.
 */
function fullNameOf(text: string, party: TextSpan | undefined): TextSpan | undefined {
  if (!party || party.text.length > 12) return party;
  const short = party.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(
    // the short name may be one of several, unquoted: （以下简称：采购方、保税区公司）
    `([^，。；、\\n“”（()）]{2,60}?${ORG_END})\\s*[（(]\\s*(?:以下简称|以下称|下称|简称)[：:\\s]*(?:[^（()）\\n]{0,12}?[、或\\s])?[“"]?\\s*${short}\\s*(?:[”"]|(?=[）)、，,或]))`,
    'u',
  ).exec(text);
  if (!m) return party;
  const full = m[1] as string;
  const start = (m.index ?? 0) + m[0].indexOf(full);
  // the name follows the verb or list mark before it: "与招商银行股份有限公司"
  const lead = /^.*(?:[与同向由及：:]|获得|收到|接到)/u.exec(full)?.[0].length ?? 0;
  const name = partyName(text, span(text, start + lead, start + full.length));
  return name && name.text.length > party.text.length && isOrgName(name.text) ? name : party;
}

/** The client named in narrative (the sender of the 中标通知书, the party signed with, …), not our side. */
function clientFromNarrative(text: string, ours: readonly string[]): TextSpan | undefined {
  for (const { re, agentOk, assigned } of CLIENT_CUES) {
    for (const m of text.matchAll(re)) {
      const name = m[1] as string;
      const start = (m.index ?? 0) + m[0].indexOf(name);
      // "X和Y的《中标通知书》": the first of two clients
      const first = new RegExp(`^.{2,50}?${ORG_END}(?=和)`, 'u').exec(name)?.[0] ?? name;
      // "）于近日收到X": a lazy name that began too early keeps only what follows the verb
      const lead = /^[\s）)][^，。]*?(?:收到|接到|同|与|和)/u.exec(first);
      const found = partyName(text, span(text, start + (lead ? lead[0].length : 0), start + first.length));
      if (!found || found.text.length < 4) continue;
      if (!agentOk && AGENT.test(found.text)) continue;
      if (/^(?:本|该|上述|公司|我|其|对方|双方)|^(?:项目|中标|合资|目标|标的)公司$/u.test(found.text))
        continue;
      if (!assigned && !isOrgName(found.text)) continue;
      if (sameCompany(found.text, ours)) continue;
      return found;
    }
  }
  return undefined;
}

/**
 * A labelled project's name: without a label of other facts run on after it ("…项目工程地点：…", "…项目
 * 2.中标联合体：…"), with a last character wrapped onto the next line ("…PPP 项⏎目").
 */
function labelledProject(text: string, value: TextSpan | undefined): TextSpan | undefined {
  let v = value && cutNotes(text, value);
  if (!v) return undefined;
  const lead = /^(?:名称|标的)\s*[：:]\s*/u.exec(v.text);
  if (lead) v = span(text, v.start + lead[0].length, v.end);
  const runOn = v && PROJECT_RUN_ON.exec(v.text);
  if (v && runOn) v = span(text, v.start, v.start + runOn.index);
  if (!v) return undefined;
  const closing = unclosedBracket(text, v);
  if (closing) return closing;
  const wrapped = /^\n([\u4e00-\u9fa5）)】]{1,3})(?=[。；;，,]?\n)/u.exec(text.slice(v.end));
  if (!wrapped || !/[^\s。；;，,]$/u.test(v.text)) return v;
  const end = v.end + 1 + (wrapped[1] as string).length;
  return { text: text.slice(v.start, end), start: v.start, end };
}

/**
 * "…项目（福鼎市龙⏎安工业区…）": a name whose bracket a line break left open runs on to where the bracket closes,
 * and on to the line's end where what follows ends the name ("…公路）工程监理项目").
 */
function unclosedBracket(text: string, value: TextSpan): TextSpan | undefined {
  const opens = (value.text.match(/[（(]/gu) ?? []).length;
  const closes = (value.text.match(/[）)]/gu) ?? []).length;
  if (opens <= closes) return undefined;
  const rest = /^\n([^\n（(）)：:。；]{1,60}[）)])([^\n]*)/u.exec(text.slice(value.end));
  if (!rest) return undefined;
  // "…公路）工程监理项目": words after the bracket that end the name belong to it
  const tail = rest[2] as string;
  const more = /^[\u4e00-\u9fa5A-Za-z0-9]{1,20}$/u.test(tail) && PROJECT_END.test(tail) ? tail.length : 0;
  const end = value.end + 1 + (rest[1] as string).length + more;
  return { text: text.slice(value.start, end), start: value.start, end };
}

/** What runs on after a project's name: another fact's label ("工程地点：", "2.中标联合体："), a new clause. */
const PROJECT_RUN_ON =
  /(?<=(?:项目|工程|标段|标|采购|施工|服务|[）)】]))(?:[0-9]{1,2}\s*[.．、]\s*)?[\u4e00-\u9fa5]{2,6}\s*[：:]|[，,](?:该|本|其|共)|\s+[0-9]{1,2}\s*[.．、]\s*[\u4e00-\u9fa5]{2,6}$/u;

/** A company or bank a project's name begins with (places and buildings end in 中心, 处, 局 too often). */
const PROJECT_OWNER =
  /^[\u4e00-\u9fa5（）()]{2,30}?(?:股份有限公司|有限责任公司|有限公司|集团公司|公司|集团|银行|医院)(?![\u4e00-\u9fa5]?公司|有限|股份|责任|集团|分公司|分行|支行)/u;

/** "国家电网公司2016年第一批电能表招标活动": a project named after its owner names the client. */
function ownerOfProject(
  text: string,
  project: TextSpan | undefined,
  ours: readonly string[],
): TextSpan | undefined {
  if (!project) return undefined;
  const m = PROJECT_OWNER.exec(project.text);
  if (!m || m[0].length >= project.text.length - 2) return undefined;
  const owner = span(text, project.start, project.start + m[0].length);
  if (!owner || owner.text.length < 4 || AGENT.test(owner.text) || sameCompany(owner.text, ours))
    return undefined;
  return owner;
}

// 综合体 (a city complex let as one job) and …化建设 (智能化建设) name the work; a bare …建设 is often a scope (施工建设).
const PROJECT_END =
  /(?:项目|工程|标段|标|采购|施工|承包|合同段|投标文件|招标活动|采购活动|招标采购|招标|服务|系统|设备|改造|化建设|综合体|包[0-9一二三四五六七八九十]*|[）)])$/u;
const NOT_PROJECT_START =
  /^(?:[（(]?(?:相关内容|具体内容|详情)?(?:详见|参见|请见)|通知|候选|公告|金额|价|单位|人|结果|公示|的|情况|事项|该|本|上述|项目|工程|以下|如下|其中|此|共|数量|过|投资项目|[0-9一二两三四五六七八九十]+\s*(?:个|次|项))/u;
// 合同段 (a road's section let as one contract) names a project; other 合同 words name the contract; 协议库存
// (stock bought under a framework agreement) names a State Grid tender; 重点项目 (中标通知书) names the notice's kind.
// 证券 only as a paper or the exchange (证券时报, 证券交易所): 中国证券登记结算…项目 is a tender.
const NOT_PROJECT =
  /合同(?!段)|协议(?!库存)|通知书|公告|规则|章程|证券(?:时报|日报|报|交易所|代码|简称)|报$|[省市区县]重点(?:建设)?(?:项目|工程)$/u;

/** Words that say a name is of a work, a purchase or a plant: a name ending in a bracket must hold one. */
const PROJECT_WORD = /项目|工程|标段|采购|施工|承包|建设|改造|服务|系统|设备|综合体|地块|[厂站]/u;

/** A project's name ends in a project word, or in a bracketed note after a name of a work ("…工程（一期）"). */
function endsAsProject(name: string): boolean {
  return PROJECT_END.test(name) && (!/[）)]$/u.test(name) || PROJECT_WORD.test(name));
}

/** "…招标活动推荐的中标候选人公示" → "…招标活动": the notice's name around the project's. */
function withoutNoticeWords(text: string, value: TextSpan | undefined): TextSpan | undefined {
  if (!value) return undefined;
  const m =
    /[-－—\s]*(?:推荐的|的)?(?:(?:中标候选人|中标人|中标结果|成交结果)(?:公示|名单|公告)?|(?:预中标|中标|中选人|中选候选人)(?:公示|名单|公告))(?:通知)?\s*(?:[（(][^）)]*[）)])?$/u.exec(
      value.text,
    );
  return m && m.index > 0 ? span(text, value.start, value.start + m.index) : value;
}

/** "X有限公司投资开发的Y工程" → "Y工程": the owner in front is not part of the project's name. */
function afterOwner(text: string, value: TextSpan | undefined): TextSpan | undefined {
  if (!value) return undefined;
  const at = value.text.lastIndexOf('的');
  if (at < 0 || !/公司|局|政府|委员会|指挥部|位于|厅|所属/.test(value.text.slice(0, at))) return value;
  return span(text, value.start + at + 1, value.end) ?? value;
}

/** A project's name with bracketed parts of its own ("…PPP项目（三期）"), never an unclosed bracket. */
const BRACKETED_NAME = '(?:[^，。；\\n“”《》（()）]|[（(][^（()）\\n]{1,20}[）)]){4,100}?';

/**
 * "参与了“X项目”（以下简称“Y项目”）": a project's record name is the full name the text gives, not the short one
 * it defines for itself.
 */
function fullProjectName(text: string, project: TextSpan): TextSpan {
  const short = project.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(
    `[“"《]\\s*([^“”"《》\\n]{4,120}?)\\s*[”"》]\\s*[（(]\\s*(?:以下简称|以下称|下称|简称)[：:\\s]*[“"]\\s*${short}\\s*[”"]`,
    'u',
  ).exec(text);
  if (!m || m.index === undefined) return project;
  const full = m[1] as string;
  const start = m.index + m[0].indexOf(full);
  return span(text, start, start + full.length) ?? project;
}

/** Candidate project names from narrative cues, best first. */
export function projectFromNarrative(text: string, title: string | undefined): TextSpan | undefined {
  const cues = [
    // "中标了X（以下简称“本项目”）", "获得X（以下简称“九江大桥项目”）": the text itself calls X a project
    new RegExp(
      `(?:中标了?|中选|获得|承接了?|承建|取得|参与了?|参加了?|确定为|成为|作为|公司为|关于)[“"]?(${BRACKETED_NAME})[”"]?\\s*[（(]\\s*(?:以下简称|以下称|下称|简称)?\\s*[：:]?\\s*[“"]\\s*(?:本|该)?[^“”"（()）\\n]{0,16}?(?:项目|工程)\\s*[”"]`,
      'gu',
    ),
    // "中标X，中标价…" / "中标X（以下简称…）"
    /(?:中标|承建|承接|中选)(?:了)?[“"]?([^，。；\n“”《》]{4,100}?)[”"]?(?=[，。；,\n]|[（(]以下|的中标|中标价|中标金额|(?<=项目)中标|$)/gu,
    // "确认公司为X项目的中标单位" (the labels keep 项目)
    /为[“"]?([^，。；\n“”《》]{4,100}?)[”"]?的?(?:社会资本方)?(?:第一)?(?:预)?(?:中标人|中标单位|中标候选人|候选人|成交供应商|成交人|中选人|中标社会资本方)/gu,
    // "本次预中标项目为X（招标编号：…）"
    /(?:中标|中选|成交)项目(?:为|是)\s*[：:]?[“"]?([^，。；\n“”《》]{4,100}?)[”"]?(?=[，。；,（(\n]|$)/gu,
    // "X项目由公司中标"
    /(?:^|[，。\n])[“"]?([^，。；\n“”《》]{4,100}?)[”"]?由[^，。；\n]{0,40}?中标/gu,
    // "参与了X项目的投标"
    /参与(?:了)?[“"]?([^，。；\n“”《》]{4,100}?)[”"]?的?(?:公开)?(?:投标|招投标|招标|竞标|采购|评标)/gu,
    // “X项目” / 《X项目》 (a line break may fall inside)
    /[“"《]([^”"》]{4,100}?)[”"》]/gu,
    // "在X（招标编号：…）的招标中" / "对X投标获得中标": the tender the company took part in
    /(?:在|对)[“"]?([^，。；\n“”《》]{4,100}?)[”"]?(?:[（(][^）)\n]*[）)])*(?:的)?(?:(?:招标|采购|评标|评选|招投标|投标)(?:活动)?中|投标获得中标|中[，,]?(?:被|确认|确定|中标|成为|入围))/gu,
    // a project standing on its own line before its tender number: "X（招标编号：…）由…委托…"
    /(?:^|\n)\s*([^，。；\n“”《》]{4,100}?)\s*[（(](?:招标编号|项目编号|采购编号)/gu,
    // a title broken over lines: "关于中标\nX项目的公告"
    /中标\s*\n\s*([^，。；\n]{4,80}?)的公告/gu,
    // "收到Y关于X的中标通知书", "接到X预中标通知": the notice names the project it awards
    /(?:收到|接到|收悉)[^，。；\n“”《》]{0,40}?关于([^，。；\n“”《》]{4,100}?)的?(?:预)?(?:中标|成交|中选)(?:通知|结果)/gu,
    /(?:收到|接到|收悉)(?:了)?([^，。；\n“”《》]{4,100}?(?:项目|工程|标段)(?:[（(][^（()）\n]{1,20}[）)])?)的?(?:预)?(?:中标|成交|中选)(?:通知|结果)/gu,
  ];
  for (const re of cues) {
    for (const m of text.matchAll(re)) {
      const value = m[1] as string;
      const start = (m.index ?? 0) + m[0].indexOf(value);
      // A short name an alias note defines (以下简称“X”或“Y”) names a party, not a project.
      if (/(?:简称|称)[^（(）)]{0,12}$/u.test(text.slice(Math.max(0, start - 14), start))) continue;
      // "信联征信参加X项目", "中标了约1.97亿元X项目": the bidder and its verb, or the sum won, are no part of
      // the project's name
      const lead =
        /^[^，。]*?(?:参加|参与)(?:了)?|^约?[0-9][0-9.,]*\s*(?:万|亿)*元(?:人民币)?的?|^(?:其(?![中他余它])|(?:中标|谈判|采购)?(?:内容|标的|项目)\s*(?:为|：|:))\s*/u.exec(
          value,
        )?.[0].length ?? 0;
      const found = span(text, start + lead, start + value.length);
      const cut = found && afterOwner(text, withoutNoticeWords(text, cutNotes(text, found)));
      if (!cut || cut.text.length < 6 || NOT_PROJECT_START.test(cut.text) || !endsAsProject(cut.text))
        continue;
      if (NOT_PROJECT.test(cut.text)) continue;
      return fullProjectName(text, cut);
    }
  }
  const named = title && projectOfTitle(title);
  const at = named ? text.indexOf(named) : -1;
  return named && at >= 0 ? span(text, at, at + named.length) : undefined;
}

/** "关于（全资子公司）中标X项目的公告", "关于收到X项目中标通知书的公告" → X项目: the title's project, without who won it. */
function projectOfTitle(title: string): string | undefined {
  const t =
    /关于([\u4e00-\u9fa5A-Za-z0-9（）()\- ]{4,60}?(?:项目|工程)(?:\s*[（(][^）)]{1,10}[）)])?)(?=的|\s*(?:预)?中标|$)/u.exec(
      title,
    );
  const name = t?.[1]?.replace(
    /^(?:公司|本公司)?(?:全资|控股|下属)?(?:子公司|孙公司)?(?:[\u4e00-\u9fa5]{2,4})??(?:中标|签订|签署|取得|收到|获得)(?:了)?\s*/u,
    '',
  );
  // "关于PPP 项目中标的公告": a kind of project, not one project's name
  const words = name?.match(/[\u4e00-\u9fa5]/gu)?.length ?? 0;
  if (!name || words < 5 || /子公司|^(?:公司|重大|日常)/u.test(name) || NOT_PROJECT_START.test(name))
    return undefined;
  return name;
}

/** 《合同名》 → 合同名 (the labels and the graph want the name, not its quotation marks). */
function withoutBookQuotes(text: string, value: TextSpan): TextSpan | undefined {
  const m = /^《([^《》]+)》/.exec(value.text);
  return m ? span(text, value.start + 1, value.start + 1 + (m[1] as string).length) : value;
}

/** The contract a narrative sentence names: 《…协议》, 收到…关于…合同, 签署了…合作协议 (contracts, not bids, read all three). */
export function contractNameFromNarrative(text: string, kind: ContractKind): TextSpan | undefined {
  const cues = [
    // a supplement is numbered after its name: 《…项目合同补充协议 -3》
    /《([^《》\n]{2,80}?(?:合同|协议|合同书|协议书|订单|确认书)(?:\s*[-－—]\s*[0-9]{1,2})?)\s*》/gu,
    // "收到X关于Y合同": the contract as the sender named it
    /(?:收到|接到)[^，。；\n《》]{2,60}?(关于[^，。；\n《》]{2,60}?(?:合同|协议)(?:及补充协议|[（(][^）)\n]{1,10}[）)])?)/gu,
    // "签署了X项目商务合同" without quotation marks; not "签署、修订…" (a list of acts), "签订后另行公告", "签订并收到…"
    // "签订X项目合同补充协议": the supplement, not the contract it supplements
    /(?:签订|签署|签定|订立|签下)(?![、后并])(?:了|的)?(?:一份|一项)?([^，。；\n《》“”]{4,60}?(?:合同书|协议书|合同|协议)(?:之?补充(?:协议|合同)(?:\s*[-－—]\s*[0-9]{1,2})?)?)(?![书》])/gu,
  ];
  for (const re of kind === 'contract' ? cues : cues.slice(0, 1)) {
    for (const m of text.matchAll(re)) {
      const name = m[1] as string;
      if (NOT_CONTRACT_NAME.test(name) || (GENERIC_CONTRACT.test(name) && !ONE_NAME.test(name))) continue;
      // "尚未与出租方签订X合同", "拟签订…": a contract not signed has no name in the record yet
      if (NOT_YET_SIGNED.test(text.slice(Math.max(0, (m.index ?? 0) - 20), m.index))) continue;
      const start = (m.index ?? 0) + m[0].indexOf(name);
      // "签订了1份X合同", "一批X合同": the count is not part of the name
      const count = /^(?:了\s*)?(?:[0-9一二两三四五六七八九十]+\s*[份批项个])?/u.exec(name)?.[0].length ?? 0;
      return span(text, start + count, start + name.length);
    }
  }
  return undefined;
}

/** The project a contract is named after: 鸿路智能装配基地项目 of 《鸿路智能装配基地项目投资合作协议书》. */
export function projectOfContractName(name: TextSpan): TextSpan | undefined {
  const at = name.text.lastIndexOf('项目');
  if (at < 2) return undefined;
  return { text: name.text.slice(0, at + 2), start: name.start, end: name.start + at + 2 };
}

/** Words before a signing verb, in its clause, that say the contract is not signed yet. */
const NOT_YET_SIGNED = /(?:尚未|未|拟|待|将|准备|计划)[^，。；\n]{0,16}$/u;

/** The standard form's own title, a name though it begins with 合同. */
const ONE_NAME = /^合同协议书$/u;

/** "正式合同", "日常经营重大合同", "上述合同": words about a contract, not its name (特许经营协议 is one). */
const GENERIC_CONTRACT =
  /^(?:正式|本|该|上述|相关|相应|有关|此|这|日常|重大|合同|协议|书面|补充|的|具体|前述|以上|各项|各|新的|本次|该项)|^(?:经营|正式|相关|上述)(?:合同|协议)$|(?:重大|日常)(?:经营)?(?:合同|协议)$|金额|价款/u;

const AMOUNT_CUE =
  /(?:中标|合同|成交|投标|总)(?:总)?(?:金额|价款|价格|报价|总价|价|额)|金额|价款|总价|总包价|报价|标价|造价|价为|价格为|标的额|总投资额|投资额|总投资/gu;

/** Money written right after an amount cue; a following "至/-/~ Y" makes it a range. */
function amountNear(text: string, from: number, to: number): ContractAmount | undefined {
  const mentions = findMoney(text.slice(from, to)).filter((m) => m.value >= 10000);
  const first = mentions[0];
  if (!first) return undefined;
  const preferred = inYuanDigits(text, from + first.end, first);
  if (preferred) return toAmount(text, from + first.end, preferred.mention, preferred.next);
  return toAmount(text, from, first, mentions[1]);
}

/** What may stand between an amount in numerals and the same amount in digits: its 角 and 分, 整, a bracket. */
const NUMERAL_TAIL = /^[零〇壹贰叁肆伍陆柒捌玖拾角分整\s（(：:]{0,8}$/u;

/**
 * A better writing of the same amount right after it: "美元…约合人民币X元" (contracts are counted in yuan), or
 * "壹亿…元（¥123,456,789.01元）" where the digits carry the fen the numerals dropped.
 */
function inYuanDigits(
  text: string,
  at: number,
  first: MoneyMention,
): { mention: MoneyMention; next?: MoneyMention } | undefined {
  const after = text.slice(at, at + 60);
  const mentions = findMoney(after).filter((m) => m.value >= 10000 && m.currency === 'CNY');
  const next = mentions[0];
  if (!next) return undefined;
  if (
    first.currency !== 'CNY' &&
    /^[^。；\n]{0,30}?(?:折合|约合|折|合|相当于)/.test(after.slice(0, next.start + 1))
  )
    return { mention: next, next: mentions[1] };
  const numerals = !/[0-9]/.test(first.text);
  // The numerals may end in 角 and 分 the money reader leaves out: "…元玖角壹分（￥616,021,596.91）".
  const between = after.slice(0, next.start);
  if (numerals && NUMERAL_TAIL.test(between) && Math.abs(next.value - first.value) < 0.01 * first.value)
    return { mention: next };
  return undefined;
}

function toAmount(text: string, offset: number, first: MoneyMention, second?: MoneyMention): ContractAmount {
  let upper = first.value;
  let end = offset + first.end;
  // "1,000万元至2,000万元": a range between two mentions joined by 至 / - / ~.
  if (second && /^\s*(?:至|到|-|－|~|～|—)\s*$/.test(text.slice(offset + first.end, offset + second.start))) {
    upper = second.value;
    end = offset + second.end;
  }
  const s = offset + first.start;
  return {
    text: text.slice(s, end),
    start: s,
    end,
    lower: Math.min(first.value, upper),
    upper: Math.max(first.value, upper),
    currency: first.currency,
  };
}

/** Amounts about the company itself (revenue, capital), not about the contract. */
const NOT_CONTRACT_AMOUNT = /营业|收入|注册资本|净资产|总资产|利润|担保金|保证金|违约金/;

function amountFromNarrative(text: string): ContractAmount | undefined {
  for (const m of text.matchAll(AMOUNT_CUE)) {
    const from = (m.index ?? 0) + m[0].length;
    const stop = text.slice(from, from + 60).search(/[。；\n]/);
    const amount = amountNear(text, from, from + (stop < 0 ? 60 : stop));
    if (amount && !NOT_CONTRACT_AMOUNT.test(text.slice(Math.max(0, from - 30), from))) return amount;
  }
  // No cue: the first sizeable yuan amount that is not about the company itself.
  for (const m of findMoney(text)) {
    if (m.value < 100000 || NOT_CONTRACT_AMOUNT.test(text.slice(Math.max(0, m.start - 30), m.start)))
      continue;
    return amountNear(text, m.start, m.end + 60);
  }
  return undefined;
}

/**
 * The parts a list of names splits into at 、，； and at 和 / 及 / 与, except where the words before 和 are a
 * name's first few characters (重庆扬子江和远融资租赁有限公司 is one name).
 */
function nameParts(text: string, value: TextSpan): TextSpan[] {
  const out: TextSpan[] = [];
  let head: number | undefined;
  for (const m of value.text.matchAll(/[^、，,；;和及与\s]+/gu)) {
    const at = value.start + (m.index ?? 0);
    const joined = text.charAt(at - 1).match(/[和及与]/) && head !== undefined;
    const start = joined ? (head as number) : at;
    const piece = m[0];
    head =
      /^[\u4e00-\u9fa5]{2,8}$/u.test(piece) && !new RegExp(`${ORG_END}$`, 'u').test(piece) ? at : undefined;
    if (!joined && head !== undefined) continue;
    const part = span(text, start, at + piece.length);
    if (part) out.push(part);
  }
  return out;
}

function membersFrom(text: string, value: TextSpan, exclude: string[]): TextSpan[] {
  const out: TextSpan[] = [];
  for (const part of nameParts(text, value)) {
    // "（联合体成员单位：X）中标…": the member's name ends where its organisation word does
    const name = part && orgAtStart(text, cutNotes(text, part));
    if (name && new RegExp(`${ORG_END}$`).test(name.text) && !exclude.some((x) => x && name.text.includes(x)))
      out.push(name);
  }
  return out;
}

/** The organisation a value begins with, where words run on after its name ("X）中标…"); else the value. */
function orgAtStart(text: string, value: TextSpan | undefined): TextSpan | undefined {
  if (!value || new RegExp(`${ORG_END}$`, 'u').test(value.text)) return value;
  // a registered company's ending closes the name whatever follows; a shorter one (院, 局) only before a mark
  const m =
    /^(?:[^（()）]|[（(][^（()）]{1,8}[）)]){2,50}?(?:股份有限公司|有限责任公司|有限公司)/u.exec(
      value.text,
    ) ??
    new RegExp(
      `^(?:[^（()）]|[（(][^（()）]{1,8}[）)]){2,50}?${ORG_END}(?![\\u4e00-\\u9fa5]{0,1}公司|有限|股份|责任|集团|分公司)(?=[）)]|[^\\u4e00-\\u9fa5A-Za-z0-9（(])`,
      'u',
    ).exec(value.text);
  return m ? span(text, value.start, value.start + m[0].length) : value;
}

/** "公司与X（以下简称…）组成联合体", "与“X、Y”联合体", "联合体成员——X、Y": the partners of our company. */
function membersFromNarrative(text: string, exclude: string[]): TextSpan[] {
  const cues = [
    /(?:与|和|及)\s*[“"]?\s*((?:[^，。；\n《》“”（(]|[（(][^）)]*[）)]){4,160}?)\s*[”"]?(?:[（(][^）)]*[）)])*?\s*(?:共同|自愿)*(?:组成|作为|结成)?(?:的)?(?:投标|项目|社会资本)?[（(]?(?:联合体|联营体)/gu,
    /联合体成员\s*(?:[—―–\-－:：为]\s*)+([^。；;\n]{4,200})/gu,
  ];
  for (const re of cues) {
    for (const m of text.matchAll(re)) {
      const value = m[1] as string;
      const start = (m.index ?? 0) + m[0].indexOf(value);
      const found = span(text, start, start + value.length);
      if (!found) continue;
      const members = listedOrgs(text, found).filter((o) => !sameCompany(o.text, exclude));
      if (members.length > 0) return members;
    }
  }
  return [];
}

/** Agents that run a tender take part in no consortium. */
const NOT_A_PARTNER = /招标代理|代理机构|交易中心/u;

/**
 * Partners by the full names the text defines for them ("子公司X（以下简称“路港公司”）…公司与路港公司组成的联合体"),
 * without agents, the winner, or one named twice.
 */
function partnersNamedInFull(
  text: string,
  members: readonly TextSpan[],
  exclude: readonly string[],
): TextSpan[] {
  const out: TextSpan[] = [];
  for (const member of members) {
    const name = fullNameOf(text, member) ?? member;
    if (NOT_A_PARTNER.test(name.text) || (name !== member && sameCompany(name.text, exclude))) continue;
    if (!out.some((o) => o.text === name.text)) out.push(name);
  }
  return out;
}

/** "牵头人——X；联合体成员——…": the lead of a consortium we joined as a member is a partner too, named first. */
function withLeadPartner(text: string, members: TextSpan[], exclude: readonly string[]): TextSpan[] {
  const m = /牵头(?:人|方|单位)\s*(?:[—―–\-－:：为]\s*)+([^，。；;、\n]{4,60})/u.exec(text);
  if (!m || m.index === undefined) return members;
  const start = m.index + m[0].length - (m[1] as string).length;
  const lead = orgAtStart(
    text,
    cutNotes(text, { text: m[1] as string, start, end: start + (m[1] as string).length }),
  );
  if (!lead || !isOrgName(lead.text) || NOT_A_PARTNER.test(lead.text) || sameCompany(lead.text, exclude))
    return members;
  if (members.some((o) => sameCompany(o.text, [lead.text]))) return members;
  return [lead, ...members];
}

/** "X（联合体成员）", "Y（成员单位）": the names the text marks as members, in order, without our side. */
function markedMembers(text: string, exclude: readonly string[]): TextSpan[] {
  const out: TextSpan[] = [];
  const re = new RegExp(
    `([^，。；、：:\\n（()）“”]{4,60}?${ORG_END})\\s*[（(]\\s*(?:联合体)?成员(?:单位|方)?\\s*[）)]`,
    'gu',
  );
  for (const m of text.matchAll(re)) {
    const value = m[1] as string;
    const start = (m.index ?? 0) + m[0].indexOf(value);
    const name = partyName(text, span(text, start, start + value.length));
    if (!name || name.text.length < 4 || OUR_WORDS.test(name.text) || sameCompany(name.text, exclude))
      continue;
    if (!out.some((o) => o.text === name.text)) out.push(name);
  }
  return out;
}

/** One name of a list, with a bracketed note of its own: "X（牵头人）", "Y（为公司的全资子公司，以下简称“Z”）". */
const LIST_ITEM = '(?:[^，。；：:、\\n（()）“”]|[（(][^（()）\\n]{0,40}[）)]){4,60}?';
/** "A、B、C联合体被确定为…", "A（牵头人）、B联合体为预中标人", "A、B（联合体）中标": the consortium listed whole. */
const CONSORTIUM_LIST = new RegExp(
  `(?:^|[，。；：:\\n])\\s*(${LIST_ITEM}(?:、\\s*${LIST_ITEM})+?)\\s*等?\\s*(?:组成的)?\\s*(?:[（(]\\s*联合体\\s*[）)]|联合体)(?!成员|协议|各方)`,
  'gu',
);
/** A list item's number: "1.", "2、", "（3）". */
const LIST_NUMBER = /^(?:[0-9]{1,2}\s*[.．、]|[（(][0-9一二三四五六七八九十]{1,2}[）)])\s*/u;
/** "本公司下属X", "公司所属子公司X": a member of our group, which is the winning party where the text names no other. */
const OUR_GROUP_LEAD = /^(?:本公司|公司|我公司)(?:之|的)?(?:下属|所属)?(?:全资|控股)?(?:子公司|孙公司)?/u;

/**
 * A consortium named as a list of its members: the member from our side (ours, or one the text introduces as
 * our group's) and the others.
 */
function listedConsortium(
  text: string,
  exclude: readonly string[],
): { ourMember?: TextSpan; members: TextSpan[] } | undefined {
  for (const m of text.matchAll(CONSORTIUM_LIST)) {
    const value = m[1] as string;
    const start = (m.index ?? 0) + m[0].indexOf(value);
    const found = span(text, start, start + value.length);
    if (!found) continue;
    const orgs = listedOrgs(text, found);
    if (orgs.length < 2) continue;
    const ourMember = orgs.find((o) => {
      // "1.本公司所属子公司X、Y联合体": the item's number is no part of the words before X
      const lead = (text.slice(found.start, o.start).split('、').pop() ?? '').trim().replace(LIST_NUMBER, '');
      return sameCompany(o.text, exclude) || (lead !== '' && OUR_GROUP_LEAD.test(lead));
    });
    if (!ourMember) continue;
    const members = orgs.filter((o) => o !== ourMember && !sameCompany(o.text, exclude));
    if (members.length > 0) return { ourMember, members };
  }
  return undefined;
}

function signingDate(text: string): ContractDate | undefined {
  const m =
    /于\s*((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)[^。；\n]{0,40}?(?:签订|签署|签定)/u.exec(text);
  if (!m?.[1]) return undefined;
  const start = (m.index ?? 0) + m[0].indexOf(m[1]);
  const date = findDates(m[1])[0];
  return date ? { text: m[1], start, end: start + m[1].length, value: date.iso } : undefined;
}

interface DocumentContext {
  kind: ContractKind;
  title: string | undefined;
  /** Full names of our side (issuer, the subsidiary that won or signed). */
  ours: string[];
  /** 乙方 when no label names one: the subsidiary, else the issuer (document offsets). */
  ourParty: TextSpan | undefined;
  /** The issuer's short name from the header (证券简称). */
  shortNames: string[];
  /** Whether the text names the subsidiary that won or signed. */
  subsidiary?: boolean;
  /** The issuer's full name where the text (or slice) states it. */
  issuer?: TextSpan;
}

/** A winner's value that begins with our company and goes on to another: "本公司及子公司X", "公司与X". */
const WE_WITH = /^(?:本公司|公司|我公司)\s*(?:及|与|和|、)/u;

/**
 * "中标人：本公司及子公司X", "中标单位：公司及公司之全资子公司X作为联合体…": the issuer bid together with X (its
 * own subsidiary too), so the issuer is 乙方 and X its consortium partner.
 */
function partnersOfUs(text: string, value: TextSpan): TextSpan[] | undefined {
  const lead = WE_WITH.exec(value.text);
  const rest = lead && span(text, value.start + lead[0].length, value.end);
  if (!rest) return undefined;
  const out: TextSpan[] = [];
  for (const part of nameParts(text, rest)) {
    const name = orgAtStart(text, partyName(text, part));
    if (name && name.text.length >= 4 && isOrgName(name.text) && !OUR_WORDS.test(name.text)) out.push(name);
  }
  return out.length > 0 ? out : undefined;
}

/** "本公司", "公司之全资子公司", the issuer's short name: words for our side that are no name. */
function ourWords(name: string, ctx: DocumentContext): boolean {
  return /^(?:本|我)?公司(?:之|的)?(?:全资|控股)?(?:子公司)?$/u.test(name) || ctx.shortNames.includes(name);
}

/** One record from `text` (the document's, or one item's slice of it). */
function recordOf(text: string, ctx: DocumentContext): ContractRecord {
  const { kind, ours, title } = ctx;
  const labelled = labelledValues(text);
  const first = (field: LabelledField) => labelled.find((l) => l.field === field);

  const record: ContractRecord = { kind };
  const a = first('甲方');
  const partyA = a && partyName(text, firstOrg(text, a.value));
  record.甲方 =
    partyA && !AGENT.test(partyA.text) && !NOT_A_PARTY.test(partyA.text)
      ? partyA
      : clientFromNarrative(text, ours);

  // A consortium named as winner: our company is 乙方, the others are its members.
  const b = first('乙方');
  const listed = b ? listedOrgs(text, b.value) : [];
  const winner = listed.length > 1 ? (listed.find((o) => sameCompany(o.text, ours)) ?? listed[0]) : undefined;
  const partyB = winner ?? (b && partyName(text, firstOrg(text, b.value)));
  // "中标人：本公司" / the issuer's short name: our side, by its full name
  record.乙方 = partyB && !ourWords(partyB.text, ctx) ? partyB : ctx.ourParty;
  // "中标人：本公司及子公司X": the issuer won, with X as its partner
  const withUs = b && partnersOfUs(text, b.value);
  if (withUs) record.乙方 = ctx.issuer ?? ctx.ourParty;

  const p = first('项目名称');
  record.项目名称 = labelledProject(text, p?.value) ?? projectFromNarrative(text, title);
  record.甲方 ??= ownerOfProject(text, record.项目名称, ours);
  record.甲方 = fullNameOf(text, record.甲方);

  const c = first('合同名称');
  record.合同名称 = (c && withoutBookQuotes(text, c.value)) ?? contractNameFromNarrative(text, kind);

  const amountLabel = labelled
    .filter((l) => l.field === '合同金额')
    .find((l) => amountNear(text, l.value.start, l.value.end));
  record.合同金额 = amountLabel
    ? amountNear(text, amountLabel.value.start, amountLabel.value.end)
    : amountFromNarrative(text);

  const exclude = [record.乙方?.text ?? '', ...ours];
  const m = first('联合体成员');
  const partners = listed.filter((o) => o !== winner && !sameCompany(o.text, exclude));
  let members = withUs
    ? withUs
    : m
      ? membersFrom(text, m.value, exclude)
      : partners.length > 0 && winner
        ? partners
        : membersFromNarrative(text, exclude);
  if (members.length === 0 && !m) members = markedMembers(text, exclude);
  if (members.length === 0 && !m) {
    const consortium = listedConsortium(text, exclude);
    if (consortium) {
      members = consortium.members;
      // "本公司下属X、Y（联合体）中标": X won for the issuer
      if (!partyB && !ctx.subsidiary && consortium.ourMember && !sameCompany(consortium.ourMember.text, ours))
        record.乙方 = consortium.ourMember;
    }
  }
  // a subsidiary may bid with the issuer: only the winner itself and the issuer are no partner of theirs
  members = partnersNamedInFull(text, members, [record.乙方?.text ?? '', ours[0] ?? '']);
  if (members.length > 0) record.联合体成员 = withLeadPartner(text, members, exclude);

  const date = kind === 'contract' ? signingDate(text) : undefined;
  if (date) record.签署日期 = date;
  for (const key of Object.keys(record) as Array<keyof ContractRecord>)
    if (record[key] === undefined) delete record[key];
  return record;
}

/** Moves a record read from a slice of the text to the document's offsets. */
function shifted(record: ContractRecord, offset: number): ContractRecord {
  const move = <T extends TextSpan>(x: T): T => ({ ...x, start: x.start + offset, end: x.end + offset });
  const out: ContractRecord = { kind: record.kind };
  for (const [key, value] of Object.entries(record) as Array<[keyof ContractRecord, unknown]>) {
    if (key === 'kind') continue;
    (out as unknown as Record<string, unknown>)[key] = Array.isArray(value)
      ? value.map((v: TextSpan) => move(v))
      : move(value as TextSpan);
  }
  return out;
}

/** A numbered item that reports one contract or bid: "1、X通知公司中标…，中标价…" / "中标项目一：…". */
const ITEM_START =
  /^\s*(?:[0-9]{1,2}\s*[、.．]|[（(][0-9一二三四五六七八九十]{1,2}[）)]|中标项目[一二三四五六七八九十0-9]+\s*[：:])[^\n]{0,80}?(?:中标|合同|签订|签署)/u;
const SECTION_HEADING = /^\s*[一二三四五六七八九十]+\s*、/u;

/** Regions of numbered items that each report a contract with its amount; fewer than two means one contract. */
function contractItems(text: string): Array<[number, number]> {
  const lines = linesOf(text);
  const starts = lines.filter((l) => ITEM_START.test(l.text));
  const items: Array<[number, number]> = [];
  starts.forEach((line, k) => {
    const next = starts[k + 1];
    let end = next ? next.start : Math.min(text.length, line.start + 600);
    const heading = lines.find((l) => l.start > line.start && l.start < end && SECTION_HEADING.test(l.text));
    if (heading) end = heading.start;
    const money = findMoney(text.slice(line.start, end)).filter((m) => m.value >= 1e6);
    if (money.length > 0) items.push([line.start, end]);
  });
  return items.length >= 2 ? items : [];
}

/** Fields whose labels, stated again with another value, open the next contract's block. */
const BLOCK_FIELDS: ReadonlySet<LabelledField> = new Set(['甲方', '项目名称', '合同名称', '合同金额']);

/**
 * Blocks of labelled lines that each report one contract ("1、招标人：… 2、项目名称：… 4、中标价：…" once per
 * project): a block ends where one of its fields is labelled again with another value.
 */
function labelledBlocks(text: string): Array<[number, number]> {
  const blocks: Array<{ start: number; end: number }> = [];
  let seen = new Map<LabelledField, string>();
  for (const l of labelledValues(text)) {
    if (!BLOCK_FIELDS.has(l.field)) continue;
    const before = seen.get(l.field);
    if (blocks.length === 0 || (before !== undefined && before !== l.value.text)) {
      const lineStart = text.lastIndexOf('\n', l.at) + 1;
      blocks.push({ start: lineStart, end: l.value.end });
      seen = new Map();
    }
    seen.set(l.field, l.value.text);
    (blocks[blocks.length - 1] as { end: number }).end = l.value.end;
  }
  const regions = blocks.map(({ start, end }, k): [number, number] => {
    const next = blocks[k + 1];
    if (next) return [start, next.start];
    const lineEnd = text.indexOf('\n', end);
    return [start, lineEnd < 0 ? text.length : lineEnd];
  });
  // One contract's labelled lines stand together; labels pages apart (an annual report's) are no block.
  return regions.every(([start, end]) => end - start <= MAX_BLOCK) ? regions : [];
}

/** The longest a block of one contract's labelled lines may be, in characters. */
const MAX_BLOCK = 1000;

/** A table cell with its place in the text; `header` is its column's heading. */
interface Cell extends TextSpan {
  header: string;
}

/** The cells of one table row and the table's rows (header row excluded). */
type TableRows = Cell[][];

/** Finds each cell's text in order from `from`, so that cells carry document offsets. */
function locateRow(
  text: string,
  header: readonly string[],
  row: readonly string[],
  from: number,
): Cell[] | null {
  const cells: Cell[] = [];
  let at = from;
  for (const [k, raw] of row.entries()) {
    const value = raw.trim();
    if (value === '') continue;
    const found = text.indexOf(value, at);
    if (found < 0) return null;
    cells.push({ header: header[k] ?? '', text: value, start: found, end: found + value.length });
    at = found + value.length;
  }
  return cells;
}

/**
 * Tables of the document: `document.tables` where the parser gives them (header row first, or `header`), else
 * runs of tab-separated lines in the text (how HTML tables read today).
 */
function tablesOf(doc: ParsedDocument): TableRows[] {
  const { text } = doc;
  const out: TableRows[] = [];
  if (doc.tables.length > 0) {
    for (const table of doc.tables) {
      const header = table.header.length > 0 ? table.header : (table.rows[0] ?? []);
      const body = table.header.length > 0 ? table.rows : table.rows.slice(1);
      let at = table.start ?? 0;
      const rows: TableRows = [];
      for (const row of body) {
        const cells = locateRow(text, header, row, at);
        if (!cells || cells.length === 0) continue;
        rows.push(cells);
        at = (cells[cells.length - 1] as Cell).end;
      }
      out.push(rows);
    }
    return out;
  }
  let run: Line[] = [];
  const flush = () => {
    const [head, ...body] = run;
    if (head && body.length > 0) {
      const header = head.text.split('\t').map((c) => c.trim());
      out.push(
        body
          .filter((l) => l.text.split('\t').length === header.length)
          .map((l) => locateRow(text, header, l.text.split('\t'), l.start) ?? [])
          .filter((cells) => cells.length > 0),
      );
    }
    run = [];
  };
  for (const line of linesOf(text)) {
    if (line.text.includes('\t')) run.push(line);
    else flush();
  }
  flush();
  return out;
}

const COLUMN_FIELDS: ReadonlyArray<readonly [RegExp, keyof ContractRecord]> = [
  [/金额|价格|报价|中标价|合同价|总价|价款/, '合同金额'],
  [/招标人|招标单位|采购人|采购单位|业主|发包|甲方|买方|客户|需方/, '甲方'],
  [/中标人|中标单位|中标候选人|供应商|乙方|卖方|承包/, '乙方'],
  [/项目|工程|标段|标包|包号|名称/, '项目名称'],
];

/** 金额（万元） → 1e4: the unit a column heading gives its bare numbers. */
function headerUnit(header: string): number {
  if (/亿元/.test(header)) return 1e8;
  if (/万元/.test(header)) return 1e4;
  return /元/.test(header) ? 1 : 0;
}

function amountOfCell(cell: Cell): ContractAmount | undefined {
  const money = findMoney(cell.text)[0];
  if (money) return toAmount(cell.text, 0, money) && shiftAmount(toAmount(cell.text, 0, money), cell.start);
  const unit = headerUnit(cell.header);
  const n = Number(cell.text.replace(/[,，\s]/g, ''));
  if (!unit || !Number.isFinite(n) || n <= 0) return undefined;
  const value = Math.round(n * unit * 100) / 100;
  return { ...cell, lower: value, upper: value, currency: 'CNY' };
}

function shiftAmount(amount: ContractAmount, offset: number): ContractAmount {
  return { ...amount, start: amount.start + offset, end: amount.end + offset };
}

/** One record per row of a table of contracts (a column of amounts and one of projects or clients). */
function tableRecords(doc: ParsedDocument, kind: ContractKind): ContractRecord[] {
  for (const rows of tablesOf(doc)) {
    const records: ContractRecord[] = [];
    for (const cells of rows) {
      if (/^(?:合计|总计|小计|共计)/.test(cells[0]?.text ?? '')) continue;
      const record: ContractRecord = { kind };
      for (const cell of cells) {
        const field = COLUMN_FIELDS.find(([re]) => re.test(cell.header))?.[1];
        if (field === '合同金额') record.合同金额 ??= amountOfCell(cell);
        else if (field === '甲方' || field === '乙方') record[field] ??= firstOrg(doc.text, cell);
        else if (field === '项目名称' && /[\u4e00-\u9fa5]{2}/.test(cell.text)) record.项目名称 ??= cell;
      }
      for (const key of Object.keys(record) as Array<keyof ContractRecord>)
        if (record[key] === undefined) delete record[key];
      if (record.合同金额 && record.甲方) records.push(record);
    }
    if (records.length >= 2) return records;
  }
  return [];
}

/**
 * Whether a table's rows are the contracts the announcement reports, not a list of earlier orders behind
 * the one it reports: the amount the text states (where it states one) is a row's or their total.
 */
function tellsRows(whole: ContractRecord, rows: readonly ContractRecord[]): boolean {
  const stated = whole.合同金额?.upper;
  if (stated === undefined) return true;
  const amounts = rows.map((r) => r.合同金额?.upper ?? 0);
  const total = amounts.reduce((a, b) => a + b, 0);
  const near = (x: number) => Math.abs(x - stated) <= 0.01 * stated;
  return near(total) || amounts.some(near);
}

/** The contract records of one announcement: usually one; numbered items of several contracts give one each. */
export function readContractFields(doc: ParsedDocument): ContractRecord[] {
  const { text } = doc;
  const title = doc.header.announcement?.title;
  const kind: ContractKind = BID_TITLE.test(title ?? text.slice(0, 300)) ? 'bid_win' : 'contract';
  const issuer = issuerOf(doc);
  const subsidiary = subsidiaryOf(text);
  const ourParty = subsidiary ?? issuer?.span;
  const shortName = doc.header.announcement?.shortName;
  const ctx: DocumentContext = {
    kind,
    title,
    ours: [issuer?.name ?? '', subsidiary?.text ?? ''],
    ourParty,
    shortNames: shortName ? [shortName] : [],
    subsidiary: subsidiary !== undefined,
    ...(issuer?.span ? { issuer: issuer.span } : {}),
  };
  const whole = recordOf(text, ctx);
  const rows = tableRecords(doc, kind);
  if (rows.length >= 2 && tellsRows(whole, rows))
    return rows.map((row) => ({ ...whole, ...row, 乙方: row.乙方 ?? whole.乙方 }));
  const readItems = (regions: Array<[number, number]>) =>
    regions.map(([start, end]) =>
      shifted(
        recordOf(text.slice(start, end), {
          ...ctx,
          title: undefined,
          ourParty: undefined,
          issuer: undefined,
        }),
        start,
      ),
    );
  const blocks = readItems(labelledBlocks(text)).filter((r) => r.合同金额 && (r.项目名称 || r.合同名称));
  const numbered = readItems(contractItems(text)).filter((r) => r.合同金额 && (r.项目名称 || r.合同名称));
  const items = blocks.length >= 2 ? blocks : numbered;
  const amounts = new Set(items.map((r) => r.合同金额?.upper));
  if (items.length < 2 || amounts.size < 2) return [whole];
  // What the items do not repeat (our side, a consortium) is the announcement's.
  return items.map((record) => ({ ...whole, ...record, 乙方: record.乙方 ?? whole.乙方 }));
}
