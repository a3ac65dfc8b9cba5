/**
 * Self-training data (src/eval/pseudo-labels.ts): which texts are offered, which records the product's confidences
 * keep, and a real read of a corpus-like text by the committed model through the product's read path.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  type CorpusCandidate,
  confidentEvents,
  NearDuplicates,
  type PseudoRecord,
  pseudoLabel,
  pseudoLabelCandidates,
  pseudoLabels,
  readCandidates,
} from '../../src/eval/pseudo-labels.js';
import { EventExtractor } from '../../src/extract/event-extractor.js';
import { loadEventRoles } from '../../src/link/index.js';
import { MODEL_DIR, missingModel } from '../extract/committed-model.js';

const PENALTY =
  '证监会对示例科技股份有限公司作出行政处罚决定，对示例科技股份有限公司罚款300万元，对董事长张伟给予警告。';

function readRecord(id: string, events: PseudoRecord['events']): PseudoRecord {
  return {
    id,
    source: `corpus/c.jsonl:${id.split(':')[2]}`,
    origin: 'x',
    kind: 'news',
    scope: 'events',
    issuer: null,
    date: null,
    events,
    annotator: 'model:m',
    labelled_by: { model: 'm', thresholds: 'served' },
    split: 'train',
  };
}

const arg = (role: string, confidence: number) => ({
  role,
  documentRole: role,
  argument: 'a',
  start: 0,
  end: 1,
  confidence,
});

describe('pseudo-labels', () => {
  it('keeps confident events with their confident arguments only', () => {
    const events = [
      { event_type: '行政处罚', confidence: 0.95, arguments: [arg('处罚对象', 0.9), arg('罚款金额', 0.5)] },
      { event_type: '亏损', confidence: 0.6, arguments: [arg('公司名称', 0.99)] },
      { event_type: '企业融资', confidence: 0.99, arguments: [arg('投资方', 0.4)] },
    ];
    const kept = confidentEvents(events, { event: 0.8, argument: 0.8 });
    assert.deepEqual(
      kept.map((e) => [e.event_type, e.arguments.map((a) => a.role)]),
      [['行政处罚', ['处罚对象']]],
    );
  });

  it('keeps a text with no event as a negative but drops one whose events were all unsure', () => {
    const t = { event: 0.8, argument: 0.8 };
    const nothing = pseudoLabel(readRecord('corpus:c:0', []), t);
    assert.deepEqual(nothing?.events, []);
    assert.deepEqual(nothing?.labelled_by, { model: 'm', thresholds: t });
    const unsure = readRecord('corpus:c:1', [
      { event_type: '亏损', confidence: 0.6, arguments: [arg('公司名称', 0.99)] },
    ]);
    assert.equal(pseudoLabel(unsure, t), null);
  });

  it('keeps event-free texts up to the share of texts with events', () => {
    const sure = [{ event_type: '亏损', confidence: 0.9, arguments: [arg('公司名称', 0.9)] }];
    const read = [
      readRecord('corpus:c:3', []),
      readRecord('corpus:c:1', sure),
      readRecord('corpus:c:2', []),
      readRecord('corpus:c:0', sure),
      readRecord('corpus:c:4', []),
    ];
    const labels = pseudoLabels(read, { event: 0.8, argument: 0.8 }, 0.5);
    assert.deepEqual(
      labels.map((r) => [r.id, r.events.length]),
      [
        ['corpus:c:0', 1],
        ['corpus:c:1', 1],
        ['corpus:c:3', 0],
      ],
    );
  });

  it('tells a near-copy of an annotated text from a different one', () => {
    const annotated = new NearDuplicates([PENALTY]);
    assert.equal(annotated.has(`快讯：${PENALTY}`), true);
    assert.equal(
      annotated.has('某公司发布2023年年度报告，全年营业收入同比增长百分之十二，净利润稳定。'),
      false,
    );
  });

  it('offers unannotated news-like texts, keyword texts first, never an annotated one or its copy', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pseudo-'));
    try {
      const line = (source: string, text: string) => JSON.stringify({ source, text });
      const plain =
        '某公司发布2023年年度报告，全年营业收入同比增长百分之十二，净利润保持稳定，经营现金流改善明显，研发投入继续加大，海外业务占比提高。';
      await mkdir(join(dir, 'corpus'));
      await writeFile(
        join(dir, 'corpus', 'c.jsonl'),
        [
          line('news:a', plain),
          line('news:a', PENALTY),
          line('news:a', `快讯：${PENALTY}`),
          line('JINGEWU/Financial-Sentiment-Analysis:data/CH.csv', `股吧：${PENALTY}回购`),
          line('news:a', '太短了。'),
          line('news:a', `最新消息，示例集团宣布回购股份并增持，${plain}`),
        ].join('\n'),
      );
      const annotated = new Map([['corpus:c:1', PENALTY]]);
      const offered = await pseudoLabelCandidates(dir, annotated, 10);
      assert.deepEqual(
        offered.map((c) => [c.id, c.keywords]),
        [
          ['corpus:c:5', 2],
          ['corpus:c:0', 0],
        ],
      );
      assert.equal(offered[0]?.source, 'corpus/c.jsonl:5');
      assert.equal(offered[0]?.origin, 'news');
      assert.equal((await pseudoLabelCandidates(dir, annotated, 1)).length, 1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads a text with the committed model into records whose offsets hold their arguments', {
    timeout: 120_000,
  }, async () => {
    const missing = missingModel('model.encoder.int8.onnx');
    assert.equal(missing, false, missing || '');
    const extractor = await EventExtractor.load({ modelDir: MODEL_DIR, precision: 'int8' });
    const candidate: CorpusCandidate = {
      id: 'corpus:c:0',
      source: 'corpus/c.jsonl:0',
      origin: 'news',
      text: PENALTY,
      keywords: 1,
    };
    const seen: string[] = [];
    const { records, unreadable } = await readCandidates(extractor, loadEventRoles(), [candidate], (r) => {
      seen.push(r.id);
    });
    assert.deepEqual(unreadable, []);
    assert.deepEqual(seen, ['corpus:c:0']);
    const [record] = records;
    assert.ok(record);
    assert.equal(record.labelled_by.model, extractor.modelVersion);
    assert.ok(
      record.events.some((e) => e.event_type === '行政处罚'),
      JSON.stringify(record.events),
    );
    for (const e of record.events) {
      assert.ok(e.confidence > 0 && e.confidence <= 1);
      for (const a of e.arguments) assert.equal(PENALTY.slice(a.start, a.end), a.argument);
    }
  });
});
