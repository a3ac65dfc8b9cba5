import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type AssembleContext,
  mergeRecordMentions,
  type RecordMention,
  toRecordMention,
} from '../../src/assemble/index.js';
import { type LinkedEvent, loadEventRoles, type SentenceEvent } from '../../src/link/index.js';

const eventTypes = loadEventRoles();
const issuer = {
  key: '603871',
  label: 'Company' as const,
  name: '华辰精密制造股份有限公司',
  shortNames: ['华辰精密'],
};

function pledge(
  sentence: number,
  pledgor: string,
  sentenceText: string,
  extra: SentenceEvent['arguments'] = [],
) {
  return {
    type: '质押',
    typeKey: 'pledge',
    trigger: '质押',
    confidence: 0.9 - sentence / 100,
    mention: { sentence, start: sentence * 100, end: sentence * 100 + 2, text: '质押', confidence: 0.9 },
    sentenceText,
    arguments: [
      {
        sentence,
        start: sentence * 100 + 5,
        end: sentence * 100 + 8,
        text: pledgor,
        confidence: 0.8,
        role: 'sub-per',
        roleKey: 'pledgor person',
        entityKey: `${pledgor}@603871`,
        label: 'Person' as const,
      },
      ...extra,
    ],
  } satisfies SentenceEvent;
}

/** Sentence i starts at i * 100, as the mentions below are placed. */
const sentenceStarts = Array.from({ length: 10 }, (_, i) => i * 100);

function mergeDocumentEvents(
  events: SentenceEvent[],
  ctx: Omit<AssembleContext, 'sentenceStarts'>,
): LinkedEvent[] {
  const full = { ...ctx, sentenceStarts };
  const mentions = events
    .map((e) => toRecordMention(e, full))
    .filter((m): m is RecordMention => m !== undefined);
  return mergeRecordMentions(mentions, full);
}

describe('document-level records', () => {
  it('merges the mentions of one announcement event and keeps every sentence as provenance', () => {
    const amount = {
      sentence: 2,
      start: 210,
      end: 215,
      text: '1,800万',
      confidence: 0.7,
      role: 'number',
      roleKey: 'pledged quantity',
      value: '18000000 shares',
    };
    const events = mergeDocumentEvents(
      [
        pledge(0, '周建平', '关于控股股东股份质押的公告'),
        pledge(2, '周建平', '周建平将其持有的1,800万股质押给某证券。', [amount]),
      ],
      { documentId: 'd', kind: 'announcement', publishedAt: '2025-03-18', issuer, eventTypes },
    );
    assert.equal(events.length, 1);
    const [event] = events;
    assert.deepEqual(
      event?.mentions.map((m) => m.sentence),
      [0, 2],
    );
    assert.equal(event?.shares, 18_000_000);
    assert.equal(
      event?.arguments.filter((a) => a.role === 'sub-per').length,
      1,
      'the pledgor is not repeated',
    );
  });

  it('keeps events apart when they name different parties in the same role', () => {
    const events = mergeDocumentEvents(
      [pledge(1, '周建平', '周建平质押了股份。'), pledge(3, '李明华', '李明华质押了股份。')],
      { documentId: 'd', kind: 'announcement', issuer, eventTypes },
    );
    assert.equal(events.length, 2);
    assert.deepEqual(
      events.map((e) => e.id),
      ['d:e0', 'd:e1'],
    );
  });

  it('dates an event by the announcement when the text says 近日, and marks it inferred', () => {
    const [event] = mergeDocumentEvents(
      [pledge(1, '周建平', '公司近日接到控股股东周建平的通知，其股份已质押。')],
      {
        documentId: 'd',
        kind: 'announcement',
        publishedAt: '2025-03-18',
        issuer,
        eventTypes,
      },
    );
    assert.equal(event?.date, '2025-03-18');
    assert.equal(event?.arguments.find((a) => a.role === 'date')?.inferred, true);
  });

  it('fills the issuer as the actor when the sentence says 公司 and no actor was read', () => {
    const bid = {
      type: '中标',
      typeKey: 'bid win',
      trigger: '中标',
      confidence: 0.9,
      mention: { sentence: 0, start: 10, end: 12, text: '中标', confidence: 0.9 },
      sentenceText: '公司于近日收到中标通知书。',
      arguments: [],
    } satisfies SentenceEvent;
    const [event] = mergeDocumentEvents([bid], { documentId: 'd', kind: 'announcement', issuer, eventTypes });
    const actor = event?.arguments.find((a) => a.documentRole === '中标公司');
    assert.equal(actor?.entityKey, '603871');
    assert.equal(actor?.inferred, true);
  });

  it('merges news mentions only when they share a party', () => {
    const events = mergeDocumentEvents(
      [
        pledge(0, '周建平', '周建平质押了股份。'),
        {
          ...pledge(1, 'x', '另一笔质押500万股。'),
          arguments: [
            {
              sentence: 1,
              start: 106,
              end: 110,
              text: '500万',
              confidence: 0.7,
              role: 'number',
              roleKey: 'pledged quantity',
            },
          ],
        },
      ],
      { documentId: 'd', kind: 'news', eventTypes },
    );
    assert.equal(events.length, 2);
  });
});
