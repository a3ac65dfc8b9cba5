import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { JobsOptions } from 'bullmq';
import {
  DocumentTooLargeError,
  InvalidSubmissionError,
  type JobQueue,
  submitDocument,
  submitText,
} from '../../src/ingest/index.js';
import { type DocumentJob, documentJobProblems } from '../../src/queue/index.js';
import { FilesystemDocumentStore } from '../../src/store/index.js';

/** Records what was added; answers with the proposed id unless told a job already holds the document. */
class FakeQueue implements JobQueue {
  readonly added: { name: string; data: DocumentJob; opts: JobsOptions | undefined }[] = [];
  readonly holders = new Map<string, string>();

  async add(name: string, data: DocumentJob, opts?: JobsOptions) {
    this.added.push({ name, data, opts });
    const holder = opts?.deduplication ? this.holders.get(opts.deduplication.id) : undefined;
    if (holder) return { id: holder };
    if (opts?.deduplication && opts.jobId) this.holders.set(opts.deduplication.id, opts.jobId);
    return { id: opts?.jobId };
  }
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const pdf = new TextEncoder().encode('%PDF-1.7\n贵州茅台 2024 年年度报告\n%%EOF\n');

describe('submitDocument', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'finkg-submit-'));
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const deps = (queue = new FakeQueue(), maxDocumentBytes = 1024) => ({
    queue,
    store: new FilesystemDocumentStore(path.join(root, 'documents')),
    maxDocumentBytes,
  });
  const storedFiles = async () =>
    (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;

  it('stores the bytes and queues a valid job that points at them', async () => {
    const d = deps();
    const result = await submitDocument(d, {
      bytes: pdf,
      fileName: 'ann-600519.pdf',
      mimeType: 'application/pdf',
      kind: 'announcement',
      title: '2024 年年度报告',
      publishedAt: '2025-03-28',
      source: { url: 'https://example.com/a.pdf', name: undefined },
    });
    assert.equal(result.documentId, sha256(pdf));
    assert.equal(result.duplicate, false);
    const [added] = d.queue.added;
    assert.ok(added);
    assert.equal(added.name, 'document');
    assert.equal(added.opts?.jobId, result.jobId);
    assert.deepEqual(added.opts?.deduplication, { id: result.documentId });
    assert.deepEqual(documentJobProblems(added.data), []);
    assert.equal(added.data.storeKey, result.documentId);
    assert.equal(added.data.text, undefined);
    assert.deepEqual(added.data.source, { url: 'https://example.com/a.pdf' });
    assert.ok(!Number.isNaN(Date.parse(added.data.submittedAt)));
    assert.deepEqual(await d.store.get(result.documentId), pdf);
  });

  it('gives the same bytes the same documentId and reports the job already queued', async () => {
    const d = deps();
    const first = await submitDocument(d, { bytes: pdf, kind: 'announcement' });
    const second = await submitDocument(d, { bytes: Uint8Array.from(pdf), kind: 'other' });
    assert.equal(second.documentId, first.documentId);
    assert.equal(second.jobId, first.jobId);
    assert.equal(second.duplicate, true);
  });

  it('rejects a document over the limit before storing anything', async () => {
    const before = await storedFiles();
    await assert.rejects(
      submitDocument(deps(new FakeQueue(), 10), { bytes: pdf, kind: 'news' }),
      (error: unknown) =>
        error instanceof DocumentTooLargeError && error.limit === 10 && error.size === pdf.length,
    );
    assert.equal(await storedFiles(), before);
  });

  it('rejects bad metadata, naming each field, before storing anything', async () => {
    const d = deps();
    const bytes = new TextEncoder().encode('never stored');
    await assert.rejects(
      submitDocument(d, { bytes, kind: 'memo', publishedAt: 'yesterday' }),
      (error: unknown) => {
        assert.ok(error instanceof InvalidSubmissionError);
        assert.equal(error.problems.length, 2, error.problems.join('\n'));
        assert.match(
          error.problems[0] ?? '',
          /^kind: must be one of announcement, research_report, news, other/,
        );
        assert.match(error.problems[1] ?? '', /^publishedAt: /);
        return true;
      },
    );
    assert.equal(await d.store.has(sha256(bytes)), false);
    assert.equal(d.queue.added.length, 0);
  });

  it('rejects a publishedAt that names no real day', async () => {
    const d = deps();
    for (const publishedAt of ['2025-02-30', '2024-04-31T09:30:00+08:00']) {
      await assert.rejects(
        submitDocument(d, { bytes: new TextEncoder().encode(publishedAt), kind: 'news', publishedAt }),
        (error: unknown) =>
          error instanceof InvalidSubmissionError && /^publishedAt: /.test(error.problems[0] ?? ''),
        publishedAt,
      );
    }
    assert.equal(d.queue.added.length, 0);
  });

  it('rejects an empty file', async () => {
    await assert.rejects(
      submitDocument(deps(), { bytes: new Uint8Array(), kind: 'news' }),
      (error: unknown) => error instanceof InvalidSubmissionError && /empty/.test(error.message),
    );
  });
});

describe('submitText', () => {
  it('puts short texts in the job itself', async () => {
    const queue = new FakeQueue();
    const text = '公司拟以 2 亿元回购股份。';
    const result = await submitText(
      { queue, store: new FilesystemDocumentStore('/nonexistent'), maxDocumentBytes: 1024 },
      { text, kind: 'news' },
    );
    assert.equal(result.documentId, sha256(text));
    const job = queue.added[0]?.data;
    assert.equal(job?.text, text);
    assert.equal(job?.storeKey, undefined);
    assert.deepEqual(documentJobProblems(job), []);
  });

  it('measures the limit in UTF-8 bytes', async () => {
    const queue = new FakeQueue();
    const deps = { queue, store: new FilesystemDocumentStore('/nonexistent'), maxDocumentBytes: 8 };
    // Three characters, nine bytes.
    await assert.rejects(submitText(deps, { text: '茅台酒', kind: 'news' }), DocumentTooLargeError);
  });

  it('stores texts longer than the inline limit like files', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'finkg-submit-text-'));
    try {
      const queue = new FakeQueue();
      const store = new FilesystemDocumentStore(root);
      const text = '营'.repeat(1_000_001);
      const result = await submitText(
        { queue, store, maxDocumentBytes: 10_000_000 },
        { text, kind: 'other' },
      );
      const job = queue.added[0]?.data;
      assert.equal(job?.storeKey, result.documentId);
      assert.equal(job?.text, undefined);
      assert.equal(job?.mimeType, 'text/plain; charset=utf-8');
      assert.equal(await store.has(result.documentId), true);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
