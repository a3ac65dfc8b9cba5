/**
 * A suit's record through the whole reading (parse → link → assemble): where the fixed wording names each
 * side, the model's sentence reading, which here swaps them, gives way. The model is a stand-in that reads
 * the suit backwards; the wording is written for this test.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExtractionResult } from '../../src/extract/index.js';
import { loadEventRoles } from '../../src/link/index.js';
import { readStandalone } from '../../src/pipeline/index.js';

const PLAINTIFF = '北京山海网络科技有限公司';
const DEFENDANT = '深圳市远航信息技术有限公司';

/** A model that reads the suit with plaintiff and defendant swapped. */
const backwards = {
  modelVersion: 'test',
  usesKnowledge: false,
  async extract(texts: readonly string[]): Promise<ExtractionResult[]> {
    return texts.map((text) => {
      const p = text.indexOf(PLAINTIFF);
      const d = text.indexOf(DEFENDANT);
      const t = text.indexOf('诉至');
      if (p < 0 || d < 0 || t < 0) return { modelVersion: 'test', entities: [], events: [] };
      const span = (role: string, at: number, name: string) => ({
        role,
        text: name,
        start: at,
        end: at + name.length,
        confidence: 0.95,
      });
      return {
        modelVersion: 'test',
        entities: [],
        events: [
          {
            type: '起诉',
            trigger: { text: '诉至', start: t, end: t + 2, confidence: 0.95 },
            arguments: [span('sub-org', d, DEFENDANT), span('obj-org', p, PLAINTIFF)],
            confidence: 0.95,
          },
        ],
      };
    });
  },
} as unknown as Parameters<typeof readStandalone>[1]['extractor'];

describe('起诉 records', () => {
  it('take the sides the wording names, not the model reading them swapped', async () => {
    const text = ['首例刷单案宣判', `原告${PLAINTIFF}将被告${DEFENDANT}诉至法院，要求赔偿经济损失。`].join(
      '\n',
    );
    const { graph } = await readStandalone(
      { bytes: new TextEncoder().encode(text), fileName: 'news.txt' },
      { extractor: backwards, eventTypes: loadEventRoles() },
    );
    const suits = graph.events.filter((e) => e.documentType === '起诉');
    assert.equal(suits.length, 1);
    const side = (role: string) =>
      (suits[0]?.arguments ?? []).filter((a) => a.documentRole === role).map((a) => a.text);
    assert.deepEqual(side('原告'), [PLAINTIFF]);
    assert.deepEqual(side('被告'), [DEFENDANT]);
  });
});
