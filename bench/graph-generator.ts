/**
 * A synthetic but product-shaped graph for the query benchmark. Listed companies (6-digit codes, short
 * names, executives, controlling holders, subsidiaries), counterparties, banks, courts, government
 * buyers, brokers and analysts; announcements, broker research reports and news over three years.
 * Each document is built as the parse stage hands it on and as the model reads its sentences, then linked,
 * assembled and written by the product's own code (linkAndAssemble, writeDocumentGraph), as a worker does
 * after the model, so the graph has exactly the shape the worker leaves.
 * Deterministic for a seed: names come from syllable lists, everything else from one seeded PRNG.
 */
import { createHash } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import type {
  ArgumentMention,
  EntityMention,
  ExtractionResult,
  TriggerMention,
} from '../src/extract/index.js';
import { writeDocumentGraph } from '../src/graph/index.js';
import { eventVocabulary } from '../src/graph/queries/allow-lists.js';
import {
  canonicalName,
  type Gazetteer,
  type KnownCompany,
  type LinkedEntity,
  type LinkInput,
  loadEventRoles,
} from '../src/link/index.js';
import { withListedCompanies } from '../src/link/listed-companies.js';
import { normalizeStockCode } from '../src/normalize/stock-code.js';
import {
  type DocumentHeader,
  type NormalizedRating,
  type ParsedDocument,
  type ParsedSentence,
  type RatingChange,
  sentenceModelText,
} from '../src/parse/index.js';
import { linkAndAssemble } from '../src/pipeline/index.js';
import type { DocumentKind } from '../src/vocabulary/document-kinds.js';

/** Bump when what is generated changes, so a stored graph of an older generator is rebuilt. */
export const GENERATOR_VERSION = 2;

export interface GeneratorOptions {
  seed: number;
  /** Listed companies; counterparties, holders and subsidiaries scale with it. */
  companies: number;
  announcements: number;
  reports: number;
  news: number;
}

/** About 110k facts (see countGraph). */
export const DEFAULT_OPTIONS: GeneratorOptions = {
  seed: 20240531,
  companies: 1600,
  announcements: 5500,
  reports: 2200,
  news: 1100,
};

// ---------------------------------------------------------------------------------------------------
// Seeded randomness and names

export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32: small, fast, good enough for test data. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  /** An index below n, small ones far more often: a few companies make most of the news. */
  skewed(n: number, exponent: number): number {
    return Math.min(n - 1, Math.floor(n * this.next() ** exponent));
  }
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let r = this.next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return (entries.at(-1) as readonly [T, number])[0];
  }
}

const chars = (s: string) => [...s];
const REGIONS = chars('浙苏粤沪京鲁川湘鄂闽皖豫津渝陕赣辽滇桂冀').map(
  (c) =>
    ({
      浙: '浙江',
      苏: '江苏',
      粤: '广东',
      沪: '上海',
      京: '北京',
      鲁: '山东',
      川: '四川',
      湘: '湖南',
      鄂: '湖北',
      闽: '福建',
      皖: '安徽',
      豫: '河南',
      津: '天津',
      渝: '重庆',
      陕: '陕西',
      赣: '江西',
      辽: '辽宁',
      滇: '云南',
      桂: '广西',
      冀: '河北',
    })[c] as string,
);
const CITIES = [
  '杭州',
  '南京',
  '广州',
  '深圳',
  '苏州',
  '成都',
  '武汉',
  '长沙',
  '福州',
  '合肥',
  '郑州',
  '西安',
  '济南',
  '青岛',
  '厦门',
  '昆明',
  '南昌',
];
const BRAND = chars(
  '华东中新恒瑞博金远德安海天宏嘉鼎信达盛通源泰科峰川润锦和明亚辰宇晶星睿凯丰融正永隆昌兴汇诚立航振启联',
);
const INDUSTRIES: readonly (readonly [string, string])[] = [
  ['精工', '精密制造'],
  ['新材', '新材料'],
  ['医药', '生物医药'],
  ['电子', '电子科技'],
  ['能源', '新能源'],
  ['智能', '智能装备'],
  ['信息', '信息技术'],
  ['环保', '环保科技'],
  ['食品', '食品'],
  ['化工', '化学工业'],
  ['机械', '机械制造'],
  ['电气', '电气'],
  ['光电', '光电科技'],
  ['物流', '物流'],
  ['建设', '建设工程'],
  ['药业', '药业'],
  ['通信', '通信技术'],
  ['汽车', '汽车零部件'],
  ['矿业', '矿业'],
  ['传媒', '文化传媒'],
];
const SURNAMES = chars(
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊陆郝孔白崔康毛邱秦史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文',
);
const GIVEN = chars(
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志文海波晓燕红林宇辉鹏飞斌萍俊云峰琳婷欣浩健凯亮东雪梅松岩晨阳瑶蕾',
);
const TITLES = ['董事', '监事', '副总经理', '财务总监', '董事会秘书'];
const PRODUCTS = [
  '智能电表',
  '光伏组件',
  '工业机器人',
  '医疗设备',
  '数据中心设备',
  '轨道交通配件',
  '锂电池材料',
];
const PROJECTS = ['智慧城市', '污水处理', '高速公路机电', '医院信息化', '电网改造', '产业园建设'];
const RATINGS: readonly (readonly [string, NormalizedRating])[] = [
  ['卖出', 'sell'],
  ['减持', 'underperform'],
  ['中性', 'neutral'],
  ['增持', 'outperform'],
  ['买入', 'buy'],
];
const HEADLINES = [
  '业绩稳健增长，盈利能力持续提升',
  '订单饱满，产能有序释放',
  '新品放量，龙头地位稳固',
  '经营拐点已现，估值具备吸引力',
  '短期承压，长期逻辑不变',
];

interface Company {
  entity: LinkedEntity;
  /** What an announcement calls it: short name if listed, full name otherwise. */
  short: string;
  people: string[];
  holder?: Company | string;
  subsidiaries: Company[];
  price: number;
}

interface World {
  listed: Company[];
  counterparties: Company[];
  funds: Company[];
  banks: LinkedEntity[];
  courts: LinkedEntity[];
  buyers: LinkedEntity[];
  regulators: LinkedEntity[];
  brokers: { name: string; analysts: { name: string; certificate: string }[] }[];
}

function buildWorld(rnd: Random, options: GeneratorOptions): World {
  const used = new Set<string>();
  const unique = (make: () => string) => {
    for (;;) {
      const name = make();
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
  const personName = () => rnd.pick(SURNAMES) + rnd.pick(GIVEN) + (rnd.chance(0.7) ? rnd.pick(GIVEN) : '');
  const brand = () => rnd.pick(BRAND) + rnd.pick(BRAND);
  const unlisted = (name: string): Company => ({
    entity: { key: `name:${canonicalName(name)}`, label: 'Company', name },
    short: name,
    people: [personName(), personName()],
    subsidiaries: [],
    price: 0,
  });
  const org = (name: string, category: string): LinkedEntity => ({
    key: `org:${canonicalName(name)}`,
    label: 'Organization',
    name,
    category,
  });

  const codes = new Set<string>();
  const boards: readonly (readonly [readonly [number, number, string], number])[] = [
    [[600000, 605999, 'SSE'], 40],
    [[688000, 688999, 'SSE'], 10],
    [[1, 3999, 'SZSE'], 30],
    [[300001, 301999, 'SZSE'], 17],
    [[830000, 873999, 'BSE'], 3],
  ];
  const listed: Company[] = [];
  for (let i = 0; i < options.companies; i++) {
    const [lo, hi, exchange] = rnd.weighted(boards);
    let code: string;
    do code = String(rnd.int(lo, hi)).padStart(6, '0');
    while (codes.has(code));
    codes.add(code);
    const [industryShort, industry] = rnd.pick(INDUSTRIES);
    let b = '';
    const short = unique(() => {
      b = brand();
      return b + industryShort;
    });
    const name = unique(() => `${rnd.pick(REGIONS)}${b}${industry}股份有限公司`);
    const company: Company = {
      entity: { key: code, label: 'Company', name, code, exchange, shortNames: [short] },
      short,
      people: Array.from({ length: 4 }, personName),
      subsidiaries: [],
      price: Math.round(5 * Math.exp(rnd.next() * 3.5) * 100) / 100,
    };
    company.holder = rnd.chance(0.5)
      ? (company.people[0] as string)
      : unlisted(unique(() => `${rnd.pick(REGIONS)}${b}${rnd.pick(['投资控股', '集团', '控股'])}有限公司`));
    for (let s = rnd.int(1, 3); s > 0; s--) {
      company.subsidiaries.push(
        unlisted(unique(() => `${rnd.pick(CITIES)}${b}${rnd.pick(INDUSTRIES)[1]}有限公司`)),
      );
    }
    listed.push(company);
  }
  const counterparties = Array.from({ length: options.companies * 2 }, () =>
    unlisted(unique(() => `${rnd.pick(REGIONS)}${brand()}${rnd.pick(INDUSTRIES)[1]}有限公司`)),
  );
  const funds = Array.from({ length: Math.ceil(options.companies / 10) }, () =>
    unlisted(
      unique(() => `${rnd.pick(CITIES)}${brand()}${rnd.pick(['创业投资', '股权投资', '资产管理'])}有限公司`),
    ),
  );
  const banks = Array.from({ length: 30 }, () =>
    org(
      unique(() => `${brand()}银行股份有限公司${rnd.pick(CITIES)}分行`),
      'bank',
    ),
  );
  const courts = CITIES.flatMap((city) => [
    org(`${city}市中级人民法院`, 'court'),
    org(`${city}市${rnd.pick(['高新区', '经开区', '滨江区', '南山区'])}人民法院`, 'court'),
  ]);
  const buyers = CITIES.flatMap((city) => [
    org(`${city}市住房和城乡建设局`, 'government'),
    org(`${city}市交通运输局`, 'government'),
  ]);
  const regulators = REGIONS.slice(0, 10).map((r) => org(`中国证券监督管理委员会${r}监管局`, 'regulator'));
  const brokers = Array.from({ length: 12 }, (_, b) => ({
    name: unique(() => `${brand()}证券`),
    analysts: Array.from({ length: 6 }, (_, a) => ({
      name: personName(),
      certificate: `S${String(1000 + b * 37).padStart(4, '0')}5${String(rnd.int(1501, 2312))}${String(a + 1).padStart(4, '0')}`,
    })),
  }));
  return { listed, counterparties, funds, banks, courts, buyers, regulators, brokers };
}

// ---------------------------------------------------------------------------------------------------
// Event templates: {T} is the trigger, {role} an argument of that FewFC role, {self} the issuer acting
// (公司 in its own announcement, which the linker infers; its short name elsewhere), {@x} plain text.

interface EventTemplate {
  type: string;
  trigger: string;
  title: string;
  weight: number;
  bodies: string[];
}

const TEMPLATES: EventTemplate[] = [
  {
    type: '质押',
    trigger: '质押',
    title: '关于控股股东部分股份{T}的公告',
    weight: 22,
    bodies: [
      '公司控股股东{sub-org}于{date}将其持有的公司股份{number}股{T}给{obj-org}，占公司总股本的{proportion}。',
      '公司实际控制人{sub-per}将所持公司股份{number}股{T}予{obj-org}，融资金额为{money}。',
      '近日，公司控股股东{sub-per}办理了股份{T}手续，{T}股份占其所持股份比例为{proportion}。',
    ],
  },
  {
    type: '担保',
    trigger: '担保',
    title: '关于为子公司提供{T}的进展公告',
    weight: 18,
    bodies: [
      '{self}为全资子公司{obj-org}向{@bank}申请的{amount}综合授信提供{way}{T}。',
      '{self}于{date}为控股子公司{obj-org}提供{way}{T}，本次担保金额为{amount}。',
    ],
  },
  {
    type: '签署合同',
    trigger: '签署',
    title: '关于{T}日常经营重大合同的公告',
    weight: 12,
    bodies: [
      '{self}于{date}与{obj-org}{T}了《{@product}采购合同》，合同金额为{amount}。',
      '近日，{self}与{obj-org}正式{T}战略合作协议，合同总金额为{amount}。',
    ],
  },
  {
    type: '中标',
    trigger: '中标',
    title: '关于收到{T}通知书的公告',
    weight: 10,
    bodies: [
      '{self}于{date}收到{obj}发出的《{T}通知书》，项目金额为{amount}。',
      '{self}成功{T}{obj}{@project}项目，中标金额为{amount}。',
    ],
  },
  {
    type: '减持',
    trigger: '减持',
    title: '关于股东{T}股份结果的公告',
    weight: 12,
    bodies: [
      '公司{title}{sub}于{date}通过集中竞价交易方式{T}{obj}股份{@shares}股，本次变动后持股比例降至{share-per}。',
      '持股5%以上股东{sub}于{date}以大宗交易方式{T}公司股份{@shares}股，变动后持股比例为{share-org}。',
    ],
  },
  {
    type: '股份股权转让',
    trigger: '转让',
    title: '关于股东协议{T}公司股份的提示性公告',
    weight: 6,
    bodies: [
      '{sub-org}于{date}与{obj-org}签署《股权转让协议》，拟将其持有的{target-company}{proportion}股权{T}，交易价格为{money}。',
      '股东{sub-per}拟通过协议{T}方式向{obj-per}出让公司股份{number}股，占公司总股本的{proportion}。',
    ],
  },
  {
    type: '投资',
    trigger: '投资',
    title: '关于对外{T}设立子公司的公告',
    weight: 8,
    bodies: [
      '{self}拟以自有资金{money}{T}设立全资子公司{obj}，并已于{date}完成工商登记。',
      '{self}于{date}出资{money}{T}入股{obj}。',
    ],
  },
  {
    type: '收购',
    trigger: '收购',
    title: '关于{T}股权的公告',
    weight: 5,
    bodies: [
      '{self}拟以{way}方式{T}{obj-org}{proportion}股权，交易对价为{money}。',
      '{self}于{date}完成对{obj-org}的{T}，取得其{proportion}股权。',
    ],
  },
  {
    type: '起诉',
    trigger: '起诉',
    title: '关于提起诉讼的公告',
    weight: 4,
    bodies: [
      '{self}于{date}就买卖合同纠纷向{@court}{T}{obj-org}，涉案金额约{@money}。',
      '{sub-org}以借款合同纠纷为由{T}公司及{obj-per}，要求偿还本金{@money}。',
    ],
  },
  {
    type: '判决',
    trigger: '判决',
    title: '关于诉讼进展暨收到一审{T}书的公告',
    weight: 3,
    bodies: [
      '近日，{institution}作出一审{T}，公司胜诉，{obj-org}须支付{money}及相应利息。',
      '{institution}于{date}作出{T}，{obj-org}应向{sub-org}支付货款{money}。',
    ],
  },
];

const FILLERS = [
  '上述事项不会对公司日常经营产生重大不利影响。',
  '公司将持续关注上述事项的进展情况，并按照相关规定及时履行信息披露义务。',
  '敬请广大投资者注意投资风险。',
];

// ---------------------------------------------------------------------------------------------------
// Documents

type Kind = 'announcement' | 'research_report' | 'news';

interface DocumentPlan {
  kind: Kind;
  day: number;
  company: Company;
  broker?: World['brokers'][number];
}

/** The suffix that names each exchange of the world's listed companies. */
const MARKERS: Record<string, string> = { SSE: 'SH', SZSE: 'SZ', BSE: 'BJ' };

const START_DAY = Date.UTC(2022, 0, 3) / 86_400_000;
const SPAN_DAYS = 3 * 365;
const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const chineseDate = (day: number) => {
  const [y, m, d] = isoDay(day).split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

const MODEL_VERSION = 'finkg-small@synthetic';

/** The entity type the model gives a name of this kind. */
const modelType = (entity: LinkedEntity) =>
  entity.label === 'Organization' ? 'organization' : entity.label.toLowerCase();

/**
 * Collects one document as the parse stage hands it on (sentences, one a line, with running offsets) and
 * as the model reads it (each sentence's entities and event, offsets within the sentence): what the
 * product's linker takes.
 */
class DocumentBuilder {
  readonly sentences: ParsedSentence[] = [];
  readonly extractions: ExtractionResult[] = [];
  private offset = 0;

  constructor(private readonly rnd: Random) {}

  private confidence() {
    return Math.round((0.55 + this.rnd.next() * 0.44) * 1000) / 1000;
  }

  /**
   * Adds a sentence made of parts: text, an entity (a mention, and an argument when it has a role), a
   * value argument, or the trigger of `event`.
   */
  add(parts: Part[], event?: EventTemplate): void {
    let text = '';
    const entities: EntityMention[] = [];
    const args: ArgumentMention[] = [];
    let trigger: TriggerMention | undefined;
    for (const part of parts) {
      if (typeof part === 'string') {
        text += part;
        continue;
      }
      const span = {
        text: part.text,
        start: text.length,
        end: text.length + part.text.length,
        confidence: this.confidence(),
      };
      text += part.text;
      if ('trigger' in part) {
        trigger ??= span;
        continue;
      }
      if (part.entity) entities.push({ ...span, type: modelType(part.entity) });
      if (part.role && event) args.push({ ...span, role: part.role });
    }
    const index = this.sentences.length;
    const start = this.offset;
    this.sentences.push({
      index,
      text,
      start,
      end: start + text.length,
      page: 1 + Math.floor(index / 5),
      paragraph: index,
    });
    this.offset += text.length + 1;
    const events =
      event && trigger ? [{ type: event.type, trigger, arguments: args, confidence: this.confidence() }] : [];
    this.extractions.push({ modelVersion: MODEL_VERSION, entities, events });
  }

  /** The document as the parser would have read it: one paragraph a sentence, five sentences a page. */
  parsed(kind: DocumentKind, header: DocumentHeader, extraPages: number): ParsedDocument {
    const text = this.sentences.map((s) => s.text).join('\n');
    const pages = new Map<number, { start: number; end: number }>();
    // Sentence i is on page 1 + floor(i / 5): the pages are numbered 1…n in order.
    for (const s of this.sentences) {
      const page = pages.get(s.page);
      if (page) page.end = s.end;
      else pages.set(s.page, { start: s.start, end: s.end });
    }
    return {
      type: kind === 'news' ? 'html' : 'pdf',
      kind,
      pages: [
        ...[...pages].map(([number, { start, end }]) => ({
          number,
          text: text.slice(start, end),
          start,
          end,
        })),
        // A report's figures and disclosures: pages with no sentence of their own.
        ...Array.from({ length: extraPages }, (_, i) => ({
          number: pages.size + i + 1,
          text: '',
          start: text.length,
          end: text.length,
        })),
      ],
      text,
      paragraphs: this.sentences.map((s) => ({ index: s.index, start: s.start, end: s.end, page: s.page })),
      sentences: this.sentences,
      modelText: text,
      modelOffsetMap: null,
      traditional: false,
      header,
      sidebar: [],
      tables: [],
      warnings: [],
    };
  }
}

type Part = string | { trigger: true; text: string } | { text: string; entity?: LinkedEntity; role?: string };

class DocumentFactory {
  private readonly eventTypes = loadEventRoles();
  private readonly ratingState = new Map<string, number>();
  private count = 0;

  constructor(
    private readonly rnd: Random,
    private readonly world: World,
    private readonly seed: number,
  ) {
    const listed: KnownCompany[] = world.listed.map(({ entity, short }) => ({
      key: entity.key,
      name: entity.name,
      ...(entity.code ? { code: entity.code } : {}),
      shortNames: [short],
    }));
    this.gazetteer = withListedCompanies({ findCompanies: async () => [] }, listed);
  }

  /** The world's listed companies, as a user's list of them seeds the linker's gazetteer. */
  private readonly gazetteer: Gazetteer;

  private person(name: string): LinkedEntity {
    return { key: name, label: 'Person', name };
  }

  private otherCompany(): Company {
    const { rnd, world } = this;
    return rnd.chance(0.4)
      ? (world.listed[rnd.skewed(world.listed.length, 1.5)] as Company)
      : rnd.pick(world.counterparties);
  }

  private money(lo: number, hi: number): string {
    const wan = lo * Math.exp(this.rnd.next() * Math.log(hi / lo));
    const text =
      wan >= 10_000 ? `${(wan / 10_000).toFixed(2)}亿元` : `${Math.round(wan).toLocaleString('en-US')}万元`;
    return this.rnd.chance(0.3) ? `人民币${text}` : text;
  }

  /** The parts of a template, filled for an issuer: entities from the world, values at random. */
  private fill(
    body: string,
    template: EventTemplate,
    issuer: Company,
    self: 'pronoun' | 'name',
    day: number,
  ): Part[] {
    const { rnd, world } = this;
    const holder = issuer.holder ?? (issuer.people[0] as string);
    const companyPart = (c: Company, role?: string): Part => ({ text: c.short, entity: c.entity, role });
    return body.split(/(\{[^}]+\})/).map((piece): Part => {
      const slot = /^\{(.+)\}$/.exec(piece)?.[1];
      if (!slot) return piece;
      const role = slot; // for argument slots, the slot is the FewFC role name
      switch (slot) {
        case 'T':
          return { trigger: true, text: template.trigger };
        case 'self': {
          if (self === 'pronoun') return '公司';
          const info = this.eventTypes.get(template.type);
          return companyPart(issuer, info?.roles.has('sub-org') ? 'sub-org' : 'sub');
        }
        case '@bank': {
          const bank = rnd.pick(world.banks);
          return { text: bank.name, entity: bank };
        }
        case '@court': {
          const court = rnd.pick(world.courts);
          return { text: court.name, entity: court };
        }
        case '@product':
          return rnd.pick(PRODUCTS);
        case '@project':
          return rnd.pick(PROJECTS);
        case '@money':
          return this.money(100, 50_000);
        case '@shares':
          return `${rnd.int(20, 3000)}万`;
        case 'date':
          return { text: chineseDate(day - rnd.int(0, 30)), role };
        case 'money':
        case 'amount':
          return { text: this.money(200, 300_000), role };
        case 'number':
          return { text: `${rnd.int(100, 9000).toLocaleString('en-US')}万`, role };
        case 'proportion':
        case 'share-per':
        case 'share-org':
          return { text: `${(rnd.next() * 30 + 0.5).toFixed(2)}%`, role };
        case 'way':
          return {
            text: template.type === '担保' ? '连带责任保证' : rnd.pick(['现金', '发行股份及支付现金']),
            role,
          };
        case 'title':
          return { text: rnd.pick(TITLES), role };
        case 'institution': {
          const court = rnd.pick(world.courts);
          return { text: court.name, entity: court, role };
        }
        case 'sub-per':
          // The controlling shareholder when that is a person, else one of the company's people.
          return typeof holder === 'string'
            ? { text: holder, entity: this.person(holder), role }
            : this.personPart(issuer, role);
        case 'obj-per': {
          const other = this.otherCompany();
          const name = rnd.pick(other.people);
          return { text: name, entity: this.person(name), role };
        }
        case 'sub':
          if (template.type === '减持') {
            if (body.includes('{title}')) return this.personPart(issuer, role);
            return companyPart(rnd.pick(world.funds), role);
          }
          return companyPart(this.otherCompany(), role);
        case 'obj':
          if (template.type === '减持') return companyPart(issuer, role);
          if (template.type === '中标' && rnd.chance(0.5)) {
            const buyer = rnd.pick(world.buyers);
            return { text: buyer.name, entity: buyer, role };
          }
          return companyPart(
            template.type === '投资' ? rnd.pick(issuer.subsidiaries) : this.otherCompany(),
            role,
          );
        case 'sub-org':
          if (template.type === '质押')
            return companyPart(typeof holder === 'string' ? rnd.pick(world.funds) : holder, role);
          return companyPart(template.type === '判决' ? issuer : this.otherCompany(), role);
        case 'obj-org':
          if (template.type === '质押') {
            const bank = rnd.pick(world.banks);
            return { text: bank.name, entity: bank, role };
          }
          if (template.type === '担保') return companyPart(rnd.pick(issuer.subsidiaries), role);
          return companyPart(this.otherCompany(), role);
        case 'target-company':
          return companyPart(rnd.chance(0.5) ? rnd.pick(issuer.subsidiaries) : this.otherCompany(), role);
        default:
          throw new Error(`template slot {${slot}} has no filler`);
      }
    });
  }

  private personPart(company: Company, role: string): Part {
    const name = this.rnd.pick(company.people);
    return { text: name, entity: this.person(name), role };
  }

  private eventSentences(
    b: DocumentBuilder,
    issuer: Company,
    self: 'pronoun' | 'name',
    day: number,
    count: number,
  ) {
    const { rnd } = this;
    let template = rnd.weighted(TEMPLATES.map((t) => [t, t.weight] as const));
    for (let i = 0; i < count; i++) {
      // Announcements often report several events of one kind (two pledges, three guarantees).
      if (i > 0 && rnd.chance(0.5)) template = rnd.weighted(TEMPLATES.map((t) => [t, t.weight] as const));
      b.add(this.fill(rnd.pick(template.bodies), template, issuer, self, day), template);
      if (rnd.chance(0.4)) b.add([rnd.pick(FILLERS)]);
    }
  }

  build(plan: DocumentPlan): SyntheticDocument {
    const { rnd, world } = this;
    const n = this.count++;
    const id = createHash('sha256').update(`finkg-bench/${this.seed}/${n}`).digest('hex');
    const b = new DocumentBuilder(rnd);
    const issuer = plan.company;
    const publishedAt = isoDay(plan.day);
    const issuerPart = (text: string): Part => ({ text, entity: issuer.entity });
    const code = issuer.entity.code as string;
    // As a report prints it, with its exchange (the world's codes need not have a known prefix).
    const stock = normalizeStockCode(`${code}.${MARKERS[issuer.entity.exchange as string]}`);
    let title: string;
    let header: DocumentHeader = {};

    if (plan.kind === 'announcement') {
      const first = rnd.weighted(TEMPLATES.map((t) => [t, t.weight] as const));
      const [before, after] = first.title.split('{T}') as [string, string | undefined];
      title = first.title.replace('{T}', first.trigger);
      // A title that names the event's trigger is one more mention of the event (linked to the body's).
      b.add(
        after === undefined
          ? [issuerPart(issuer.entity.name), title]
          : [issuerPart(issuer.entity.name), before, { trigger: true, text: first.trigger }, after],
        first,
      );
      b.add([
        '本公司及董事会全体成员保证信息披露的内容真实、准确、完整，没有虚假记载、误导性陈述或重大遗漏。',
      ]);
      // The title's event is told again in the body: the linker merges the two into one event.
      b.add(this.fill(rnd.pick(first.bodies), first, issuer, 'pronoun', plan.day), first);
      this.eventSentences(
        b,
        issuer,
        'pronoun',
        plan.day,
        rnd.weighted([
          [0, 6],
          [1, 3],
          [2, 1],
        ] as const),
      );
      if (rnd.chance(0.05)) {
        const regulator = rnd.pick(world.regulators);
        b.add(['公司于近日收到', { text: regulator.name, entity: regulator }, '出具的监管关注函。']);
      }
      b.add(['特此公告。']);
      b.add([issuerPart(issuer.entity.name), '董事会']);
      b.add([chineseDate(plan.day)]);
      header = {
        announcement: {
          stockCode: code,
          ...(stock ? { exchange: stock.exchange } : {}),
          securityCodes: [{ label: '证券代码', code, ...(stock ? { exchange: stock.exchange } : {}) }],
          shortName: issuer.short,
          companyName: issuer.entity.name,
          title,
          date: publishedAt,
        },
      };
    } else if (plan.kind === 'research_report') {
      const broker = plan.broker as World['brokers'][number];
      title = `${issuer.short}（${issuer.entity.code}）：${rnd.pick(HEADLINES)}`;
      // Per broker and company: initiate first, then mostly maintain, sometimes a step up or down.
      const state = `${broker.name}|${issuer.entity.key}`;
      const previous = this.ratingState.get(state);
      let level =
        previous ??
        rnd.weighted([
          [2, 2],
          [3, 5],
          [4, 5],
        ] as const);
      let change: RatingChange = 'initiate';
      if (previous !== undefined) {
        const step = rnd.weighted([
          [0, 8],
          [1, 1],
          [-1, 1],
        ] as const);
        level = Math.max(0, Math.min(4, previous + step));
        change = level > previous ? 'upgrade' : level < previous ? 'downgrade' : 'maintain';
      }
      this.ratingState.set(state, level);
      const [ratingWord, normalized] = RATINGS[level] as readonly [string, NormalizedRating];
      issuer.price = Math.round(issuer.price * (0.85 + rnd.next() * 0.35) * 100) / 100;
      const targetPrice = Math.round(issuer.price * (1 + (level - 1.5) * 0.08) * 100) / 100;
      const changeWord = {
        initiate: '首次覆盖，给予',
        maintain: '维持',
        upgrade: '上调至',
        downgrade: '下调至',
      }[change];
      b.add([issuerPart(issuer.short), title.slice(issuer.short.length)]);
      b.add([`${changeWord}`, issuerPart(issuer.short), `“${ratingWord}”评级，目标价${targetPrice}元。`]);
      this.eventSentences(
        b,
        issuer,
        'name',
        plan.day,
        rnd.weighted([
          [0, 3],
          [1, 5],
          [2, 2],
        ] as const),
      );
      b.add([
        `预计公司未来三年归母净利润分别为${(rnd.next() * 20 + 1).toFixed(2)}亿元、${(rnd.next() * 25 + 1).toFixed(2)}亿元、${(rnd.next() * 30 + 1).toFixed(2)}亿元。`,
      ]);
      b.add(['风险提示：原材料价格波动，行业竞争加剧，下游需求不及预期。']);
      const firstAnalyst = rnd.int(0, broker.analysts.length - 1);
      const analysts = Array.from(
        { length: rnd.int(1, 3) },
        (_, i) =>
          broker.analysts[(firstAnalyst + i) % broker.analysts.length] as {
            name: string;
            certificate: string;
          },
      );
      header = {
        researchReport: {
          broker: broker.name,
          analysts: analysts.map((a) => ({ name: a.name, certificateNo: a.certificate, role: 'analyst' })),
          rating: { raw: ratingWord, normalized, score: level + 1, change },
          targetPrice: { value: targetPrice, currency: 'CNY' },
          ...(stock ? { stock: { ...stock, shortName: issuer.short } } : {}),
          date: publishedAt,
          forecasts: [],
        },
      };
    } else {
      title = `${issuer.short}等多家公司披露重要事项`;
      b.add([issuerPart(issuer.short), title.slice(issuer.short.length)]);
      for (let k = rnd.int(2, 4); k > 0; k--) {
        const company = k === 1 ? issuer : (world.listed[rnd.skewed(world.listed.length, 2)] as Company);
        this.eventSentences(b, company, 'name', plan.day, 1);
      }
    }

    const kind = plan.kind;
    const extraPages = kind === 'research_report' ? rnd.int(5, 20) : 0;
    const processedAt = `${publishedAt}T${String(rnd.int(8, 22)).padStart(2, '0')}:${String(rnd.int(0, 59)).padStart(2, '0')}:00Z`;
    const parsed = b.parsed(kind, header, extraPages);
    return {
      job: {
        documentId: id,
        kind,
        title,
        publishedAt,
        fileName: `${code}_${publishedAt.replaceAll('-', '')}_${n}.${kind === 'news' ? 'html' : 'pdf'}`,
        mimeType: kind === 'news' ? 'text/html' : 'application/pdf',
        ...(plan.broker ? { source: { name: plan.broker.name } } : {}),
        submittedAt: processedAt,
      },
      parsed,
      sentenceTexts: parsed.sentences.map((sentence) => sentenceModelText(parsed, sentence)),
      extractions: b.extractions,
      modelVersion: MODEL_VERSION,
      eventTypes: this.eventTypes,
      gazetteer: this.gazetteer,
      processedAt,
    };
  }
}

/**
 * A document as the link stage gets it: its job, the parsed document, the model's reading of each
 * sentence, and the gazetteer and event types the worker would hand the linker.
 */
export type SyntheticDocument = LinkInput & { sentenceTexts: readonly string[] };

/** The documents in publication order (as they would arrive), built one at a time. */
export function* syntheticDocuments(options: GeneratorOptions): Generator<SyntheticDocument> {
  const rnd = new Random(options.seed);
  const world = buildWorld(rnd, options);
  const n = world.listed.length;
  const day = () => {
    const d = START_DAY + rnd.int(0, SPAN_DAYS - 1);
    const weekday = new Date(d * 86_400_000).getUTCDay();
    return weekday === 6 ? d - 1 : weekday === 0 ? d + 1 : d;
  };
  const plans: DocumentPlan[] = [];
  const add = (count: number, kind: Kind, exponent: number) => {
    for (let i = 0; i < count; i++) {
      const company = world.listed[rnd.skewed(n, exponent)] as Company;
      plans.push({
        kind,
        day: day(),
        company,
        ...(kind === 'research_report' ? { broker: rnd.pick(world.brokers) } : {}),
      });
    }
  };
  add(options.announcements, 'announcement', 2.2);
  // Brokers cover the large caps far more than the rest.
  add(options.reports, 'research_report', 3);
  add(options.news, 'news', 2);
  plans.sort((a, b) => a.day - b.day);
  const factory = new DocumentFactory(rnd, world, options.seed);
  for (const plan of plans) yield factory.build(plan);
}

/**
 * Writes the synthetic documents as a worker does after the model: the product's linker and assembly
 * (linkAndAssemble), then its graph writer, `concurrency` documents at a time.
 */
export async function writeSyntheticGraph(
  driver: Driver,
  database: string,
  options: GeneratorOptions,
  { concurrency = 4, onProgress }: { concurrency?: number; onProgress?: (written: number) => void } = {},
): Promise<{ documents: number; seconds: number }> {
  const documents = syntheticDocuments(options);
  const started = performance.now();
  let written = 0;
  // The generator is synchronous, so each next() hands out one whole document: content stays seeded.
  const worker = async () => {
    for (let next = documents.next(); !next.done; next = documents.next()) {
      await writeDocumentGraph(driver, database, await linkAndAssemble(next.value));
      if (++written % 500 === 0) onProgress?.(written);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { documents: written, seconds: (performance.now() - started) / 1000 };
}

export interface GraphCounts {
  /** events + role relationships + value arguments + mentions + ratings. */
  facts: {
    events: number;
    roleArguments: number;
    valueArguments: number;
    mentions: number;
    ratings: number;
    total: number;
  };
  nodes: Record<string, number>;
  relationships: Record<string, number>;
}

/** Counts what the graph holds (Neo4j's count store, not an estimate from the generator). */
export async function countGraph(driver: Driver, database: string): Promise<GraphCounts> {
  const count = async (query: string) => {
    const { records } = await driver.executeQuery(query, {}, { database });
    return Number(records[0]?.get('n') ?? 0);
  };
  const names = async (query: string) =>
    (await driver.executeQuery(query, {}, { database })).records.map((r) => String(r.get(0)));
  const nodes: Record<string, number> = {};
  for (const label of (await names('CALL db.labels()')).sort()) {
    if (label !== MARKER_LABEL) nodes[label] = await count(`MATCH (n:\`${label}\`) RETURN count(n) AS n`);
  }
  const relationships: Record<string, number> = {};
  for (const type of (await names('CALL db.relationshipTypes()')).sort()) {
    relationships[type] = await count(`MATCH ()-[r:\`${type}\`]->() RETURN count(r) AS n`);
  }
  const roleArguments = eventVocabulary().roleTypes.reduce((sum, t) => sum + (relationships[t] ?? 0), 0);
  const facts = {
    events: nodes.Event ?? 0,
    roleArguments,
    valueArguments: relationships.HAS_ARGUMENT ?? 0,
    mentions: relationships.MENTIONED_IN ?? 0,
    ratings: relationships.RATES ?? 0,
  };
  return {
    facts: { ...facts, total: Object.values(facts).reduce((a, b) => a + b, 0) },
    nodes,
    relationships,
  };
}

// ---------------------------------------------------------------------------------------------------
// The marker: which generator and options built the stored graph, so a rerun can reuse it.

const MARKER_LABEL = 'BenchGraph';

export interface GraphMarker {
  version: number;
  options: string;
  documents: number;
  generationSeconds: number;
  generatedAt: string;
}

export async function readMarker(driver: Driver, database: string): Promise<GraphMarker | null> {
  const { records } = await driver.executeQuery(
    `MATCH (m:${MARKER_LABEL}) RETURN m {.*} AS m LIMIT 1`,
    {},
    { database },
  );
  return (records[0]?.get('m') as GraphMarker | undefined) ?? null;
}

export async function writeMarker(driver: Driver, database: string, marker: GraphMarker): Promise<void> {
  await driver.executeQuery(`MERGE (m:${MARKER_LABEL}) SET m = $marker`, { marker }, { database });
}

/** Empties the database in batches (one huge transaction would need a large heap). */
export async function wipeGraph(driver: Driver, database: string): Promise<void> {
  const session = driver.session({ database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
}
