import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recordPositions, withRecordPositions } from '../../src/assemble/person-positions.js';
import type { LinkedEntity, LinkedEvent, SentenceEvent } from '../../src/link/index.js';
import { mention, records } from '../support/record-mentions.js';

/** The mention with its 高管姓名 linked to a person of the issuer, as the linker links it. */
function withPeople(event: SentenceEvent): SentenceEvent {
  return {
    ...event,
    arguments: event.arguments.map((a) =>
      a.roleKey === 'executive' ? { ...a, entityKey: `${a.text}@603000`, label: 'Person' as const } : a,
    ),
  };
}

const person = (name: string, positions?: string[]): LinkedEntity => ({
  key: `${name}@603000`,
  label: 'Person',
  name,
  companyKey: '603000',
  ...(positions ? { positions } : {}),
});

describe('person positions: each post goes to the person its record pairs it with', () => {
  const text = '远山银行公告，副行长兼首席信息官张某因个人原因辞去职务，董事会聘任李某出任总经理。';
  const args: [string, string][] = [
    ['title', '副行长'],
    ['title', '首席信息官'],
    ['title', '总经理'],
    ['way', '辞去'],
    ['way', '出任'],
  ];
  const found = records(
    [
      withPeople(mention('高管变动', 0, text, '辞去', [['sub-per', '张某'], ...args])),
      withPeople(mention('高管变动', 0, text, '出任', [['sub-per', '李某'], ...args])),
    ],
    { sentences: [text] },
  );

  it('gives a sentence naming two officers each one their own post, not the other one’s', () => {
    const positions = recordPositions(found);
    assert.deepEqual(positions.get('张某@603000'), ['副行长']);
    assert.deepEqual(positions.get('李某@603000'), ['总经理']);
  });

  it('replaces what the sentence reading gave a person, and leaves a person no record gives a post without one', () => {
    const entities = withRecordPositions(
      [
        person('张某', ['副行长', '首席信息官', '总经理']),
        person('李某', ['副行长', '首席信息官', '总经理']),
        person('王某', ['董事长']),
        { key: '603000', label: 'Company', name: '远山银行股份有限公司' },
      ],
      found,
    );
    const of = (name: string) => entities.find((e) => e.name === name);
    assert.deepEqual(of('张某')?.positions, ['副行长']);
    assert.deepEqual(of('李某')?.positions, ['总经理']);
    assert.equal(of('王某')?.positions, undefined);
    assert.equal(of('远山银行股份有限公司')?.key, '603000');
  });

  it('in a record that still names two people, gives the posts to neither', () => {
    const arg = (roleKey: string, text: string, start: number) => ({
      role: roleKey,
      roleKey,
      sentence: 0,
      start,
      end: start + text.length,
      text,
      confidence: 0.9,
      ...(roleKey === 'executive' ? { entityKey: `${text}@603000`, label: 'Person' as const } : {}),
    });
    // 选举赵某为董事长，钱某为副董事长
    const record: LinkedEvent = {
      id: 'e',
      type: '高管变动',
      typeKey: 'executive change',
      documentType: '高管变动',
      trigger: '选举',
      confidence: 0.9,
      mentions: [],
      arguments: [
        arg('executive', '赵某', 2),
        arg('position', '董事长', 5),
        arg('executive', '钱某', 9),
        arg('position', '副董事长', 12),
      ],
    };
    const positions = recordPositions([record]);
    assert.equal(positions.get('赵某@603000'), undefined);
    assert.equal(positions.get('钱某@603000'), undefined);
  });
});
