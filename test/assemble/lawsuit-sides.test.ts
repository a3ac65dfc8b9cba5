import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fillers, mention, records } from '../support/record-mentions.js';

describe('lawsuit sides: one party is never both', () => {
  it('keeps a name read on both sides of a suit as the party sued, and two different parties as they are', () => {
    const served = '远山科技收到法院送达的应诉通知书，远山科技被投资者起诉。';
    const [both] = records([
      mention('起诉', 0, served, '起诉', [
        ['sub-org', '远山科技'],
        ['obj-org', '远山科技'],
      ]),
    ]);
    assert.deepEqual(fillers(both, '原告'), []);
    assert.deepEqual(fillers(both, '被告'), ['远山科技']);
    const sued = '青川公司起诉远山科技。';
    const [two] = records([
      mention('起诉', 0, sued, '起诉', [
        ['sub-org', '青川公司'],
        ['obj-org', '远山科技'],
      ]),
    ]);
    assert.deepEqual([fillers(two, '原告'), fillers(two, '被告')], [['青川公司'], ['远山科技']]);
  });
});
