import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type CandidateEvent,
  type EventFacts,
  matchEvents,
  significantDigits,
} from '../../src/graph/event-match.js';

const holder = { relationship: 'PLEDGOR', key: 'holder' };
const bank = { relationship: 'PLEDGEE', key: 'bank' };

const stored: CandidateEvent = {
  id: 'stored',
  type: '质押',
  date: '2024-03-10',
  shares: 10_000_000,
  published: ['2024-03-12'],
  parties: [holder, bank],
};
const told = (facts: Partial<EventFacts>): EventFacts => ({
  type: '质押',
  date: '2024-03-10',
  shares: 10_000_000,
  published: ['2024-03-20'],
  parties: [holder, bank],
  ...facts,
});
const one = (facts: Partial<EventFacts>, candidate: CandidateEvent = stored) =>
  matchEvents([told(facts)], [[candidate]])[0] ?? null;

describe('cross-document event matching', () => {
  it('joins the same type, parties, date and figures, and says why', () => {
    const match = one({});
    assert.equal(match?.id, 'stored');
    assert.match(
      match?.reason ?? '',
      /same type 质押; same parties bank, holder; event dates within 3 days; shares agree within 1 %/,
    );
    assert.equal(match?.conflicting, false);
  });

  it('takes dates within 3 days and figures within 1 % as the same', () => {
    assert.ok(one({ date: '2024-03-13', shares: 10_099_000 }));
    assert.equal(one({ date: '2024-03-14' }), null, '4 days apart');
    assert.equal(one({ date: '2024-02' }), null, 'another month');
    assert.ok(one({ date: '2024-03' }), 'a month covers its days');
  });

  it('keeps two pledges by the same holder on different dates apart', () => {
    assert.equal(one({ date: '2024-04-20' }), null);
  });

  it('never joins events whose parties fill one role differently', () => {
    assert.equal(one({ parties: [holder, { relationship: 'PLEDGEE', key: 'other bank' }] }), null);
    assert.equal(one({ type: '解除质押' }), null, 'another type');
    assert.equal(one({ parties: [] }), null, 'no party to match on');
  });

  it('keeps conflicting figures side by side only when type, every party and the date agree', () => {
    const exact = one({ shares: 12_000_000 });
    assert.equal(exact?.conflicting, true);
    assert.match(exact?.reason ?? '', /figures differ \(shares\), kept per source/);
    assert.equal(one({ shares: 12_000_000, parties: [holder] }), null, 'only shared parties');
    assert.equal(one({ shares: 12_000_000, date: null }), null, 'no date to agree on');
    assert.equal(
      one({ amount: 5e8, currency: 'USD' }, { ...stored, amount: 5e8, currency: 'CNY' })?.conflicting,
      true,
    );
  });

  it('without both event dates, needs publication within 30 days and two parties or a figure, or else both', () => {
    assert.ok(one({ date: null, published: ['2024-04-05'] }));
    assert.equal(one({ date: null, published: ['2024-05-05'] }), null, 'published too far apart');
    assert.equal(one({ date: null, shares: null, parties: [holder], published: ['2024-04-05'] }), null);
    assert.ok(one({ date: null, published: [] }), 'two parties and the shares agree');
    assert.equal(one({ date: null, shares: null, published: [] }), null, 'no figure to corroborate');
  });

  it('with no date on either side, joins one shared party when a figure stated to 3 digits agrees', () => {
    const undated = { date: null, published: [] };
    const stock = { relationship: 'STOCK_SHORT_NAME', key: 'issuer' };
    const reduction = { ...stored, type: '减持', date: null, published: [], parties: [stock] };
    const news = { type: '减持', parties: [stock], ...undated };
    const match = one(
      { ...news, shares: 10_080_000, ratio: 0.0108 },
      { ...reduction, shares: 10_080_000, ratio: 0.0108 },
    );
    assert.match(match?.reason ?? '', /no dates to compare; shares, ratio stated to 3 or more digits/);
    assert.ok(one({ ...news, amount: 113_000_000 }, { ...reduction, amount: 113_000_000 }), '1.13亿');
    // Round figures are met twice by chance: two undated pledges of 1,000万股 by one holder stay apart.
    assert.equal(
      one(
        { ...undated, parties: [holder], shares: 10_000_000 },
        { ...stored, ...undated, parties: [holder] },
      ),
      null,
    );
    assert.equal(one({ ...news, amount: 600_000 }, { ...reduction, amount: 600_000 }), null, '60万元');
    // A date on both sides still decides: the same unround figure on other dates is another event.
    assert.equal(one({ shares: 18_500_000, date: '2024-04-20' }, { ...stored, shares: 18_500_000 }), null);
  });

  it('counts significant digits of a figure', () => {
    assert.deepEqual(
      [113_000_000, 0.0108, 600_000, 10_080_000, 25_985_400, 0].map(significantDigits),
      [3, 3, 1, 4, 6, 0],
    );
  });

  it('takes the company a telling document is about as a second party (a broker note on the issuer)', () => {
    const issuer = { relationship: 'PLEDGED_SHARES_ISSUER', key: 'issuer' };
    const announced = { ...stored, date: '2024-03-10', parties: [holder, issuer], about: ['issuer'] };
    const note = { date: null, shares: null, parties: [holder], published: ['2024-03-20'] };
    const match = one({ ...note, about: ['issuer'] }, announced);
    assert.match(match?.reason ?? '', /issuer is the telling document's company/);
    assert.equal(one(note, announced), null, 'a note about no company of the event');
    assert.equal(one({ ...note, about: ['other'] }, announced), null, 'a note about another company');
    // Either side: the note stored first, the announcement telling it later.
    const stored_note = { ...stored, ...note, id: 'note', about: ['issuer'] };
    assert.equal(one({ parties: [holder, issuer], shares: null, date: null }, stored_note)?.id, 'note');
  });

  it('shares a party read under another role (投资方 for 收购方)', () => {
    const match = one({ parties: [{ relationship: 'INVESTOR', key: 'holder' }, bank] });
    assert.match(match?.reason ?? '', /same parties bank, holder/);
  });

  it('lets each stored event take at most one record of a document, the closest', () => {
    const far = told({ date: '2024-03-12' });
    const near = told({ date: '2024-03-10' });
    assert.deepEqual(
      matchEvents([far, near], [[stored], [stored]]).map((m) => m?.id ?? null),
      [null, 'stored'],
    );
  });
});
