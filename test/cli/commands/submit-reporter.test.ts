import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { LineReporter, summarizeResult } from '../../../src/cli/commands/submit-reporter.js';

describe('summarizeResult', () => {
  it('lists the counts and the total stage time', () => {
    assert.equal(
      summarizeResult({
        documentId: 'x',
        pages: 12,
        sentences: 340,
        entities: 56,
        events: 7,
        timings: { parse: 1200, extract: 2000 },
      }),
      'pages 12, sentences 340, entities 56, events 7, 3.2s',
    );
    assert.equal(summarizeResult(null), 'done');
    assert.equal(summarizeResult({}), 'done');
  });
});

describe('LineReporter', () => {
  it('prints one line per event and each stage once', () => {
    const out = new PassThrough();
    const reporter = new LineReporter(out);
    reporter.queued('a.pdf', { jobId: 'j1', documentId: 'abcdef0123456789', duplicate: true });
    reporter.progress('a.pdf', 'parse', 10);
    reporter.progress('a.pdf', 'parse', 20);
    reporter.finished('a.pdf', {
      jobId: 'j1',
      state: 'failed',
      error: { code: 'corrupt_pdf', message: 'broken' },
    });
    reporter.rejected('b.pdf', 'too large');
    assert.deepEqual(String(out.read()).trimEnd().split('\n'), [
      'queued   a.pdf  job j1  document abcdef012345 (already queued)',
      'parse    a.pdf',
      'FAILED   a.pdf  [corrupt_pdf] broken',
      'rejected b.pdf  too large',
    ]);
  });
});
