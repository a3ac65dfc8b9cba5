/**
 * People that assembly's rules name reach the graph only as the linker would let them: a personal
 * name's shape (wordings written for these tests).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { announcementLines, assembleRulesOnly, parseLines } from '../support/rule-text.js';

/** The people of the document's graph; the model read nothing, so every one comes from the rules. */
async function peopleOf(lines: string[]): Promise<string[]> {
  const graph = await assembleRulesOnly(await parseLines(lines));
  return graph.entities.filter((e) => e.label === 'Person').map((e) => e.name);
}

const announcement = (body: string[]) => announcementLines('关于董事辞职的公告', body, '2025年3月4日');

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
