/**
 * The committed gold files (data/realdocs/*.jsonl) are well-formed: known types and roles, unique ids, and
 * for corpus records, offsets that slice the argument out of the corpus text (skipped when ../shared is absent).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultDatasetsDir, projectRoot } from '../../src/config/index.js';
import { readDoubleAnnotation } from '../../src/eval/annotation-agreement.js';
import {
  type GoldDocument,
  goldRecordProblems,
  loadRealDocsGold,
  parseCorpusId,
  readCorpusTexts,
} from '../../src/eval/realdocs.js';

const datasets = defaultDatasetsDir();
const GOLD_DIRS = [join(projectRoot, 'data', 'realdocs'), join(projectRoot, 'data', 'team-events')];

for (const goldDir of GOLD_DIRS)
  describe(`committed gold in ${goldDir}`, () => {
    it('has well-formed records with unique ids', async () => {
      const docs = await loadRealDocsGold(goldDir);
      assert.ok(docs.length > 0, `no gold records in ${goldDir}`);
      assert.deepEqual(docs.flatMap(goldRecordProblems), []);
      const ids = docs.map((d) => d.id);
      assert.equal(new Set(ids).size, ids.length, 'duplicate ids');
    });

    it('gives corpus arguments offsets that slice their text out of the corpus document', async (t) => {
      const docs = (await loadRealDocsGold(goldDir)).filter((d) => d.id.startsWith('corpus:'));
      if (docs.length === 0) return t.skip('no corpus records committed');
      for (const doc of docs) assert.ok(parseCorpusId(doc.id), `bad corpus id ${doc.id}`);
      if (!existsSync(join(datasets, 'corpus')))
        return t.skip(`corpus not found under ${datasets} (set DATASETS_DIR)`);
      const texts = await readCorpusTexts(
        datasets,
        docs.map((d) => d.id),
      );
      const wrong: string[] = [];
      for (const doc of docs as GoldDocument[]) {
        const text = texts.get(doc.id);
        if (text === undefined) {
          wrong.push(`${doc.id}: no such line`);
          continue;
        }
        for (const event of doc.events) {
          for (const a of event.arguments) {
            if (a.start === undefined || a.end === undefined || text.slice(a.start, a.end) !== a.argument) {
              wrong.push(`${doc.id} ${event.event_type}.${a.role} ${a.argument} [${a.start},${a.end})`);
            }
          }
        }
      }
      assert.deepEqual(wrong, []);
    });
  });

describe('team event annotations', () => {
  const teamDir = join(projectRoot, 'data', 'team-events');

  it('puts every document in train or held-out, and the double-annotated sample in held-out', async () => {
    const docs = await loadRealDocsGold(teamDir);
    assert.deepEqual(
      docs.filter((d) => d.split !== 'train' && d.split !== 'held-out').map((d) => d.id),
      [],
    );
    const heldOut = new Set(docs.filter((d) => d.split === 'held-out').map((d) => d.id));
    const [first, second] = await readDoubleAnnotation(teamDir);
    assert.ok(first.length >= 50, 'a double-annotated sample');
    assert.deepEqual(
      first.map((d) => d.id),
      second.map((d) => d.id),
    );
    assert.deepEqual(
      first.filter((d) => !heldOut.has(d.id)).map((d) => d.id),
      [],
    );
  });
});
