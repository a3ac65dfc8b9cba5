import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Gazetteer, GraphDocument, KnownCompany, LinkedEvent } from '../../src/link/index.js';
import { linkRecordParties, loadEventRoles } from '../../src/link/index.js';

const eventTypes = loadEventRoles();

const buyback = (buyer: string): LinkedEvent => ({
  id: 'doc:e0',
  type: '股份回购',
  typeKey: 'share buy-back',
  documentType: '股份回购',
  trigger: '回购',
  confidence: 0.75,
  mentions: [],
  arguments: [
    {
      sentence: 0,
      start: 0,
      end: buyer.length,
      text: buyer,
      confidence: 0.75,
      role: '回购方',
      roleKey: 'buyer back',
      documentRole: '回购方',
    },
    {
      sentence: 0,
      start: 10,
      end: 15,
      text: '140万股',
      confidence: 0.75,
      role: '回购股份数量',
      roleKey: 'bought back quantity',
      documentRole: '回购股份数量',
      value: '1400000 shares',
    },
  ],
});

const doc = (buyer: string): GraphDocument =>
  ({
    document: { id: 'doc', kind: 'news', pageCount: 1, modelVersion: 'm', processedAt: '2026-01-01' },
    sentences: [],
    entities: [],
    mentions: [],
    events: [buyback(buyer)],
  }) as GraphDocument;

const xiaomi: KnownCompany = { key: '01810', name: '小米集团', hkCode: '01810', shortNames: ['小米集团'] };
const gazetteer = (companies: KnownCompany[]): Gazetteer & { asked: string[][] } => {
  const asked: string[][] = [];
  return {
    asked,
    async findCompanies({ names }) {
      asked.push(names);
      return companies;
    },
  };
};

describe('linkRecordParties', () => {
  it('links a rule-read company party to the one company the graph knows by that name', async () => {
    const linked = await linkRecordParties(doc('小米集团'), gazetteer([xiaomi]), eventTypes);
    const buyer = linked.events[0]?.arguments[0];
    assert.equal(buyer?.entityKey, '01810');
    assert.equal(buyer?.label, 'Company');
    assert.deepEqual(
      linked.entities.map((e) => [e.key, e.name]),
      [['01810', '小米集团']],
    );
    // Value arguments are never looked up.
    assert.equal(linked.events[0]?.arguments[1]?.entityKey, undefined);
  });

  it('leaves a name the graph does not know, or knows for two companies, as text', async () => {
    const unknown = await linkRecordParties(doc('示例集团'), gazetteer([]), eventTypes);
    // A company the graph knows by name only is left too: no document brings it later to link by.
    const unlisted = { key: 'name:示例集团', name: '示例集团', shortNames: [] };
    const byName = await linkRecordParties(doc('示例集团'), gazetteer([unlisted]), eventTypes);
    assert.equal(byName.events[0]?.arguments[0]?.entityKey, undefined);
    assert.equal(unknown.events[0]?.arguments[0]?.entityKey, undefined);
    assert.deepEqual(unknown.entities, []);
    const namesake = { ...xiaomi, key: '01811', hkCode: '01811' };
    const twice = await linkRecordParties(doc('小米集团'), gazetteer([xiaomi, namesake]), eventTypes);
    assert.equal(twice.events[0]?.arguments[0]?.entityKey, undefined);
    // A name an admin split off a company is not that company's.
    const split = { ...xiaomi, notAliases: ['小米集团'] };
    const refused = await linkRecordParties(doc('小米集团'), gazetteer([split]), eventTypes);
    assert.equal(refused.events[0]?.arguments[0]?.entityKey, undefined);
  });

  it("takes the document's own company of that name without asking the graph", async () => {
    const own = { ...doc('小米集团'), entities: [{ ...xiaomi, label: 'Company' as const }] };
    const graph = gazetteer([]);
    const linked = await linkRecordParties(own, graph, eventTypes);
    assert.equal(linked.events[0]?.arguments[0]?.entityKey, '01810');
    assert.deepEqual(graph.asked, []);
    assert.equal(linked.entities.length, 1);
  });
});
