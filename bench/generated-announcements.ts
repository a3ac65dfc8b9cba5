/**
 * Generates announcement-style documents for benchmarks: fictional issuers, counterparties, amounts and
 * dates woven into sentences of the kinds real announcements are made of. Deterministic for a seed.
 */

const PREFIXES = [
  '华',
  '东',
  '中',
  '新',
  '恒',
  '瑞',
  '博',
  '金',
  '远',
  '德',
  '安',
  '海',
  '天',
  '宏',
  '嘉',
  '鼎',
];
const MIDDLES = [
  '信',
  '达',
  '盛',
  '远',
  '通',
  '源',
  '泰',
  '科',
  '峰',
  '川',
  '润',
  '锦',
  '和',
  '明',
  '亚',
  '辰',
];
const INDUSTRIES = [
  '精密制造',
  '新材料',
  '生物医药',
  '电子科技',
  '能源',
  '智能装备',
  '信息技术',
  '环保科技',
  '食品',
  '化工',
];
const BANKS = [
  '招商银行股份有限公司',
  '兴业银行股份有限公司',
  '中信银行股份有限公司',
  '浙商银行股份有限公司',
];
const PEOPLE = ['王建国', '李明华', '张晓燕', '陈志强', '刘海波', '周文静', '吴国栋', '郑丽君'];

function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface GeneratedDocument {
  name: string;
  text: string;
}

export function generateAnnouncements(count: number, seed = 7): GeneratedDocument[] {
  const next = rng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const docs: GeneratedDocument[] = [];
  for (let i = 0; i < count; i++) {
    const short = `${pick(PREFIXES)}${pick(MIDDLES)}${pick(INDUSTRIES).slice(0, 2)}`;
    const full = `${short}${pick(INDUSTRIES)}股份有限公司`;
    const code = String(600000 + Math.floor(next() * 9000)).padStart(6, '0');
    const counterparty = `${pick(PREFIXES)}${pick(MIDDLES)}${pick(INDUSTRIES)}有限公司`;
    const person = pick(PEOPLE);
    const month = 1 + Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * 28);
    const shares = 500 + Math.floor(next() * 5000);
    const amount = (1 + next() * 20).toFixed(2);
    const ratio = (1 + next() * 15).toFixed(2);
    const body = [
      `证券代码：${code}　证券简称：${short}　公告编号：2025-${String(i + 1).padStart(3, '0')}`,
      `${full}关于控股股东部分股份质押及签署重大合同的公告`,
      '本公司及董事会全体成员保证信息披露的内容真实、准确、完整，没有虚假记载、误导性陈述或重大遗漏。',
      `${full}（以下简称“公司”）于2025年${month}月${day}日接到控股股东${person}的通知，获悉其将所持有的公司${shares}万股股份质押给${pick(BANKS)}。`,
      `本次质押股份占其所持股份比例为${ratio}%，占公司总股本的${(Number(ratio) / 4).toFixed(2)}%，质押期限自2025年${month}月${day}日起至办理解除质押登记之日止。`,
      `${person}资信状况良好，具备相应的资金偿还能力，质押风险在可控范围之内。`,
      `公司于近日与${counterparty}签署了《设备采购合同》，合同金额为人民币${amount}亿元。`,
      `合同的履行预计将对公司2025年度及以后年度的经营业绩产生积极影响。`,
      `同日，公司全资子公司以自有资金${(Number(amount) * 1000).toFixed(0)}万元投资设立${pick(PREFIXES)}${pick(MIDDLES)}科技有限公司。`,
      `公司为子公司向${pick(BANKS)}申请的${(Number(amount) / 2).toFixed(1)}亿元综合授信提供连带责任保证担保。`,
      `截至本公告披露日，公司及控股子公司对外担保总额为${(Number(amount) * 3).toFixed(2)}亿元，不存在逾期担保。`,
      '公司将持续关注上述事项的进展情况，并按照相关规定及时履行信息披露义务。',
      '敬请广大投资者注意投资风险。',
      `特此公告。`,
      `${full}董事会`,
      `2025年${month}月${Math.min(28, day + 1)}日`,
    ];
    docs.push({ name: `bench-${String(i).padStart(4, '0')}-${code}.txt`, text: body.join('\n') });
  }
  return docs;
}
