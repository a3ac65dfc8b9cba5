/**
 * The broker that issued a research report, read from where the broker names itself: the running
 * header/footer, the cover's head lines, its "XX证券研究所" line and its own data-source credits
 * (资料来源：XX证券研究所). Disclaimer sentences are never read: they name the broker too, but also
 * other firms ("未经××证券许可…", "曾供职于××证券") and break across lines.
 */

/** Short names of brokers active in China and Hong Kong, as they print them. */
const KNOWN_BROKERS = [
  '中信证券',
  '中信建投',
  '国泰海通',
  '国泰君安',
  '海通证券',
  '海通国际',
  '华泰证券',
  '广发证券',
  '招商证券',
  '申万宏源',
  '申银万国',
  '中国银河',
  '银河证券',
  '国信证券',
  '中金公司',
  '东方证券',
  '光大证券',
  '安信证券',
  '国投证券',
  '兴业证券',
  '兴证国际',
  '东吴证券',
  '长江证券',
  '天风证券',
  '方正证券',
  '国金证券',
  '中泰证券',
  '民生证券',
  '国联民生',
  '国联证券',
  '西部证券',
  '开源证券',
  '浙商证券',
  '华西证券',
  '国海证券',
  '东北证券',
  '财通证券',
  '信达证券',
  '华创证券',
  '国元证券',
  '东兴证券',
  '华安证券',
  '山西证券',
  '国盛证券',
  '华鑫证券',
  '太平洋证券',
  '中原证券',
  '西南证券',
  '长城国瑞证券',
  '长城证券',
  '德邦证券',
  '首创证券',
  '万联证券',
  '华金证券',
  '东莞证券',
  '中航证券',
  '川财证券',
  '上海证券',
  '爱建证券',
  '湘财证券',
  '平安证券',
  '中银证券',
  '中银国际',
  '第一创业',
  '粤开证券',
  '华福证券',
  '华宝证券',
  '渤海证券',
  '中邮证券',
  '甬兴证券',
  '国都证券',
  '新时代证券',
  '广州证券',
  '华龙证券',
  '财信证券',
  '江海证券',
  '申港证券',
  '东海证券',
  '中山证券',
  '华源证券',
  '九州证券',
  '齐鲁证券',
  '华菁证券',
  '东方财富证券',
  '五矿证券',
  '华林证券',
  '国开证券',
  '招银国际',
  '浦银国际',
  '交银国际',
  '工银国际',
  '建银国际',
  '农银国际',
  '中信里昂',
  '华兴证券',
  '群益证券',
  '元大证券',
];

// Longest first, so 长城国瑞证券 wins over 长城证券 and 东方财富证券 over 东方证券.
const KNOWN = new RegExp([...KNOWN_BROKERS].sort((a, b) => b.length - a.length).join('|'), 'g');
/** An unlisted broker: "XX证券" at the start of a segment, followed by its company or research-department suffix. */
const PATTERN =
  /(?:^|[\s，,、：:；;|｜（(])([\u4e00-\u9fa5]{2,6}?证券)(?=股份有限公司|有限责任公司|有限公司|(?:经济|发展)?研究(?:所|院|部|中心)|整理|预测|测算|绘制|\s|$)/gu;
const NOT_A_NAME = /研究|报告|代码|简称|市场|行业|公司|投资|声明|资格|业务|监督|交易|发行|债券|基金|期货/;

/** A sentence that restricts, licenses or disclaims: brokers (and others) are named there in passing. */
const DISCLAIMER =
  /未经|许可|授权|版权|本报告(?:仅供|由|的|所)|本公司|免责|声明|不得|客户|转载|引用|批准|资格|监管|关联|曾供职|任职|独立性|承诺|评级标准|评级说明|投资评级/;
/** A running line may point at the disclaimer ("请务必阅读…声明") and still name the broker; never a licence text. */
const RUNNING_DISCLAIMER = /未经|许可|授权|版权|本报告(?:仅供|由)/;
// "来源：国家统计局，齐鲁证券研究所": many brokers print the credit without 资料/数据.
const SOURCE_CREDIT = /(?:资料|数据)?来源\s*[:：]\s*([^\n]{0,60})/g;
/** The running pointer to the disclaimer ("请务必阅读正文之后的免责声明部分"): it points, it disclaims nothing. */
const DISCLAIMER_POINTER =
  /(?:请务必|请仔细|敬请|谨请|请)(?:阅读|参阅|参见)[^。；;\n]{0,24}?(?:声明|说明|条款|披露)(?:部分)?/g;
/** A Hong Kong arm named by its parent ("国元证券经纪（香港）"): the arm prints itself as XX国际. */
const HONG_KONG_ARM = /([\u4e00-\u9fa5]{2,4})证券(?:经纪)?[（(]香港[)）]/gu;
const DEPARTMENT_LINE =
  /^\s*[\u4e00-\u9fa5]{2,8}证券(?:股份有限公司)?(?:经济|发展)?研究(?:所|院|部|中心)\s*$/gmu;

/** An author's line on the biography page: "王五：XX证券研究所电子行业分析师" (not where they worked before). */
const AUTHOR_AFFILIATION =
  /(?<![曾于在])[：:]\s*([\u4e00-\u9fa5]{2,8}证券研究(?:所|院|部|中心))[^。；;\n]{0,16}?分析师/gu;

const HEAD_CHARS = 1500;
const WEIGHT = { running: 3, head: 3, department: 2, credit: 1, affiliation: 1 } as const;

export interface BrokerName {
  /** Short name as printed (华泰证券, 国泰君安); an unlisted broker keeps its "XX证券" form. */
  broker: string;
  /** Full company name when the report prints it (华泰证券股份有限公司). */
  brokerFullName?: string;
}

function namesIn(segment: string, arms: ReadonlyMap<string, string> = new Map()): string[] {
  const found: string[] = [];
  // The arm's mention is the arm, not its parent (国元证券经纪（香港） is 国元国际, not 国元证券).
  for (const m of segment.matchAll(HONG_KONG_ARM)) {
    const arm = arms.get(m[0]);
    if (arm && !found.includes(arm)) found.push(arm);
  }
  const rest = segment.replace(HONG_KONG_ARM, (arm) => (arms.has(arm) ? '|' : arm));
  for (const m of rest.matchAll(PATTERN)) {
    const name = m[1];
    if (!name || NOT_A_NAME.test(name.slice(0, -2))) continue;
    // 国泰君安证券 is 国泰君安; 申万宏源证券 is 申万宏源.
    const known = KNOWN_BROKERS.find((k) => name.startsWith(k) || k.startsWith(name));
    if (!found.includes(known ?? name)) found.push(known ?? name);
  }
  // A listed name inside a longer unlisted one (信达证券 in 国联信达证券) is not that broker.
  for (const m of rest.matchAll(KNOWN)) {
    if (!found.some((f) => f.includes(m[0]))) found.push(m[0]);
  }
  return found;
}

/** Hong Kong arms named in the text whose own XX国际 name the report prints too: mention → name. */
function hongKongArms(text: string): Map<string, string> {
  const arms = new Map<string, string>();
  for (const m of text.matchAll(HONG_KONG_ARM)) {
    const own = `${m[1]}国际`;
    if (text.includes(own)) arms.set(m[0], own);
  }
  return arms;
}

/** A cover naming the broker by its stem ("华泰研究"), where the report prints the company's full name. */
function stemNames(head: string, text: string): string[] {
  const found: string[] = [];
  for (const name of KNOWN_BROKERS) {
    if (!name.endsWith('证券')) continue;
    const stem = name.slice(0, -2);
    const onCover = new RegExp(`${stem}研究(?![所院部中员])`).test(head);
    if (onCover && text.includes(`${name}股份有限公司`)) found.push(name);
  }
  return found;
}

function segmentsOf(text: string): string[] {
  return text.split(/\n|[。；;]/);
}

/**
 * The broker with the most weight over the report's own header/footer lines, head lines,
 * research-department lines and data-source credits; `runningLines` are the header/footer lines the
 * layout cleaner removed from every page.
 */
export function findBroker(text: string, runningLines: readonly string[] = []): BrokerName | undefined {
  const votes = new Map<string, number>();
  const arms = hongKongArms(text);
  const add = (name: string, weight: number) => votes.set(name, (votes.get(name) ?? 0) + weight);
  const vote = (segment: string, weight: number) => {
    for (const name of namesIn(segment, arms)) add(name, weight);
  };
  for (const line of runningLines) if (!RUNNING_DISCLAIMER.test(line)) vote(line, WEIGHT.running);
  const head = text.slice(0, HEAD_CHARS);
  for (const segment of segmentsOf(head)) {
    const own = segment.replace(DISCLAIMER_POINTER, '|');
    if (!DISCLAIMER.test(own)) vote(own, WEIGHT.head);
  }
  for (const name of stemNames(head, text)) add(name, WEIGHT.head);
  for (const m of text.matchAll(DEPARTMENT_LINE)) vote(m[0], WEIGHT.department);
  for (const m of text.matchAll(AUTHOR_AFFILIATION)) vote(m[1] ?? '', WEIGHT.affiliation);
  for (const m of text.matchAll(SOURCE_CREDIT)) {
    // The credit ends where a disclaimer running on after it starts ("…安信证券研究中心预测本报告版权属于…").
    const credit = m[1] ?? '';
    const cut = DISCLAIMER.exec(credit)?.index ?? credit.length;
    vote(credit.slice(0, cut), WEIGHT.credit);
  }
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  const broker = ranked[0]?.[0];
  if (!broker) return undefined;
  const full = new RegExp(`${broker}(?:证券)?(?:股份有限公司|有限责任公司|有限公司)`).exec(text);
  return full ? { broker, brokerFullName: full[0] } : { broker };
}
