import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  collectForecasts,
  forecastsFromRows,
  forecastsFromSentences,
} from '../../src/parse/research-forecasts.js';
import { normalizeRating, normalizeRatingChange } from '../../src/parse/research-rating.js';
import { parseResearchReportHeader } from '../../src/parse/research-report-header.js';

const SIDEBAR = [
  '国联信达证券股份有限公司 证券研究报告',
  '华辰精密（603871）：一季度业绩超预期',
  '维持公司“买入”评级，给予6个月目标价45.60元。',
  '投资评级：买入（维持）',
  '目标价：45.60元',
  '当前价格：36.12元',
  '分析师：李文博',
  '执业证书编号：S1230520080003',
  '分析师：陈思远 执业证书编号：S1230523070012',
  '联系人：赵一鸣',
  '分析师声明',
  '本报告署名分析师具有证券投资咨询执业资格。',
  '投资评级说明：买入，相对表现超过15%；卖出，相对表现低于-15%。',
].join('\n');

describe('parseResearchReportHeader', () => {
  it('reads broker, analysts, rating, prices and the covered stock', () => {
    const header = parseResearchReportHeader(SIDEBAR);
    assert.equal(header?.broker, '国联信达证券');
    assert.equal(header?.brokerFullName, '国联信达证券股份有限公司');
    assert.deepEqual(header?.analysts, [
      { name: '李文博', role: 'analyst', certificateNo: 'S1230520080003' },
      { name: '陈思远', role: 'analyst', certificateNo: 'S1230523070012' },
      { name: '赵一鸣', role: 'contact' },
    ]);
    assert.deepEqual(header?.rating, {
      raw: '买入',
      normalized: 'buy',
      score: 5,
      change: 'maintain',
      changeRaw: '维持',
    });
    assert.deepEqual(header?.targetPrice, { value: 45.6, currency: 'CNY' });
    assert.deepEqual(header?.currentPrice, { value: 36.12, currency: 'CNY' });
    assert.equal(header?.stock?.symbol, '603871.SH');
    assert.equal(header?.stock?.shortName, '华辰精密');
  });

  it('reads the rating change from prose and certificate numbers without labels', () => {
    const text = [
      '华晟证券研究所',
      '周凯 S0270522110005',
      '黄蕾（SAC执业证书编号：S0270524030008）',
      '考虑到行业景气度回落，下调至“推荐”评级，目标价31.20元。',
    ].join('\n');
    const header = parseResearchReportHeader(text);
    assert.equal(header?.broker, '华晟证券');
    assert.deepEqual(
      header?.analysts.map((a) => [a.name, a.certificateNo]),
      [
        ['周凯', 'S0270522110005'],
        ['黄蕾', 'S0270524030008'],
      ],
    );
    assert.equal(header?.rating?.normalized, 'outperform');
    assert.equal(header?.rating?.change, 'downgrade');
  });

  it('uses HKD for a bare target price of a Hong Kong stock', () => {
    const header = parseResearchReportHeader('示例控股（02368.HK）\n首次覆盖，给予“买入”评级，目标价 12.5');
    assert.deepEqual(header?.targetPrice, { value: 12.5, currency: 'HKD' });
    assert.equal(header?.rating?.change, 'initiate');
    assert.deepEqual(parseResearchReportHeader('目标价：港币12.5元')?.targetPrice, {
      value: 12.5,
      currency: 'HKD',
    });
  });

  it('keeps both ends of a target price range, not a year after it', () => {
    const header = parseResearchReportHeader(
      '示例股份（600000.SH）\n下调目标价至 6.5-7.0 元（前值为 7.7-8.3 元），维持“优于大市”评级。',
    );
    assert.deepEqual(header?.targetPrice, { value: 6.5, upper: 7, currency: 'CNY' });
    assert.deepEqual(parseResearchReportHeader('目标价：港币12.5元至13.8元')?.targetPrice, {
      value: 12.5,
      upper: 13.8,
      currency: 'HKD',
    });
    assert.deepEqual(
      parseResearchReportHeader('给予“买入”评级，目标价 45.6 元，2024 年PE 20倍')?.targetPrice,
      {
        value: 45.6,
        currency: 'CNY',
      },
    );
  });

  it('reads the report date from a label or a date-only line at the top, not from the body', () => {
    assert.equal(parseResearchReportHeader(`报告日期：2025年04月28日\n${SIDEBAR}`)?.date, '2025-04-28');
    assert.equal(
      parseResearchReportHeader(`${SIDEBAR.split('\n')[0]}\n2025-04-28\n${SIDEBAR}`)?.date,
      '2025-04-28',
    );
    assert.equal(parseResearchReportHeader(`发布日期 2025.4.8\n${SIDEBAR}`)?.date, '2025-04-08');
    // A series label may stand before the date on its line.
    assert.equal(
      parseResearchReportHeader(`金融工程专题报告 2020 年 07 月 07 日\n${SIDEBAR}`)?.date,
      '2020-07-07',
    );
    // Related reports and events in the text carry dates too; they are not the report's.
    const related = `${SIDEBAR}\n相关研究\n《华辰精密（603871）：订单饱满》2025-01-15\n公司于2025年3月28日发布年报。`;
    assert.equal(parseResearchReportHeader(related)?.date, undefined);
  });

  it('returns null for text that is not a research report', () => {
    assert.equal(parseResearchReportHeader('公司于2025年3月17日接到通知。'), null);
  });
});

describe('ratings', () => {
  it('maps broker vocabularies to one scale', () => {
    assert.equal(normalizeRating('买入')?.normalized, 'buy');
    assert.equal(normalizeRating('强烈推荐')?.normalized, 'buy');
    assert.equal(normalizeRating('推荐')?.normalized, 'outperform');
    assert.equal(normalizeRating('谨慎推荐')?.normalized, 'outperform');
    assert.equal(normalizeRating('优于大市')?.normalized, 'outperform');
    assert.equal(normalizeRating('增持')?.score, 4);
    assert.equal(normalizeRating('中性')?.normalized, 'neutral');
    assert.equal(normalizeRating('减持')?.normalized, 'underperform');
    assert.equal(normalizeRating('卖出')?.score, 1);
    assert.equal(normalizeRating('观望'), null);
  });

  it('maps rating changes', () => {
    assert.equal(normalizeRatingChange('维持'), 'maintain');
    assert.equal(normalizeRatingChange('上调至'), 'upgrade');
    assert.equal(normalizeRatingChange('调低'), 'downgrade');
    assert.equal(normalizeRatingChange('首次覆盖'), 'initiate');
    assert.equal(normalizeRatingChange('给予'), null);
  });
});

describe('forecasts', () => {
  it('reads a forecast table, skipping growth rows', () => {
    const rows = [
      ['项目', '2024A', '2025E', '2026E'],
      ['营业收入（百万元）', '3,512', '4,236', '5,018'],
      ['增长率（%）', '18.2', '20.6', '18.5'],
      ['归母净利润（百万元）', '402', '(12.5)', '611'],
      ['EPS（元）', '1.01', '1.25', '1.53'],
    ];
    const out = forecastsFromRows(rows);
    assert.equal(out.length, 9);
    assert.deepEqual(out[0], {
      metric: 'revenue',
      year: 2024,
      estimate: false,
      value: 3512,
      unit: '百万元',
      baseValue: 3_512_000_000,
    });
    assert.deepEqual(
      out.filter((f) => f.metric === 'net_profit').map((f) => f.value),
      [402, -12.5, 611],
    );
    assert.deepEqual(
      out.filter((f) => f.metric === 'eps').map((f) => [f.year, f.estimate, f.value, f.unit]),
      [
        [2024, false, 1.01, '元'],
        [2025, true, 1.25, '元'],
        [2026, true, 1.53, '元'],
      ],
    );
  });

  it('reads "分别为" sentences', () => {
    const text =
      '预计公司2025-2027年营业收入分别为18.6/24.3/31.5亿元，归母净利润分别为2.15/3.08/4.26亿元，EPS分别为0.54/0.77/1.07元。';
    const out = forecastsFromSentences(text);
    assert.deepEqual(
      out.map((f) => [f.metric, f.year, f.value, f.unit]),
      [
        ['revenue', 2025, 18.6, '亿元'],
        ['revenue', 2026, 24.3, '亿元'],
        ['revenue', 2027, 31.5, '亿元'],
        ['net_profit', 2025, 2.15, '亿元'],
        ['net_profit', 2026, 3.08, '亿元'],
        ['net_profit', 2027, 4.26, '亿元'],
        ['eps', 2025, 0.54, '元'],
        ['eps', 2026, 0.77, '元'],
        ['eps', 2027, 1.07, '元'],
      ],
    );
    assert.equal(out[0]?.baseValue, 1_860_000_000);
  });

  it('prefers table values and de-duplicates by metric and year', () => {
    const tables = [
      {
        page: 2,
        header: [],
        rows: [
          ['', '2025E', '2026E'],
          ['EPS（元）', '1.25', '1.53'],
        ],
        start: 0,
        end: 0,
        rowSpans: [],
      },
    ];
    const out = collectForecasts('预计2025-2026年EPS分别为1.20/1.50元', tables);
    assert.deepEqual(
      out.map((f) => f.value),
      [1.25, 1.53],
    );
  });
});

describe('prices and their currency', () => {
  const priceOf = (text: string) =>
    parseResearchReportHeader(`分析师：张三 S0570516010001\n${text}`)?.targetPrice;

  it('reads a Hong Kong target price in HKD', () => {
    assert.deepEqual(priceOf('腾讯控股（00700.HK）\n投资评级：买入（维持）\n目标价 420港元'), {
      value: 420,
      currency: 'HKD',
    });
    assert.deepEqual(priceOf('腾讯控股 00700.HK\n目标价：420.00'), { value: 420, currency: 'HKD' });
    assert.deepEqual(priceOf('腾讯控股 00700.HK\n目标价（港元）：420'), { value: 420, currency: 'HKD' });
    assert.deepEqual(priceOf('目标价：HK$420'), { value: 420, currency: 'HKD' });
    // A Hong Kong report's generic 元 is the listing's currency.
    assert.deepEqual(priceOf('示例控股 0328.HK\n目标价 3.2元'), { value: 3.2, currency: 'HKD' });
  });

  it('uses CNY for A-shares and USD for US tickers', () => {
    assert.deepEqual(priceOf('示例股份（600000.SH）\n目标价：45.60元'), { value: 45.6, currency: 'CNY' });
    assert.deepEqual(priceOf('示例集团 (BABA.N)\n目标价 120'), { value: 120, currency: 'USD' });
    assert.deepEqual(priceOf('示例集团 (BABA.N)\n目标价 120美元'), { value: 120, currency: 'USD' });
  });

  it('takes no year or table heading for a price', () => {
    assert.equal(priceOf('目标价 20192020'), undefined);
    assert.equal(priceOf('目标价 2025年'), undefined);
  });
});

describe('ratings in the report, not in its definitions', () => {
  it('skips the rating scale printed in the disclaimer', () => {
    const definitions = [
      '分析师：张三 S0570516010001',
      '投资评级说明',
      '公司评级 买入：预期未来6个月内相对基准指数涨幅在15%以上',
      '增持：相对强于市场表现5%～15%',
    ].join('\n');
    assert.equal(parseResearchReportHeader(definitions)?.rating, undefined);
    const rated = `投资评级：增持（首次）\n${definitions}`;
    const rating = parseResearchReportHeader(rated)?.rating;
    assert.deepEqual([rating?.raw, rating?.change], ['增持', 'initiate']);
  });
});

describe('broker from the report itself', () => {
  const analysts = '分析师：张三 执业证书编号：S0570516010001';

  it('never from a disclaimer sentence', () => {
    const text = [
      analysts,
      '本报告仅供华泰证券股份有限公司的客户使用。',
      '未经招商证券事先书面许可，任何机构和个人不得转载。',
      '分析师曾供职于东方证券。',
    ].join('\n');
    assert.equal(parseResearchReportHeader(text)?.broker, undefined);
  });

  it('from the running footer, the research-department line or its own source credits', () => {
    const footer = parseResearchReportHeader(analysts, [], {
      runningLines: ['谨请参阅尾页重要声明及华泰证券股票和行业评级标准'],
    });
    assert.equal(footer?.broker, '华泰证券');
    const credits = [
      analysts,
      '数据来源：Wind，开源证券研究所',
      '数据来源：wind、开源证券研究所',
      '本报告仅供国泰君安证券股份有限公司的客户使用。',
    ].join('\n');
    assert.equal(parseResearchReportHeader(credits)?.broker, '开源证券');
    assert.equal(parseResearchReportHeader(`${analysts}\n国泰君安证券研究所`)?.broker, '国泰君安');
  });

  it('reads the head past its pointer to the disclaimer, and credits without 资料/数据', () => {
    const pointer = `行业点评2/5长江证券研究所请务必阅读正文之后的免责声明部分[Table_Main]${analysts}`;
    assert.equal(parseResearchReportHeader(pointer)?.broker, '长江证券');
    const bare = `${analysts}\n图表3：市场规模来源：统计局，齐鲁证券研究所来源：Wind，齐鲁证券研究所`;
    assert.equal(parseResearchReportHeader(bare)?.broker, '齐鲁证券');
  });

  it('reads a credit up to the disclaimer that runs on after it, and a credit ending in 整理/预测', () => {
    const runOn = `${analysts}\n数据来源：Wind资讯，国盛证券研究所预测3本报告版权属于国盛证券股份有限公司。`;
    assert.equal(parseResearchReportHeader(runOn)?.broker, '国盛证券');
    const compiled = `${analysts}\n资料来源：公司公告、华菁证券整理资料来源：Wind、华菁证券预测`;
    assert.equal(parseResearchReportHeader(compiled)?.broker, '华菁证券');
  });

  it('reads a cover stem (华泰研究) only where the company name confirms it', () => {
    const cover = `证券研究报告某某生物(688000CH)深度华泰研究年报点评\n${analysts}`;
    assert.equal(parseResearchReportHeader(cover)?.broker, undefined);
    const confirmed = `${cover}\n一般声明：本报告由华泰证券股份有限公司制作。`;
    assert.equal(parseResearchReportHeader(confirmed)?.broker, '华泰证券');
  });

  it('names a Hong Kong arm by its own name and an author by the biography line', () => {
    const arm = [
      analysts,
      '资料来源：WSTS、海通证券（香港）整理',
      '资料来源：公司公告、海通证券（香港）整理',
      '海通国际控股有限公司 香港中环',
    ].join('\n');
    assert.equal(parseResearchReportHeader(arm)?.broker, '海通国际');
    const bio = `${analysts}\n分析师简介张三：国海证券研究所医药行业分析师，曾就职于东方证券。`;
    assert.equal(parseResearchReportHeader(bio)?.broker, '国海证券');
  });

  it('keeps an unlisted broker whole (国联信达证券 is not 信达证券)', () => {
    const header = parseResearchReportHeader(`国联信达证券股份有限公司 证券研究报告\n${analysts}`);
    assert.equal(header?.broker, '国联信达证券');
  });
});

describe('analyst blocks', () => {
  const analystsOf = (text: string) =>
    parseResearchReportHeader(text)?.analysts.map((a) => [a.name, a.certificateNo ?? null, a.role]);

  it('pairs numbers printed under two names on one line, in order; a contact with a number stays a contact', () => {
    const text = [
      '张三（分析师） 李四（联系人）',
      'zhang@example.com',
      '证书编号：S0790519120001',
      'li@example.com',
      '证书编号：S0790120020012',
    ].join('\n');
    assert.deepEqual(analystsOf(text), [
      ['张三', 'S0790519120001', 'analyst'],
      ['李四', 'S0790120020012', 'contact'],
    ]);
  });

  it('reads a bare name line over its e-mail and number, and a role word alone on its line', () => {
    assert.deepEqual(analystsOf('分析师：\n郑一鸣\nzheng@example.com\nS0190520080006'), [
      ['郑一鸣', 'S0190520080006', 'analyst'],
    ]);
    assert.deepEqual(analystsOf('证券分析师\n陈一 A0230513080006\n联系人\n朱二\n(8621)23297313'), [
      ['陈一', 'A0230513080006', 'analyst'],
      ['朱二', null, 'contact'],
    ]);
  });

  it('keeps a 研究助理 without a number as a contact and ignores sales lists further down', () => {
    const team = [
      '王五：（分析师）',
      '电话：021-00000000',
      '证书编号：S0880516100001',
      '赵六：（研究助理）',
      '电话：021-00000001',
    ].join('\n');
    const sales = `\n${'正文。'.repeat(3000)}\n联系人：孙七\n联系人：周八`;
    assert.deepEqual(analystsOf(team + sales), [
      ['王五', 'S0880516100001', 'analyst'],
      ['赵六', null, 'contact'],
    ]);
  });

  it('keeps a 研究助理 with a number as a contact, and a role word stated after a name and its number wins', () => {
    const team = [
      '王五：（分析师）',
      '证书编号：S0880516100001',
      '赵六：（研究助理）',
      '邮箱：zhao@example.com',
      '证书编号：S0880117030051',
      '钱七 联系人 S0790120020012',
      '孙八',
      'S0790519120001',
      '孙八：（研究助理）',
    ].join('\n');
    assert.deepEqual(analystsOf(team), [
      ['王五', 'S0880516100001', 'analyst'],
      ['赵六', 'S0880117030051', 'contact'],
      ['钱七', 'S0790120020012', 'contact'],
      ['孙八', 'S0790519120001', 'contact'],
    ]);
  });

  it('reads an A-prefixed number only as a whole code', () => {
    assert.deepEqual(analystsOf('分析师：孙一\nA0230513080006\n编号 XA02305130800061'), [
      ['孙一', 'A0230513080006', 'analyst'],
    ]);
  });
});

describe('PE forecasts', () => {
  it('reads a PE row in multiples', () => {
    const out = forecastsFromRows([
      ['', '2024A', '2025E'],
      ['PE（倍）', '30.1', '25.2'],
      ['PEG', '1.2', '1.1'],
    ]);
    assert.deepEqual(
      out.map((f) => [f.metric, f.year, f.value, f.unit, f.baseValue]),
      [
        ['pe', 2024, 30.1, '倍', 30.1],
        ['pe', 2025, 25.2, '倍', 25.2],
      ],
    );
  });
});

// Covers as a text layer gives them without line breaks: labels, values and contact details run together.
describe('covers whose text runs without line breaks', () => {
  it('reads an industry rating with its change beside it and the cover date', () => {
    const h = parseResearchReportHeader(
      '请务必阅读正文之后的免责声明部分示例证券研究所行业周报2021年04月12日医药生物超配（维持评级）板块估值回落，关注龙头证券分析师：张明远0755-22000000zhangmy@example.com证券投资咨询执业资格证书编码：S0980500000001',
    );
    assert.equal(h?.rating?.raw, '超配');
    assert.equal(h?.rating?.change, 'maintain');
    assert.equal(h?.date, '2021-04-12');
    assert.deepEqual(
      h?.analysts.map((a) => [a.name, a.certificateNo, a.role]),
      [['张明远', 'S0980500000001', 'analyst']],
    );
  });

  it('drops a risk grade glued to the rating and reads names before their role word', () => {
    const h = parseResearchReportHeader(
      '本报告版权属于示例证券股份有限公司。2020年05月11日生物医药行业动态分析证券研究报告投资评级领先大市-A维持评级首选股票目标价评级相对收益-1.59绝对收益2.13王立新分析师SAC执业证书编号：S1450500000001wanglx@example.com李晓明分析师SAC执业证书编号：S1450500000002lixm@example.com',
    );
    assert.equal(h?.rating?.raw, '领先大市');
    assert.equal(h?.rating?.change, 'maintain');
    assert.deepEqual(
      h?.analysts.map((a) => [a.name, a.certificateNo]),
      [
        ['王立新', 'S1450500000001'],
        ['李晓明', 'S1450500000002'],
      ],
    );
  });

  it('keeps assistants apart and reads a number run into a phone number', () => {
    const h = parseResearchReportHeader(
      '报告时间।2020/9/9分析师周明证书编号：S1100500000001010-66000000zhouming@example.com联系人黄小如证书编号：S1100500000002021-68000000',
    );
    assert.equal(h?.date, '2020-09-09');
    assert.deepEqual(
      h?.analysts.map((a) => [a.name, a.certificateNo, a.role]),
      [
        ['周明', 'S1100500000001', 'analyst'],
        ['黄小如', 'S1100500000002', 'contact'],
      ],
    );
  });

  it('reads the industry rating after the sector name, and a rating standing beside the date', () => {
    assert.equal(
      parseResearchReportHeader('证券分析师陈明SACNo：S1150500000001行业评级医疗器械中性月度股票池')?.rating
        ?.raw,
      '中性',
    );
    const shanxi = parseResearchReportHeader(
      '报告原因：定期报告6月血制品批签发数据跟踪维持评级整体批签发稳定看好2020年7月6日行业研究/定期报告分析师：刘明执业证书编号：S0760500000001',
    );
    assert.equal(shanxi?.rating?.raw, '看好');
    assert.equal(shanxi?.rating?.change, 'maintain');
    assert.equal(
      parseResearchReportHeader(
        '医药生物|证券研究报告—行业点评2021年5月6日强于大市相关研究报告分析师：邓明 S1300500000001',
      )?.rating?.raw,
      '强于大市',
    );
  });

  it('reads no rating from a printed scale whose choice only the layout marked, nor from a legend pointer', () => {
    const scale = parseResearchReportHeader(
      '行业评级看好中性看淡(维持)国家/地区中国行业电子行业报告发布日期2021年03月29日证券分析师：王明 S0860500000001',
    );
    assert.equal(scale?.rating, undefined);
    assert.deepEqual(scale?.lostRatingChange, { change: 'maintain', changeRaw: '维持' });
    assert.equal(scale?.date, '2021-03-29');
    const pointer = parseResearchReportHeader(
      '敬请参阅末页重要声明及评级说明证券研究报告医美专题行业评级：增持报告日期：2021-01-11分析师：王明 S0010500000001',
    );
    assert.equal(pointer?.rating?.raw, '增持');
    assert.equal(pointer?.date, '2021-01-11');
  });

  it('skips dates inside sentences and takes a labelled date first', () => {
    const h = parseResearchReportHeader(
      '湖北检验所自2020年1月19日后无批签发记录，股价数据为2021年2月5日增持——维持证券研究报告/行业动态日期：2021年02月08日分析师：魏明 S0870500000001',
    );
    assert.equal(h?.date, '2021-02-08');
    assert.equal(h?.rating?.raw, '增持');
    assert.equal(h?.rating?.change, 'maintain');
  });

  it("skips a period's first day and an event's date for the cover date", () => {
    const period = parseResearchReportHeader(
      '行业周报增持（维持）市场行情回顾：本周（2021年3月22日-3月28日）沪指上涨0.4%。[Table_Author]2021年03月28日证券分析师王明执业证号：S0600500000001',
    );
    assert.equal(period?.date, '2021-03-28');
    const event = parseResearchReportHeader(
      '■事件：2021年4月13日公司发布公告，产品获批。Table_Title2021年04月14日公司快报投资评级买入-A首次评级马明分析师SAC执业证书编号：S1450500000001',
    );
    assert.equal(event?.date, '2021-04-14');
  });

  it('reads no ticker from a bracketed phone area code', () => {
    const h = parseResearchReportHeader(
      '证券分析师：邓明(86755)82560525dengm@example.com证券投资咨询业务证书编号：S1300500000001',
    );
    assert.equal(h?.stock, undefined);
    assert.equal(h?.analysts[0]?.name, '邓明');
  });
});

describe('author blocks of run-together covers', () => {
  const authors = (text: string) =>
    parseResearchReportHeader(text)?.analysts.map((a) => [a.name, a.certificateNo ?? null, a.role]);

  it('splits two names run together over their two numbers, in order', () => {
    const cover =
      '评级：增持前次：增持分析师首席分析师周明远曾立S0740500000001S0740500000002021-20000000zhoumy@example.com';
    assert.deepEqual(authors(cover), [
      ['周明远', 'S0740500000001', 'analyst'],
      ['曾立', 'S0740500000002', 'analyst'],
    ]);
  });

  it('reads a number run into the cover date, and keeps a number after an assistant block a contact', () => {
    assert.deepEqual(authors('专题系列2分析师：陈一SACNO：S11500000000072021年3月18日[Table_Summary]'), [
      ['陈一', 'S1150000000007', 'analyst'],
    ]);
    const block =
      '[Table_Author]证券分析师甘一SACNo：S1150000000001gan@example.com[Table_Contactor]助理分析师陈二SACNo：S1150000000002chen@example.com张三SACNo：S1150000000003zhang@example.com';
    assert.deepEqual(authors(block), [
      ['甘一', 'S1150000000001', 'analyst'],
      ['陈二', 'S1150000000002', 'contact'],
      ['张三', 'S1150000000003', 'contact'],
    ]);
  });

  it('reads a second name between empty contact labels, and names before their role words', () => {
    assert.deepEqual(authors('[Table_Author]分析师：孙一邮箱：王二邮箱：59产业关注'), [
      ['孙一', null, 'analyst'],
      ['王二', null, 'analyst'],
    ]);
    const noNumbers = '市场规模亿元田一鸣分析师郝二分析师邮箱：cs@example.com行业走势图';
    assert.deepEqual(authors(`证券研究报告\n${noNumbers}`), [
      ['田一鸣', null, 'analyst'],
      ['郝二', null, 'analyst'],
    ]);
    const sector =
      '沈一科技分析师shen@example.com(852)20000000杨二研究助理yang@example.com林三研究部主管lin@example.com';
    assert.deepEqual(authors(`证券研究报告\n${sector}`), [
      ['沈一', null, 'analyst'],
      ['杨二', null, 'contact'],
      ['林三', null, 'analyst'],
    ]);
  });

  it('reads a labelled author, the authors of a licence notice, and an assistant by the biography heading', () => {
    assert.deepEqual(authors('证券研究报告 报告主要作者：王英一2020/03'), [['王英一', null, 'analyst']]);
    assert.deepEqual(authors('接受书籍作者采访时说'), undefined);
    const notice = '金融工程|专题报告\n请注意，张一,罗二并非香港证券及期货事务监察委员会的注册持牌人';
    assert.deepEqual(authors(notice), [
      ['张一', null, 'analyst'],
      ['罗二', null, 'analyst'],
    ]);
    const team =
      '医药团队：胡一电话010-00000001执业证书编号：S1480000000003王二电话010-00000002执业证书编号：S1480000000047医药行业研究';
    const bios = `\n${'正文。'.repeat(2000)}\n分析师简介胡一药学专业。研究助理简介王二金融硕士。`;
    assert.deepEqual(authors(team + bios), [
      ['胡一', 'S1480000000003', 'analyst'],
      ['王二', 'S1480000000047', 'contact'],
    ]);
  });

  it('reads a number that an e-mail address runs into, each to the name before its address', () => {
    const cover =
      '相关报告《周报》2021-03-07分析师：谢一xieyi@example.com.cnS0190000000001李二双lier@example.com.cnS0190000000002投资要点';
    assert.deepEqual(authors(cover), [
      ['谢一', 'S0190000000001', 'analyst'],
      ['李二双', 'S0190000000002', 'analyst'],
    ]);
  });

  it('ends a name where the next role label starts, spaced out (证 券分析师) or not', () => {
    assert.deepEqual(
      authors('行业深度研究报告2021年05月04日分析师：崔一亮联系人：徐二邮箱：cui@example.com'),
      [
        ['崔一亮', null, 'analyst'],
        ['徐二', null, 'contact'],
      ],
    );
    assert.deepEqual(
      authors('证券研究报告\n华创证券研究所证 券分析师：陈一证 券分析师：王二川\n相关研究报告'),
      [
        ['陈一', null, 'analyst'],
        ['王二川', null, 'analyst'],
      ],
    );
  });

  it('pairs two labels printed side by side with the two names under them, the number with the first', () => {
    assert.deepEqual(
      authors('评级：增持前次：增持分析师联系人张一陈二S07400000000010531-00000000chen@example.com'),
      [
        ['张一', 'S0740000000001', 'analyst'],
        ['陈二', null, 'contact'],
      ],
    );
  });

  it('reads no author from a role word in prose, yet a rare surname before a number', () => {
    assert.deepEqual(
      authors('证券研究报告\n高 ROE 端股票备受专业投资者关注，适合采用分析师预期指标；'),
      undefined,
    );
    assert.deepEqual(authors('证券研究报告\n研究员代一SACNo.S0570000000002SFCNo.BFI000dai@example.com'), [
      ['代一', 'S0570000000002', 'analyst'],
    ]);
  });

  it('never reads the number label as part of a name (吴一证券执业证书号)', () => {
    assert.deepEqual(authors('投资银行委员会吴一证券执业证书号：S1350000000014电话：010-00000000'), [
      ['吴一', 'S1350000000014', 'analyst'],
    ]);
  });
});

describe('rating labels and their neighbours', () => {
  it('reads 投资建议 as a label only beside the previous advice, 优异 on its scale', () => {
    const h = parseResearchReportHeader(
      'Table_ReportDate2019年10月15日Table_Rating投资建议：优异上次建议：优异Table_Author汪明分析师执业证书编号：S0590500000002',
    );
    assert.equal(h?.rating?.raw, '优异');
    assert.equal(h?.rating?.change, undefined);
    const advice = parseResearchReportHeader(
      '西南证券研究发展中心分析师：杜明执业证号：S1250500000002 投资建议：推荐平台型公司以及业绩高增长的标的',
    );
    assert.equal(advice?.rating, undefined);
  });

  it("reads a rating past a pointer to the rating notes (请参考…评级说明), and past a template's field names", () => {
    const pointer = parseResearchReportHeader(
      '公司动态点评2021年04月12日http://www.example.com请参考最后一页评级说明及重要声明投资评级：增持（首次）报告日期：2021年04月12日分析师：刘明S1070500000002',
    );
    assert.equal(pointer?.rating?.raw, '增持');
    assert.equal(pointer?.rating?.change, 'initiate');
    const tags = parseResearchReportHeader(
      '行业研究行业周报证券研究报告＃industryId＃电子＃investSuggestion＃推荐(＃investSuggestionChange＃维持）重点公司分析师：谢明S0190500000001',
    );
    assert.equal(tags?.rating?.raw, '推荐');
    assert.equal(tags?.rating?.change, 'maintain');
  });

  it("reads no rating from the body's prose about a covered company past the first pages", () => {
    const strategy = `2021年化妆品行业投资策略证券分析师：王明A0230500000052\n${'行业分析正文。'.repeat(800)}对应PE为165倍，给予“增持”评级。`;
    assert.equal(parseResearchReportHeader(strategy)?.rating, undefined);
  });
});

describe('target price of the report, not of its picks', () => {
  it("reads an initiation from the cover's report type when the rating prints no change", () => {
    const cover =
      '2020年12月2日证券研究报告/首次覆盖报告医药\n投资评级：买入\n分析师：张三 执业证书编号：S0570516010001';
    assert.equal(parseResearchReportHeader(cover)?.rating?.change, 'initiate');
    const body = `投资评级：买入\n${'正文。'.repeat(200)}本文为首次覆盖报告的后续。`;
    assert.equal(parseResearchReportHeader(body)?.rating?.change, undefined);
  });

  it('takes none from a pick table, from a report on several companies, or from the body', () => {
    const picks =
      '证券研究报告/首次覆盖报告股票名称代码评级目标价甲公司300000CH买入RMB41.07乙公司002000CH买入RMB62.37研究团队';
    assert.equal(parseResearchReportHeader(`${picks}\n我们的DCF目标价为41.07元。`)?.targetPrice, undefined);
    const body = `行业评级：增持\n${'正文。'.repeat(2000)}\n给予目标价27.00元。`;
    assert.equal(parseResearchReportHeader(body)?.targetPrice, undefined);
    const cover = '公司评级：买入（维持）\n目标价(人民币):190.97\n分析师：张三 执业证书编号：S0570516010001';
    assert.equal(parseResearchReportHeader(cover)?.targetPrice?.value, 190.97);
    const sidebar =
      '证券研究报告 股票代码：600000 投资评级：买入 目标价：45.60元 分析师：张三 S0570516010001';
    assert.equal(parseResearchReportHeader(sidebar)?.targetPrice?.value, 45.6);
  });
});
