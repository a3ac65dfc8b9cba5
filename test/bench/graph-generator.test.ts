import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { syntheticDocuments } from '../../bench/graph-generator.js';
import type { GraphDocument } from '../../src/link/index.js';
import { linkAndAssemble } from '../../src/pipeline/index.js';

const options = { seed: 7, companies: 30, announcements: 40, reports: 20, news: 10 };

async function linkedDocuments(): Promise<GraphDocument[]> {
  const out: GraphDocument[] = [];
  for (const doc of syntheticDocuments(options)) out.push(await linkAndAssemble(doc));
  return out;
}

describe('the query benchmark graph generator', () => {
  it('hands the product linker documents it links as a worker would: issuers, ratings, events with parties', async () => {
    const documents = await linkedDocuments();
    assert.equal(documents.length, 70);
    for (const doc of documents) {
      const { kind, issuerKey } = doc.document;
      if (kind === 'news') continue;
      // The header's stock code is the issuer (an announcement's) or the covered company (a report's).
      assert.match(issuerKey ?? '', /^\d{6}$/, `${doc.document.fileName} has no issuer`);
      assert.ok(
        doc.entities.some((e) => e.key === issuerKey && e.label === 'Company'),
        `${doc.document.fileName}: issuer ${issuerKey} is no entity of the document`,
      );
      if (kind === 'research_report') {
        assert.equal(doc.rating?.companyKey, issuerKey, `${doc.document.fileName} lost its rating`);
        assert.ok((doc.rating?.analysts.length ?? 0) > 0);
      }
    }
    const events = documents.flatMap((d) => d.events);
    assert.ok(events.length >= 40, `only ${events.length} events`);
    assert.ok(events.every((e) => e.mentions.length > 0));
    assert.ok(
      events.filter((e) => e.arguments.some((a) => a.entityKey)).length > events.length / 2,
      'most events name a linked party',
    );
    // Mentions point at the text they name.
    for (const doc of documents) {
      const text = doc.sentences.map((s) => s.text).join('\n');
      for (const m of doc.mentions) assert.equal(text.slice(m.start, m.end), m.text);
    }
  });

  it('is deterministic for a seed', async () => {
    const [a, b] = [await linkedDocuments(), await linkedDocuments()];
    assert.deepEqual(a, b);
  });
});
