/**
 * Entity F1 on the FinNER (BBT-FinCUGE) eval split, the entity dev set used in training. FinNER labels are
 * surface strings without offsets, so scoring compares per-sentence sets of (mention text, entity type),
 * micro-averaged, exactly as the training side's evaluate.py does.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventExtractor, ExtractOptions } from '../extract/event-extractor.js';
import type { ModelConfig } from '../extract/types.js';
import { type Prf, prf } from './event-metrics.js';

/**
 * FinNER's own labels → the schema's entity types (the mapping the training data was built with,
 * models/training/prepare.py FINNER_MAP). Labels not listed are not scored.
 */
export const FINNER_TYPE_MAP: Readonly<Record<string, string>> = {
  公司: 'company',
  人物: 'person',
  其他机构: 'organization',
  政府机构: 'government',
  '头衔/职务': 'position',
  '国家/地区': 'location',
  地址: 'location',
  产品: 'product',
  '行业/领域': 'industry',
  '政策/文件': 'policy',
  会议: 'meeting',
};

export interface EntityDevSentence {
  text: string;
  /** Gold (mention, type) pairs as keys `mention\u0000type`. */
  gold: Set<string>;
}

export const entityKey = (mention: string, type: string) => `${mention}\u0000${type}`;

export function parseFinnerRecords(
  raw: unknown,
  config: Pick<ModelConfig, 'entityTypes'>,
): EntityDevSentence[] {
  if (!Array.isArray(raw)) throw new Error('FinNER split must be a JSON array');
  return raw.map((record, i) => {
    const { text, labels } = record as { text?: unknown; labels?: unknown };
    if (typeof text !== 'string' || !Array.isArray(labels))
      throw new Error(`FinNER record ${i} is malformed`);
    const gold = new Set<string>();
    for (const label of labels) {
      if (typeof label !== 'string') continue;
      const cut = label.lastIndexOf(':');
      if (cut < 0) continue;
      const type = FINNER_TYPE_MAP[label.slice(cut + 1)];
      if (type && config.entityTypes.includes(type)) gold.add(entityKey(label.slice(0, cut), type));
    }
    return { text, gold };
  });
}

export async function readEntityDevSet(
  datasetsDir: string,
  config: Pick<ModelConfig, 'entityTypes'>,
): Promise<EntityDevSentence[]> {
  const path = join(datasetsDir, 'finner-bbt', 'eval_list.json');
  return parseFinnerRecords(JSON.parse(await readFile(path, 'utf8')), config);
}

export async function evaluateEntities(
  extractor: EventExtractor,
  sentences: readonly EntityDevSentence[],
  options: ExtractOptions = {},
): Promise<Record<string, Prf>> {
  let correct = 0;
  let predicted = 0;
  let gold = 0;
  const perCall = 256;
  for (let i = 0; i < sentences.length; i += perCall) {
    const slice = sentences.slice(i, i + perCall);
    const results = await extractor.extract(
      slice.map((s) => s.text),
      options,
    );
    results.forEach((result, k) => {
      const expected = (slice[k] as EntityDevSentence).gold;
      const found = new Set(result.entities.map((e) => entityKey(e.text, e.type)));
      gold += expected.size;
      predicted += found.size;
      for (const key of found) if (expected.has(key)) correct++;
    });
  }
  return { 'FinNER eval': prf(correct, predicted, gold) };
}
