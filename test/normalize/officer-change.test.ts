import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentValue, officerChangeLabel } from '../../src/normalize/index.js';

describe("officer change words labelled as the guideline's 变动类型 values", () => {
  it('labels leaving, appointment, end of term, removal and transfer', () => {
    const cases: [string, string][] = [
      ['辞去', '辞任'],
      ['请辞', '辞任'],
      ['离职', '辞任'],
      ['卸任', '辞任'],
      ['聘任', '任命'],
      ['获委任', '任命'],
      ['补选', '任命'],
      ['出任', '任命'],
      ['担任', '任命'],
      ['不再担任', '离任'],
      ['任期届满', '离任'],
      ['撤职', '免职'],
      ['免去', '免职'],
      ['转任', '调任'],
    ];
    for (const [word, label] of cases) assert.equal(officerChangeLabel(word), label, word);
  });

  it('gives no label to words of no change, and the label as the value of kind change', () => {
    assert.equal(officerChangeLabel('公告'), undefined);
    assert.deepEqual(documentValue('change', '辭任'), { display: '辞任', value: '辞任' });
    assert.equal(documentValue('change', '董事'), null);
  });
});
