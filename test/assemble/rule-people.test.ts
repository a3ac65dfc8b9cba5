/**
 * People that assembly's rules name reach the graph only as the linker would let them: a personal
 * name's shape (wordings written for these tests).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadEventRoles } from '../../src/link/index.js';
import { parseDocument } from '../../src/parse/index.js';
import { linkAndAssemble } from '../../src/pipeline/index.js';

async function peopleOf(lines: string[]): Promise<string[]> {
  const parsed = await parseDocument(
    Buffer.from(lines.join('\n'), 'utf8'),
    { fileName: 'x.txt', mimeType: 'text/plain', kind: 'announcement' },
    { maxBytes: 5e6, maxPages: 50 },
  );
  const graph = await linkAndAssemble({
    job: { documentId: 'x', kind: 'announcement', fileName: 'x.txt', submittedAt: '2025-03-04T00:00:00Z' },
    parsed,
    // The model read nothing: every person below comes from the rules.
    extractions: parsed.sentences.map(() => ({ modelVersion: 'test', entities: [], events: [] })),
    sentenceTexts: [],
    modelVersion: 'test',
    eventTypes: loadEventRoles(),
    gazetteer: { findCompanies: async () => [] },
  });
  return graph.entities.filter((e) => e.label === 'Person').map((e) => e.name);
}

const announcement = (body: string[]) => [
  '证券代码：600999 证券简称：远山科技 公告编号：2025-018',
  '远山科技股份有限公司',
  '关于董事辞职的公告',
  '本公司董事会及全体董事保证本公告内容不存在任何虚假记载、误导性陈述或者重大遗漏。',
  ...body,
  '特此公告。',
  '远山科技股份有限公司董事会',
  '2025年3月4日',
];

describe('people the rules name', () => {
  it('are people when the name has a personal name’s shape', async () => {
    const people = await peopleOf(
      announcement(['公司董事会于2025年3月3日收到董事张明先生提交的书面辞职报告。']),
    );
    assert.deepEqual(people, ['张明']);
  });

  it('are no people when the linker would refuse the name', async () => {
    const people = await peopleOf(
      announcement(['公司董事会于2025年3月3日收到董事于二零先生提交的书面辞职报告。']),
    );
    assert.deepEqual(people, []);
  });
});
