import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatStatus } from '../../../src/cli/commands/status.js';
import { parsePublishedAt } from '../../../src/cli/commands/submit.js';

describe('formatStatus', () => {
  it('prints one labelled line per field, with the result summarized', () => {
    const text = formatStatus({
      id: '7',
      state: 'completed',
      stage: 'done',
      progress: 100,
      attemptsMade: 1,
      documentId: 'abc',
      submittedAt: '2025-01-01T00:00:00.000Z',
      finishedAt: '2025-01-01T00:00:05.000Z',
      result: { pages: 2, entities: 5, events: 1 },
    });
    assert.deepEqual(text.split('\n'), [
      'job       7',
      'state     completed (stage done, 100%)',
      'document  abc',
      'attempts  1',
      'submitted 2025-01-01T00:00:00.000Z',
      'finished  2025-01-01T00:00:05.000Z',
      'result    pages 2, entities 5, events 1',
    ]);
  });
});

describe('parsePublishedAt', () => {
  it('takes ISO dates and date-times only', () => {
    assert.equal(parsePublishedAt('2025-03-28'), '2025-03-28');
    assert.equal(parsePublishedAt('2025-03-28T09:30:00+08:00'), '2025-03-28T09:30:00+08:00');
    assert.throws(() => parsePublishedAt('2025/03/28'), /ISO date/);
    assert.throws(() => parsePublishedAt('2025-13-45'), /ISO date/);
  });
});
