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

  it('reads the report date from a label or a date-only line at the top, not from the body', () => {
    assert.equal(parseResearchReportHeader(`报告日期：2025年04月28日\n${SIDEBAR}`)?.date, '2025-04-28');
    assert.equal(
      parseResearchReportHeader(`${SIDEBAR.split('\n')[0]}\n2025-04-28\n${SIDEBAR}`)?.date,
      '2025-04-28',
    );
    assert.equal(parseResearchReportHeader(`发布日期 2025.4.8\n${SIDEBAR}`)?.date, '2025-04-08');
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
