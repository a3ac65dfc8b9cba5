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

  it('matches an amount range with the same range or a figure inside it, and a same range as distinctive', () => {
    const buyer = { relationship: 'BUYER_BACK', key: 'issuer' };
    const undated = { type: '股份回购', date: null, published: [], parties: [buyer], shares: null };
    const plan = { ...stored, ...undated, amount: 1e8, amountLow: 5e7, currency: 'CNY' };
    // Two undated news items copying one plan of 0.5亿元-1亿元: one shared party and the same range.
    const same = one({ ...undated, amount: 1e8, amountLow: 5e7, currency: 'CNY' }, plan);
    assert.match(same?.reason ?? '', /no dates to compare; the same amount range on both sides/);
    assert.equal(
      one({ ...undated, amount: 1e8, amountLow: 2e7, currency: 'CNY' }, plan),
      null,
      'another lower end is another plan',
    );
    // The upper end alone is a round figure: a single 1亿元 does not join an undated plan by itself.
    assert.equal(one({ ...undated, amount: 1e8, currency: 'CNY' }, plan), null);
    // Dated by publication, a figure inside the range agrees and one outside it conflicts.
    const dated = { ...undated, published: ['2024-03-20'] };
    const planDated = { ...plan, published: ['2024-03-12'] };
    assert.match(
      one({ ...dated, amount: 7.5e7, currency: 'CNY' }, planDated)?.reason ?? '',
      /amount agree within 1 %/,
    );
    assert.equal(one({ ...dated, amount: 3e8, currency: 'CNY' }, planDated), null, 'outside the range');
  });

  it("with no dates, takes the telling document's company as a second party when a figure agrees", () => {
    const regulator = { relationship: 'PENALISING_AUTHORITY', key: 'org:证监会' };
    const penalised = { relationship: 'PENALISED_PARTY', key: 'issuer' };
    const undated = { type: '行政处罚', date: null, published: [], shares: null };
    const first = {
      ...stored,
      ...undated,
      amount: 600_000,
      parties: [regulator, penalised],
      about: ['issuer'],
    };
    // The second item's record names the regulator and the fine; the company is the one it is about.
    const second = { ...undated, amount: 600_000, parties: [regulator] };
    assert.match(
      one({ ...second, about: ['issuer'] }, first)?.reason ?? '',
      /no dates to compare; issuer is the telling document's company; amount agree/,
    );
    assert.equal(one(second, first), null, 'an item about no party of the event');
    assert.equal(one({ ...second, about: ['issuer'], amount: 300_000 }, first), null, 'another fine');
    assert.equal(one({ ...second, about: ['issuer'], amount: null }, first), null, 'no figure');
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
