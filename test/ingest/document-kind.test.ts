import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guessKind } from '../../src/ingest/index.js';
import { isDocumentKind } from '../../src/vocabulary/document-kinds.js';

describe('guessKind', () => {
  it('reads the kind from the file name', () => {
    assert.equal(guessKind('samples/ann-600519-2024.pdf'), 'announcement');
    assert.equal(guessKind('贵州茅台：2024年年度报告公告.pdf'), 'announcement');
    assert.equal(guessKind('rr-citic-600519.pdf'), 'research_report');
    assert.equal(guessKind('中信证券-茅台深度研报.pdf'), 'research_report');
    assert.equal(guessKind('news-20250101.html'), 'news');
    assert.equal(guessKind('notes.txt'), 'other');
  });

  it('looks at the base name only, and needs a separator after the prefix', () => {
    assert.equal(guessKind('/data/rr-folder/notes.txt'), 'other');
    assert.equal(guessKind('annual.pdf'), 'other');
    assert.equal(guessKind('error-log.txt'), 'other');
  });

  it('prefers research_report when a report is about an announcement', () => {
    assert.equal(guessKind('研报-点评公告.pdf'), 'research_report');
  });
});

describe('isDocumentKind', () => {
  it('accepts the four kinds only', () => {
    for (const kind of ['announcement', 'research_report', 'news', 'other']) assert.ok(isDocumentKind(kind));
    for (const value of ['Announcement', '', 'report', 3, undefined])
      assert.equal(isDocumentKind(value), false);
  });
});
