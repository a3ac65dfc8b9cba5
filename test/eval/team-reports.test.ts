/**
 * The team's broker-report gold (data/team-reports/reports.jsonl) is well-formed and its spans slice each
 * value out of the corpus text (skipped when ../shared is absent); the scorer counts stated fields and
 * false values as documented.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultDatasetsDir } from '../../src/config/index.js';
import { parseCorpusId, readCorpusTexts } from '../../src/eval/realdocs.js';
import {
  loadTeamReports,
  scoreTeamReports,
  spanProblems,
  type TeamReportDocument,
} from '../../src/eval/team-reports.js';
import { TEAM_REPORTS_FILE } from '../../src/eval/team-reports-run.js';
import { DOCUMENT_KINDS } from '../../src/vocabulary/document-kinds.js';

const datasets = defaultDatasetsDir();

describe('committed team-reports gold', () => {
  it('has one well-formed record per sampled document: the first sample every third held out, the second all dev', async () => {
    const docs = await loadTeamReports(TEAM_REPORTS_FILE);
    const first = docs.filter((d) => d.batch === undefined);
    const second = docs.filter((d) => d.batch === 'second-sample');
    assert.equal(first.length, 130);
    assert.equal(second.length, 45);
    assert.equal(first.length + second.length, docs.length, 'unknown batch');
    assert.equal(new Set(docs.map((d) => d.id)).size, docs.length, 'duplicate ids');
    for (const doc of second) assert.equal(doc.split, 'dev', `${doc.id}: split`);
    docs.forEach((doc, i) => {
      assert.ok(parseCorpusId(doc.id), `bad corpus id ${doc.id}`);
      assert.ok((DOCUMENT_KINDS as readonly string[]).includes(doc.kind), `${doc.id}: kind ${doc.kind}`);
      if (doc.batch === undefined)
        assert.equal(doc.split, (i + 1) % 3 === 0 ? 'held-out' : 'dev', `${doc.id}: split`);
      assert.equal(
        doc.report === null,
        doc.kind !== 'research_report',
        `${doc.id}: report iff research report`,
      );
      for (const a of doc.report?.analysts ?? [])
        assert.ok(
          a.certificate === null || /^[SA]\d{13}$/.test(a.certificate),
          `${doc.id}: ${a.certificate}`,
        );
    });
  });

  it('gives spans that slice each value out of the corpus text', async (t) => {
    if (!existsSync(join(datasets, 'corpus')))
      return t.skip(`corpus not found under ${datasets} (set DATASETS_DIR)`);
    const docs = await loadTeamReports(TEAM_REPORTS_FILE);
    const texts = await readCorpusTexts(
      datasets,
      docs.map((d) => d.id),
    );
    const problems = docs.flatMap((doc) => {
      const text = texts.get(doc.id);
      return text === undefined ? [`${doc.id}: no such line`] : spanProblems(doc, text);
    });
    assert.deepEqual(problems, []);
    // Every stated broker, rating and certificate is located.
    for (const doc of docs) {
      const fields = new Set(doc.spans.map((s) => s.field));
      if (doc.report?.broker) assert.ok(fields.has('broker'), `${doc.id}: broker span`);
      if (doc.report?.rating) assert.ok(fields.has('rating'), `${doc.id}: rating span`);
    }
  });
});

describe('spanProblems', () => {
  const doc: TeamReportDocument = {
    id: 'corpus:x:0',
    source: 'corpus/x.jsonl:0',
    origin: 'o/r',
    split: 'dev',
    kind: 'research_report',
    report: {
      broker: '某某证券',
      analysts: [{ name: '张三', certificate: 'S0000000000001' }],
      rating: '买入',
      ratingChange: null,
      targetPrice: { value: 12.5, currency: 'CNY' },
      stock: null,
      date: '2021-03-05',
    },
    spans: [
      { field: 'broker', start: 0, end: 4 },
      { field: 'analysts.0.name', start: 8, end: 10 },
      { field: 'targetPrice', start: 14, end: 19 },
      { field: 'date', start: 20, end: 30 },
    ],
  };
  const text = '某某证券分析师：张三目标价：12.50 2021年3月5日';

  it('accepts spans on the printed values, a price by its number and a date by its ISO form', () => {
    assert.deepEqual(spanProblems(doc, text), []);
  });

  it('names a span that does not hold its value', () => {
    const moved = { ...doc, spans: [{ field: 'analysts.0.name', start: 7, end: 9 }] };
    assert.equal(spanProblems(moved, text).length, 1);
  });
});

describe('scoreTeamReports', () => {
  const gold = (id: string, report: TeamReportDocument['report']): TeamReportDocument => ({
    id,
    source: '',
    origin: '',
    split: 'dev',
    kind: report ? 'research_report' : 'other',
    report,
    spans: [],
  });
  const empty = {
    broker: null,
    analysts: [],
    rating: null,
    ratingChange: null,
    targetPrice: null,
    stock: null,
    date: null,
  };

  it('scores stated fields, counts change words by their move and values given where the gold has none', () => {
    const docs = [
      gold('a', { ...empty, broker: '甲证券', rating: '增持', ratingChange: '首次' }),
      gold('b', { ...empty }),
      gold('c', null),
    ];
    const predictions = new Map([
      [
        'a',
        {
          event_list: [],
          document: {
            kind: 'research_report',
            report: { broker: '甲证券', rating: '增持', ratingChange: '首次覆盖' },
          },
        },
      ],
      [
        'b',
        { event_list: [], document: { kind: 'research_report', report: { broker: '乙证券', rating: null } } },
      ],
      ['c', { event_list: [], document: { kind: 'news', report: null } }],
    ]);
    const score = scoreTeamReports(docs, predictions);
    assert.deepEqual(score.fields.broker, { accuracy: 1, correct: 1, total: 1 });
    assert.deepEqual(score.fields.ratingChange, { accuracy: 1, correct: 1, total: 1 });
    assert.deepEqual(score.falseValues.broker, { accuracy: 0.5, correct: 1, total: 2 });
    assert.deepEqual(score.kind, { accuracy: 2 / 3, correct: 2, total: 3 });
    assert.deepEqual(
      score.misses.map((m) => `${m.id} ${m.field}`),
      ['b broker', 'c kind'],
    );
  });
});

describe('team-reports agreement sample', () => {
  it("keeps the second annotator's 30 reports, well-formed and with spans on their values", async (t) => {
    const second = await loadTeamReports(
      join(TEAM_REPORTS_FILE, '..', 'agreement', 'second-annotator.jsonl'),
    );
    assert.equal(second.length, 30);
    if (!existsSync(join(datasets, 'corpus')))
      return t.skip(`corpus not found under ${datasets} (set DATASETS_DIR)`);
    const texts = await readCorpusTexts(
      datasets,
      second.map((d) => d.id),
    );
    assert.deepEqual(
      second.flatMap((doc) => spanProblems(doc, texts.get(doc.id) ?? '')),
      [],
    );
  });
});
