import type { GraphDocument } from '../../src/link/graph-document.js';

/** A document with nothing read in it: what the worker's graph stage needs to tell jobs apart. */
export const emptyDocument = (id: string): GraphDocument => ({
  document: { id, kind: 'news', modelVersion: 'test', pageCount: 1, processedAt: '2026-01-01T00:00:00Z' },
  sentences: [],
  entities: [],
  mentions: [],
  events: [],
});
