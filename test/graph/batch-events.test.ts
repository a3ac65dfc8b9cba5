import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BatchEvents } from '../../src/graph/batch-events.js';
import { deriveValues, type EventSource, type StoredEvent } from '../../src/graph/event-sources.js';
import { roleRelationshipType } from '../../src/graph/relationship-types.js';
import { pledgeNotice } from '../support/pledge-notice.js';

const holder = { key: 'holder', name: '淼垚投资有限公司' };
const bank = { key: 'bank', name: '淼垚银行' };
const notice = (id: string, publishedAt: string, date: string, shares = 10_000_000) =>
  pledgeNotice({ documentId: id, title: id, publishedAt, date, shares, holder, bank });
const everything = () => true;

const source = (
  documentId: string,
  publishedAt: string | null,
  values: Partial<EventSource>,
): EventSource => ({
  documentId,
  publishedAt,
  date: null,
  amount: null,
  amountLow: null,
  currency: null,
  shares: null,
  ratio: null,
  ...values,
});

describe('deriveValues', () => {
  it('takes each value from the oldest source stating it, the amount with its own currency, undated sources last', () => {
    const values = deriveValues([
      source('c', null, { date: '2024-01-01', shares: 5 }),
      source('b', '2024-03-02', { amount: 10, currency: 'CNY', ratio: 0.5 }),
      source('a', '2024-03-02', { currency: 'USD', shares: 7 }),
    ]);
    assert.deepEqual(values, {
      date: '2024-01-01',
      amount: 10,
      amountLow: null,
      currency: 'CNY',
      shares: 7,
      ratio: 0.5,
    });
  });
});

describe('BatchEvents', () => {
  it("matches a document to the event an earlier document of the batch created, and records the join's values", () => {
    const events = new BatchEvents([], new Map());
    const first = notice('first', '2024-03-12', '2024-03-10');
    const follow = notice('follow', '2024-03-20', '2024-03-11', 12_000_000);
    assert.deepEqual(events.matchDocument(0, first, everything, false), [null]);
    const [joined] = events.matchDocument(1, follow, everything, false);
    assert.equal(joined?.id, first.events[0]?.id);
    // The event's date is derived from its oldest source (the notice's 03-10, not the follow-up's 03-11):
    // four days from 03-14, so a third telling of that day is another event.
    assert.deepEqual(
      events.matchDocument(2, notice('news', '2024-03-21', '2024-03-14', 12_000_000), everything, false),
      [null],
    );
  });

  it('leaves out parties whose entity is not there yet, so no later document matches through them', () => {
    const events = new BatchEvents([], new Map());
    events.matchDocument(0, notice('first', '2024-03-12', '2024-03-10'), () => false, false);
    assert.deepEqual(
      events.matchDocument(1, notice('follow', '2024-03-20', '2024-03-11'), everything, false),
      [null],
    );
  });

  it('sees a party late linking gave a stored event only from the document whose lookup made it', () => {
    const stored: StoredEvent = {
      id: 'stored',
      splitDocuments: [],
      type: notice('x', '2024-03-12', '2024-03-10').events[0]?.type ?? '',
      date: '2024-03-10',
      amount: null,
      amountLow: null,
      currency: null,
      shares: null,
      ratio: null,
      published: ['2024-03-12'],
      about: [],
      parties: [
        {
          relationship: roleRelationshipType('pledgor org'),
          label: 'Company',
          key: 'holder',
          relationshipId: 'r1',
        },
      ],
      sources: [source('x', '2024-03-12', { date: '2024-03-10' })],
    };
    const events = new BatchEvents([stored], new Map([['r1', 1]]));
    // The first document's own event gets no parties (their nodes are not there), so only the stored one can match.
    assert.deepEqual(
      events.matchDocument(0, notice('a', '2024-03-12', '2024-03-10'), () => false, false),
      [null],
    );
    const [match] = events.matchDocument(1, notice('b', '2024-03-12', '2024-03-10'), everything, false);
    assert.equal(match?.id, 'stored');
  });
});
