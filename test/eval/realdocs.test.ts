import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  argumentMatches,
  type GoldDocument,
  goldRecordProblems,
  loadPredictions,
  loadRealDocsGold,
  normaliseArgument,
  type PredictedDocument,
  pairEvents,
  scoreRealDocs,
} from '../../src/eval/realdocs.js';

function goldDoc(
  id: string,
  events: GoldDocument['events'],
  extra: Partial<GoldDocument> = {},
): GoldDocument {
  return {
    id,
    source: `test/${id}`,
    kind: 'announcement',
    scope: 'events',
    issuer: { name: '示例科技股份有限公司', code: '600000', aliases: ['示例科技'] },
    date: '2025-03-18',
    events,
    report: null,
    ...extra,
  };
}

const arg = (role: string, argument: string, value?: number | string) =>
  value === undefined ? { role, argument } : { role, argument, value };

describe('normaliseArgument and argumentMatches', () => {
  it('folds width, whitespace, case and Traditional script', () => {
    assert.equal(normaliseArgument('ＡＢＣ 科技\n有限公司'), 'abc科技有限公司');
    assert.equal(normaliseArgument('董事會'), '董事会');
  });

  it('drops a defined-term note inside a name, not other brackets', () => {
    assert.equal(
      normaliseArgument('伊宁市供热有限公司（简称“伊宁供热”）80%股权'),
      normaliseArgument('伊宁市供热有限公司80%股权'),
    );
    assert.equal(normaliseArgument('甲公司（以下称「甲」）'), normaliseArgument('甲公司'));
    assert.notEqual(normaliseArgument('顺丰速运（中国）有限公司'), normaliseArgument('顺丰速运有限公司'));
  });

  it('matches on text, on a gold alias, or on equal values; never across roles', () => {
    const gold = { role: '回购方', argument: '示例科技股份有限公司', aliases: ['示例科技'] };
    assert.ok(argumentMatches(gold, { role: '回购方', argument: '示例科技股份有限公司' }));
    assert.ok(argumentMatches(gold, { role: '回购方', argument: '示例科技' }));
    assert.ok(!argumentMatches(gold, { role: '回购方', argument: '示例' }));
    assert.ok(!argumentMatches(gold, { role: '质押方', argument: '示例科技' }));

    const amount = arg('交易金额', '6.5亿元', 650_000_000);
    assert.ok(argumentMatches(amount, arg('交易金额', '65000万元', 650_000_000.2)));
    assert.ok(!argumentMatches(amount, arg('交易金额', '6.4亿元', 640_000_000)));
    // A value on one side only does not match.
    assert.ok(!argumentMatches(amount, arg('交易金额', '65000万元')));

    const ratio = arg('占公司总股本比例', '8.5%', 0.085);
    assert.ok(argumentMatches(ratio, arg('占公司总股本比例', '8.50%', 0.08504)));
    assert.ok(!argumentMatches(ratio, arg('占公司总股本比例', '8.6%', 0.086)));

    const date = arg('事件时间', '2025年3月1日', '2025-03-01');
    assert.ok(argumentMatches(date, arg('事件时间', '3月1日', '2025-03-01')));
    assert.ok(!argumentMatches(date, arg('事件时间', '3月', '2025-03')));
  });
});

describe('ranges and currencies', () => {
  it('matches a predicted number inside a gold range, ends included', () => {
    const gold = {
      role: '交易金额',
      argument: '不低于1亿元不超过2亿元',
      value: { min: 100_000_000, max: 200_000_000 },
    };
    assert.ok(argumentMatches(gold, arg('交易金额', '2亿元', 200_000_000)));
    assert.ok(argumentMatches(gold, arg('交易金额', '1.5亿元', 150_000_000)));
    assert.ok(!argumentMatches(gold, arg('交易金额', '2.1亿元', 210_000_000)));
  });

  it('does not match values stated in two different currencies', () => {
    const gold = { role: '交易金额', argument: '60百万港元', value: 60_000_000, currency: 'HKD' };
    assert.ok(argumentMatches(gold, arg('交易金额', '6000万', 60_000_000)));
    assert.ok(!argumentMatches(gold, { ...arg('交易金额', '6000万美元', 60_000_000), currency: 'USD' }));
  });
});

describe('pairEvents', () => {
  it('pairs by the most shared role–argument pairs, not by order', () => {
    const gold = [
      { arguments: [arg('高管姓名', '张三'), arg('高管职位', '董事长'), arg('变动类型', '辞职')] },
      { arguments: [arg('高管姓名', '李四'), arg('高管职位', '总经理'), arg('变动类型', '聘任')] },
    ];
    const predicted = [
      { arguments: [arg('高管姓名', '李四'), arg('高管职位', '总经理')] },
      { arguments: [arg('高管姓名', '张三'), arg('变动类型', '聘任')] },
    ];
    const pairs = pairEvents(gold, predicted);
    assert.deepEqual(pairs.map((p) => [p.gold, p.predicted, p.shared]).sort(), [
      [0, 1, 1],
      [1, 0, 2],
    ]);
  });

  it('leaves the surplus side unpaired', () => {
    const gold = [{ arguments: [arg('回购方', '甲公司')] }];
    const predicted = [{ arguments: [arg('回购方', '乙公司')] }, { arguments: [arg('回购方', '甲公司')] }];
    assert.deepEqual(pairEvents(gold, predicted), [{ gold: 0, predicted: 1, shared: 1 }]);
  });
});

describe('scoreRealDocs', () => {
  const pledge = {
    event_type: '质押',
    arguments: [
      arg('质押方', '王五'),
      arg('质权方', '某证券股份有限公司'),
      arg('质押股票/股份数量', '1,000万股', 10_000_000),
      arg('事件时间', '2025年3月1日', '2025-03-01'),
    ],
  };
  const gold: GoldDocument[] = [
    goldDoc('a', [pledge]),
    goldDoc('b', []),
    goldDoc('c', [], {
      kind: 'research_report',
      scope: 'header-only',
      issuer: null,
      date: '2025-01-02',
      report: {
        broker: '某证券',
        analysts: [
          { name: '赵六', certificate: 'S0000000000001' },
          { name: '钱七', certificate: null },
        ],
        rating: '买入',
        ratingChange: null,
        targetPrice: { value: 12.5, currency: 'CNY' },
      },
    }),
  ];

  it('counts role–argument pairs, complete records, false-event documents and header fields', () => {
    const predicted = new Map<string, PredictedDocument>([
      [
        'a',
        {
          event_list: [
            {
              event_type: '质押',
              trigger: '质押',
              arguments: [
                arg('质押方', '王五'),
                arg('质权方', '某证券'),
                arg('质押股票/股份数量', '1000万股', 10_000_000),
                arg('事件时间', '3月1日', '2025-03-01'),
              ],
            },
            // A type the gold lacks: a false event in document a.
            { event_type: '解除质押', arguments: [arg('质押方', '王五')] },
          ],
          document: {
            kind: 'announcement',
            issuer: { name: '示例科技', code: '600000' },
            date: '2025-03-18',
            report: null,
          },
        },
      ],
      ['b', { event_list: [], document: { kind: 'news', issuer: null, date: null, report: null } }],
      [
        'c',
        {
          // Events in a header-only document are not scored.
          event_list: [{ event_type: '股份回购', arguments: [arg('回购方', '某公司')] }],
          document: {
            kind: 'research_report',
            issuer: null,
            date: '2025-01-02',
            report: {
              broker: '某证券',
              analysts: [
                { name: '钱七', certificate: null },
                { name: '赵六', certificate: 'S0000000000001' },
              ],
              rating: '增持',
              ratingChange: '维持',
              targetPrice: { value: 12.5, currency: 'CNY' },
            },
          },
        },
      ],
    ]);
    const score = scoreRealDocs(gold, predicted);

    assert.deepEqual(score.documents, { gold: 3, events: 2, headerOnly: 1, missingPredictions: [] });
    // 3 of 4 gold pairs right (质权方 short name is no alias); 5 predicted pairs.
    assert.deepEqual(
      { c: score.arguments.correct, p: score.arguments.predicted, g: score.arguments.gold },
      { c: 3, p: 5, g: 4 },
    );
    assert.equal(score.byRole.质权方?.correct, 0);
    assert.equal(score.byTypeRole['质押.事件时间']?.correct, 1);
    assert.equal(score.byType.解除质押?.predicted, 1);
    assert.equal(score.byType.解除质押?.gold, 0);
    assert.deepEqual(score.completeRecords, { accuracy: 0, correct: 0, total: 1 });
    assert.deepEqual(score.falseEventDocuments, { accuracy: 0.5, correct: 1, total: 2, ids: ['a'] });

    assert.deepEqual(score.kind, { accuracy: 2 / 3, correct: 2, total: 3 });
    // a: alias and code; b: the issuer is missed; c: none stated, none predicted.
    assert.equal(score.issuer.correct, 2);
    assert.equal(score.date.correct, 2);
    assert.equal(score.reportFields.broker.correct, 1);
    assert.equal(score.reportFields.analysts.correct, 1);
    assert.equal(score.reportFields.certificates.correct, 1);
    assert.deepEqual(score.reportFields.rating, { accuracy: 0, correct: 0, total: 1 });
    // The gold report does not state a rating change, so it is not scored.
    assert.equal(score.reportFields.ratingChange.total, 0);
    assert.equal(score.reportFields.targetPrice.correct, 1);
  });

  it('counts a gold document without a prediction as empty, and complete records when all roles are right', () => {
    const score = scoreRealDocs(gold.slice(0, 1), { a: { event_list: [pledge] } });
    assert.deepEqual(score.completeRecords, { accuracy: 1, correct: 1, total: 1 });
    assert.equal(score.arguments.f1, 1);

    const none = scoreRealDocs(gold.slice(0, 1), {});
    assert.deepEqual(none.documents.missingPredictions, ['a']);
    assert.equal(none.arguments.recall, 0);
    assert.equal(none.falseEventDocuments.correct, 0);
  });
});

describe('scoreRealDocs header fields', () => {
  it('skips null gold dates and redacted analysts, takes a price inside a gold range and any printed code', () => {
    const gold: GoldDocument[] = [
      goldDoc('r', [], {
        kind: 'research_report',
        scope: 'header-only',
        date: null,
        issuer: { name: '示例股份有限公司', code: '000570', codes: ['000570', '200570'] },
        report: {
          broker: '某证券',
          analysts: [{ name: null, certificate: null }],
          rating: null,
          ratingChange: null,
          targetPrice: { value: null, currency: 'CNY', min: 12, max: 14 },
        },
      }),
    ];
    const score = scoreRealDocs(gold, {
      r: {
        event_list: [],
        document: {
          kind: 'research_report',
          issuer: { name: '示例股份有限公司', code: '200570' },
          date: '2025-01-01',
          report: { broker: '某证券', analysts: [], targetPrice: { value: 13.5, currency: 'CNY' } },
        },
      },
    });
    assert.equal(score.date.total, 0);
    assert.equal(score.reportFields.analysts.total, 0);
    assert.equal(score.reportFields.certificates.total, 0);
    assert.deepEqual(score.reportFields.targetPrice, { accuracy: 1, correct: 1, total: 1 });
    assert.deepEqual(score.issuer, { accuracy: 1, correct: 1, total: 1 });

    const outside = scoreRealDocs(gold, {
      r: {
        event_list: [],
        document: {
          issuer: { name: '示例股份有限公司', code: '600000' },
          report: { targetPrice: { value: 15, currency: 'CNY' } },
        },
      },
    });
    assert.equal(outside.reportFields.targetPrice.correct, 0);
    assert.equal(outside.issuer.correct, 0);

    // A range written as arguments write it ({value: {min, max}}), and a predicted range: both ends must agree.
    const asArgument = structuredClone(gold);
    (asArgument[0]?.report as { targetPrice: unknown }).targetPrice = {
      value: { min: 12, max: 14 },
      currency: 'CNY',
    };
    const predictedRange = (max: number): Parameters<typeof scoreRealDocs>[1] => ({
      r: {
        event_list: [],
        document: { report: { targetPrice: { value: 12, currency: 'CNY', min: 12, max } } },
      },
    });
    assert.equal(scoreRealDocs(asArgument, predictedRange(14)).reportFields.targetPrice.correct, 1);
    assert.equal(scoreRealDocs(asArgument, predictedRange(13)).reportFields.targetPrice.correct, 0);
  });
});

describe('loadRealDocsGold and goldRecordProblems', () => {
  it('reads every jsonl file of a folder and reports schema problems', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'realdocs-'));
    try {
      const bad = goldDoc('bad', [{ event_type: '质押', arguments: [arg('回购方', '甲公司')] }]);
      await writeFile(join(dir, 'a.jsonl'), `${JSON.stringify(goldDoc('ok', []))}\n\n`);
      await writeFile(join(dir, 'b.jsonl'), `${JSON.stringify(bad)}\n`);
      await writeFile(join(dir, 'notes.md'), 'not gold');
      const docs = await loadRealDocsGold(dir);
      assert.deepEqual(
        docs.map((d) => d.id),
        ['ok', 'bad'],
      );
      assert.deepEqual(goldRecordProblems(docs[0] as GoldDocument), []);
      assert.deepEqual(goldRecordProblems(docs[1] as GoldDocument), ['bad: 质押 has no role 回购方']);
      assert.deepEqual(goldRecordProblems(goldDoc('t', [{ event_type: '分红', arguments: [] }])), [
        't: unknown event type 分红',
      ]);
      const values = goldDoc('v', [
        {
          event_type: '亏损',
          arguments: [arg('财报周期', '2025年第一季度', '2025-Q1'), arg('披露时间', '3月', '2025年3月')],
        },
        { event_type: '高管变动', arguments: [arg('变动类型', '辞去', '辞任')] },
      ]);
      assert.deepEqual(goldRecordProblems(values), ['v: 亏损.披露时间 date value 2025年3月 is not ISO']);

      const predictedFile = join(dir, 'predicted.jsonl');
      await writeFile(predictedFile, `${JSON.stringify({ id: 'ok', event_list: [] })}\n`);
      assert.deepEqual([...(await loadPredictions(predictedFile)).keys()], ['ok']);
      await writeFile(predictedFile, `${JSON.stringify({ event_list: [] })}\n`);
      await assert.rejects(loadPredictions(predictedFile), /without an id/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
