import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { defaultDatasetsDir, eventSchemaFile } from '../../src/config/index.js';
import { fewfcSplitPath, readFewfcSplit } from '../../src/eval/fewfc-dataset.js';
import {
  KNOWLEDGE_FOLDS,
  kindOfEntityTypes,
  leaveFoldOut,
  readTrainingGazetteerEntries,
  type SourcedEntry,
} from '../../src/eval/training-gazetteer.js';
import { KnownNames } from '../../src/extract/knowledge-features.js';
import { loadEventSchema } from '../../src/extract/model-config.js';

describe('training gazetteer', () => {
  it('gives a role a kind only when all its filler types agree', () => {
    assert.equal(kindOfEntityTypes(['company', 'organization', 'government']), 'org');
    assert.equal(kindOfEntityTypes(['person']), 'person');
    assert.equal(kindOfEntityTypes(['company', 'person']), undefined);
    assert.equal(kindOfEntityTypes([]), undefined);
  });

  it('leaves out the entries of one fold, from every source', () => {
    const entries: SourcedEntry[] = [0, 1, 2, 5, 6].flatMap((index) => [
      { name: `公司${index}`, kind: 'org', source: 'fewfc', index },
      { name: `人物${index}`, kind: 'person', source: 'finner', index },
    ]);
    const names = leaveFoldOut(entries, 0).map((e) => e.name);
    assert.deepEqual(names, ['公司1', '人物1', '公司2', '人物2', '公司6', '人物6']);
    assert.equal(leaveFoldOut(entries, undefined).length, entries.length);
  });

  const datasets = defaultDatasetsDir();
  const skip = existsSync(fewfcSplitPath(datasets, 'train'))
    ? false
    : `FewFC train not found under ${datasets}`;

  it('marks a training record without its own names when its fold is left out', { skip }, async () => {
    const schema = await loadEventSchema(eventSchemaFile());
    const entries = await readTrainingGazetteerEntries(datasets, schema);
    assert.ok(entries.some((e) => e.kind === 'org') && entries.some((e) => e.kind === 'person'));
    const records = await readFewfcSplit(datasets, 'train');
    // The first record with a pledgor organisation seen in no other record of another fold.
    const index = records.findIndex((r, i) =>
      r.events.some((ev) =>
        (ev.args['sub-org'] ?? []).some(
          (a) => !entries.some((e) => e.name === a.word && e.index % KNOWLEDGE_FOLDS !== i % KNOWLEDGE_FOLDS),
        ),
      ),
    );
    assert.ok(index >= 0);
    const record = records[index] as (typeof records)[number];
    const own = record.events.flatMap((ev) => ev.args['sub-org'] ?? []);
    const all = KnownNames.of(entries);
    const foldOut = KnownNames.of(leaveFoldOut(entries, index % KNOWLEDGE_FOLDS));
    const marked = (names: KnownNames) => {
      const ids = names.mark(record.content);
      return own.filter((a) => ids[a.span[0]] === 2 && ids[a.span[1] - 1] === 4).map((a) => a.word);
    };
    assert.ok(marked(all).length > marked(foldOut).length, `${record.content}: ${own.map((a) => a.word)}`);
  });
});
