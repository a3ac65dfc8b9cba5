import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { queryOutput } from '../../../src/cli/commands/query.js';

describe('queryOutput', () => {
  it('prints each row as a JSON line and says when there are none or more', () => {
    const rows = [{ name: '远山科技', events: 2 }];
    assert.deepEqual(queryOutput({ columns: ['name', 'events'], rows, truncated: false }, 1000), {
      lines: ['{"name":"远山科技","events":2}'],
    });
    assert.deepEqual(queryOutput({ columns: ['name'], rows: [], truncated: false }, 1000), {
      lines: [],
      note: '(no rows)',
    });
    assert.deepEqual(queryOutput({ columns: ['name', 'events'], rows, truncated: true }, 1), {
      lines: ['{"name":"远山科技","events":2}'],
      note: '(stopped at 1 rows)',
    });
  });
});
