import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { EventExtractor } from '../../src/extract/event-extractor.js';
import { KNOWLEDGE_FEATURES_VERSION, KnownNames } from '../../src/extract/knowledge-features.js';
import type { ExtractionResult } from '../../src/extract/types.js';
import { WORD_FEATURES_VERSION } from '../../src/extract/word-features.js';
import { MODEL_DIR, missingModel } from './committed-model.js';
import { KNOWLEDGE_MODEL_DIR, LOOKUP_MODEL_DIR } from './lookup-model.js';

const load = () =>
  EventExtractor.load({ modelDir: LOOKUP_MODEL_DIR, precision: 'fp32', batching: { maxBatchSize: 2 } });

describe('EventExtractor on the lookup fixture', () => {
  it('finds events, arguments and entities with UTF-16 offsets into the original text', async () => {
    const extractor = await load();
    const text = '甲的乙质押公司';
    const [result] = await extractor.extract([text]);
    assert.ok(result);
    assert.equal(result.modelVersion, 'lookup-fixture-1');
    assert.deepEqual(
      result.entities.map((e) => [e.type, e.text, e.start, e.end]),
      [['company', '公司', 5, 7]],
    );
    assert.equal(result.events.length, 1);
    const [event] = result.events;
    assert.equal(event?.type, '质押');
    assert.deepEqual(event?.trigger && [event.trigger.text, event.trigger.start, event.trigger.end], [
      '质押',
      3,
      5,
    ]);
    assert.deepEqual(
      event?.arguments.map((a) => [a.role, a.text, a.start, a.end]),
      [['sub-org', '甲的乙', 0, 3]],
    );
    for (const e of result.entities) assert.equal(text.slice(e.start, e.end), e.text);
    assert.ok((event?.confidence ?? 0) > 0.99);
  });

  it('keeps offsets right around astral characters and full-width input', async () => {
    const extractor = await load();
    const [result] = await extractor.extract(['𠀀标']);
    const [event] = result?.events ?? [];
    assert.equal(event?.type, '中标');
    assert.deepEqual(event?.trigger && [event.trigger.start, event.trigger.end], [2, 3]);
    assert.deepEqual(
      event?.arguments.map((a) => [a.role, a.text, a.start, a.end]),
      [['obj', '𠀀', 0, 2]],
    );
  });

  it('windows a text longer than max_len and merges the windows back', async () => {
    const extractor = await load();
    assert.equal(extractor.config.maxLen, 8);
    const text = 'aaaaaa公司aaaa甲乙质押';
    const [result] = await extractor.extract([text]);
    assert.deepEqual(
      result?.entities.map((e) => [e.type, e.start, e.end]),
      [['company', 6, 8]],
    );
    assert.deepEqual(
      result?.events.map((e) => [e.type, e.trigger.start, e.arguments.map((a) => [a.role, a.text])]),
      [['质押', 14, [['sub-org', '甲乙']]]],
    );
  });

  it('returns one result per text, in input order, whatever the batching', async () => {
    const extractor = await load();
    const texts = ['公司', '', 'aaaaaaaaaaaaaaaaaaaa公司', '质押', '无关文本'];
    const results = await extractor.extract(texts);
    assert.equal(results.length, texts.length);
    assert.deepEqual(
      results.map((r) => r.entities.length + r.events.length),
      [1, 0, 1, 1, 0],
    );
    assert.equal(results[2]?.entities[0]?.start, 20);
  });

  it('splits long documents on sentence ends and keeps document offsets', async () => {
    const extractor = await load();
    const doc = '无关的一句话。甲乙质押。公司公司。';
    const [result] = await extractor.extractDocuments([doc]);
    assert.deepEqual(
      result?.entities.map((e) => doc.slice(e.start, e.end)),
      ['公司', '公司'],
    );
    assert.equal(result?.events[0]?.trigger.start, doc.indexOf('质押'));
    assert.equal(result?.events[0]?.arguments[0]?.text, '甲乙');
  });

  it('fails to load a model folder that does not exist', async () => {
    await assert.rejects(EventExtractor.load({ modelDir: '/nonexistent/model' }));
  });

  it('leaves trigger-less events out of the result but keeps them at token level', async () => {
    const extractor = await load();
    // 质 marks the 质押 type and a trigger start, but no 押 ends the trigger.
    const [result] = await extractor.extract(['甲乙质']);
    assert.deepEqual(result?.events, []);
    const [decoded] = await extractor.extractTokens(['甲乙质']);
    assert.deepEqual(
      decoded?.tokens.events.map((e) => [
        e.type,
        e.trigger,
        e.arguments.map((a) => [a.label, a.start, a.end]),
      ]),
      [['质押', null, [['sub-org', 0, 2]]]],
    );
  });
});

describe('EventExtractor with the knowledge input', () => {
  const modelDir = KNOWLEDGE_MODEL_DIR;
  const loadKnowing = () =>
    EventExtractor.load({ modelDir, precision: 'fp32', batching: { maxBatchSize: 2 } });
  const pledgors = (result: ExtractionResult | undefined) =>
    (result?.events ?? []).flatMap((e) => e.arguments.map((a) => [a.role, a.text, a.start, a.end]));

  it('feeds the marks of the names it is given, in every window', async () => {
    const extractor = await loadKnowing();
    assert.equal(extractor.usesKnowledge, true);
    const text = '华夏质押的的的的的的华夏质押';
    const names = KnownNames.of([{ name: '华夏', kind: 'org' }]);
    assert.deepEqual(pledgors((await extractor.extract([text]))[0]), [], 'nothing marked, nothing found');
    // 14 characters, windows of 8: the second 华夏 lies in a later window than the first.
    assert.deepEqual(pledgors((await extractor.extract([text], { gazetteer: names }))[0]), [
      ['sub-org', '华夏', 0, 2],
      ['sub-org', '华夏', 10, 12],
    ]);
  });

  it('ignores names for a model without the input', async () => {
    const extractor = await load();
    assert.equal(extractor.usesKnowledge, false);
    const names = KnownNames.of([{ name: '甲的乙', kind: 'org' }]);
    const [plain] = await extractor.extract(['甲的乙质押']);
    const [told] = await extractor.extract(['甲的乙质押'], { gazetteer: names });
    assert.deepEqual(told, plain);
  });

  it('refuses a model trained on other knowledge marks, naming both versions', async () => {
    await assert.rejects(
      loadWithFeatures(modelDir, (features) => {
        features.knowledge.version = 'some-other-marks';
      }),
      saying(`knowledge features some-other-marks differ from ${KNOWLEDGE_FEATURES_VERSION}`),
    );
  });
});

describe('EventExtractor and the feature contract', () => {
  it('refuses a model trained on other word features, naming both versions', async () => {
    for (const dir of [LOOKUP_MODEL_DIR, KNOWLEDGE_MODEL_DIR]) {
      await assert.rejects(
        loadWithFeatures(dir, (features) => {
          features.version = 'jieba-older';
        }),
        saying(`word features jieba-older differ from ${WORD_FEATURES_VERSION}`),
      );
    }
  });

  it('refuses a model whose config names no word-feature version', async () => {
    await assert.rejects(
      loadWithFeatures(LOOKUP_MODEL_DIR, (features) => {
        delete features.version;
      }),
      /word features \(none\) differ/,
    );
  });

  it('names every difference at once', async () => {
    await assert.rejects(
      loadWithFeatures(KNOWLEDGE_MODEL_DIR, (features) => {
        features.version = 'jieba-older';
        features.knowledge.version = 'marks-older';
      }),
      /word features jieba-older differ .*; knowledge features marks-older differ/,
    );
  });

  it("loads a model whose versions are this build's", async () => {
    const extractor = await loadWithFeatures(KNOWLEDGE_MODEL_DIR, () => {});
    assert.equal(extractor.usesKnowledge, true);
  });
});

/** The fixture model in `dir`, loaded from a copy whose config.json features `edit` changed. */
async function loadWithFeatures(
  dir: string,
  edit: (features: { version?: string; knowledge: { version: string } }) => void,
): Promise<EventExtractor> {
  const copy = await mkdtemp(join(tmpdir(), 'finkg-features-'));
  try {
    for (const f of ['model.onnx', 'vocab.txt']) await copyFile(join(dir, f), join(copy, f));
    const config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8'));
    config.features.knowledge ??= {};
    edit(config.features);
    await writeFile(join(copy, 'config.json'), JSON.stringify(config));
    return await EventExtractor.load({ modelDir: copy, precision: 'fp32' });
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}

/** An assert.rejects check that the error's message holds `text`. */
function saying(text: string) {
  return (error: Error) => {
    assert.ok(error.message.includes(text), error.message);
    return true;
  };
}

describe('EventExtractor on the committed int8 model', () => {
  it('reads a sentence the same whatever it is read beside', async (t) => {
    const missing = missingModel('model.int8.onnx');
    if (missing) return t.skip(missing);
    const extractor = await EventExtractor.load({ modelDir: MODEL_DIR });
    const sentence = '公司控股股东张建华将其持有的3,000,000股公司股份质押给招商银行股份有限公司深圳分行。';
    const beside = [
      '本次回购股份的资金总额不低于人民币5,000万元且不超过人民币10,000万元，回购价格不超过每股28.50元，回购期限为自董事会审议通过之日起12个月内。',
      '中标。',
    ];
    const [alone] = await extractor.extract([sentence]);
    const among = await extractor.extract([beside[0] as string, sentence, beside[1] as string]);
    assert.ok(alone && alone.events.length > 0, 'the pledge is read');
    assert.deepEqual(among[1], alone);
  });
});
