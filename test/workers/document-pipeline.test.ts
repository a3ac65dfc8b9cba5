import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Job, type Queue, QueueEvents } from 'bullmq';
import { Command } from 'commander';
import type { Driver } from 'neo4j-driver';
import { registerExtractCommand } from '../../src/cli/commands/extract.js';
import { projectRoot } from '../../src/config/index.js';
import { createNeo4jDriver } from '../../src/graph/index.js';
import { submitDocument, submitText } from '../../src/ingest/index.js';
import { createDocumentQueue, DOCUMENTS_QUEUE, redisConnectionOptions } from '../../src/queue/index.js';
import { ensureNeo4j, startWorkerProcess, stopNeo4j, stopWorkerProcess } from '../../src/services/index.js';
import { FilesystemDocumentStore } from '../../src/store/index.js';
import type { DocumentJobResult } from '../../workers/document-processor.js';
import { encryptedPdf, imageOnlyPdf, stripedPng, textPdf } from '../support/pdf-fixtures.js';
import { scannedTwin } from '../support/scanned-pdf.js';
import { ensureTestServices, testConfig, uniquePrefix } from '../support/test-services.js';

const config = testConfig({ queuePrefix: uniquePrefix(), jobLockSeconds: 8 });
// The graph's names are not told to the model here, so that the worker reads a file as `finkg extract` does.
const workerEnv = { JOB_LOCK_SECONDS: '8', MAX_DOCUMENT_PAGES: '20', KNOWLEDGE_REFRESH_SECONDS: '0' };
const samples = path.join(projectRoot, 'samples');
const expected = JSON.parse(await readFile(path.join(samples, 'expected.json'), 'utf8')) as {
  file: string;
  header?: { stockCode?: string; shortName?: string };
  rating?: { normalized?: string; change?: string };
}[];

let queue: Queue;
let events: QueueEvents;
let driver: Driver;
let worker: ChildProcess;
const store = new FilesystemDocumentStore(path.join(config.dataDir, 'documents'));
const deps = () => ({ queue, store, maxDocumentBytes: config.maxDocumentBytes });

async function submitSample(file: string, kind: 'announcement' | 'research_report' | 'other') {
  const bytes = new Uint8Array(await readFile(path.join(samples, file)));
  return submitDocument(deps(), { bytes, fileName: file, kind });
}

async function finished(jobId: string, timeoutMs = 240_000): Promise<Job> {
  const job = (await queue.getJob(jobId)) as Job;
  await job.waitUntilFinished(events, timeoutMs).catch(() => {});
  return (await queue.getJob(jobId)) as Job;
}

async function count(query: string, params: Record<string, unknown>): Promise<number> {
  const { records } = await driver.executeQuery(query, params, { database: config.neo4jDatabase });
  return Number(records[0]?.get('n') ?? 0);
}

/** Everything the graph holds for one document, to compare before and after reprocessing. */
async function footprint(documentId: string) {
  return {
    documents: await count('MATCH (d:Document {id: $id}) RETURN count(d) AS n', { id: documentId }),
    sentences: await count('MATCH (:Document {id: $id})-[:HAS_SENTENCE]->(s) RETURN count(s) AS n', {
      id: documentId,
    }),
    events: await count('MATCH (e:Event {documentId: $id}) RETURN count(e) AS n', { id: documentId }),
    eventLinks: await count('MATCH (e:Event {documentId: $id})-[r]->() RETURN count(r) AS n', {
      id: documentId,
    }),
    mentions: await count(
      'MATCH (:Document {id: $id})-[:HAS_SENTENCE]->()<-[m:MENTIONED_IN]-() RETURN count(m) AS n',
      { id: documentId },
    ),
    companies: await count('MATCH (c:Company) RETURN count(c) AS n', {}),
    people: await count('MATCH (p:Person) RETURN count(p) AS n', {}),
  };
}

describe('document pipeline through the queue', { timeout: 900_000 }, () => {
  before(async () => {
    await ensureTestServices(config);
    queue = createDocumentQueue(config);
    events = new QueueEvents(DOCUMENTS_QUEUE, {
      connection: redisConnectionOptions(config.redisUrl, 'worker'),
      prefix: config.queuePrefix,
    });
    await events.waitUntilReady();
    driver = createNeo4jDriver(config);
    worker = startWorkerProcess(config, workerEnv);
  });

  after(async () => {
    await stopWorkerProcess(worker);
    await queue.obliterate({ force: true });
    await Promise.allSettled([events.close(), queue.close(), driver.close()]);
  });

  it('turns an announcement PDF into a document, its issuer and events with provenance', async () => {
    const submission = await submitSample('ann-603871-pledge.pdf', 'announcement');
    const job = await finished(submission.jobId);
    assert.equal(await job.getState(), 'completed', job.failedReason);
    const result = job.returnvalue as { sentences: number; pages: number; events: number };
    assert.equal(result.pages, 2);

    const id = submission.documentId;
    const head = expected.find((e) => e.file === 'ann-603871-pledge.pdf')?.header;
    const { records: issuer } = await driver.executeQuery(
      'MATCH (:Document {id: $id})-[:ISSUED_BY]->(c:Company) RETURN c.code AS code, c.shortNames AS short',
      { id },
    );
    assert.equal(issuer[0]?.get('code'), head?.stockCode);
    assert.ok(((issuer[0]?.get('short') ?? []) as string[]).includes(head?.shortName as string));
    assert.equal(
      await count('MATCH (:Document {id: $id})-[:HAS_SENTENCE]->(s) RETURN count(s) AS n', { id }),
      result.sentences,
    );

    // Every event points at sentences whose text holds its trigger at the recorded span.
    const { records: evidence } = await driver.executeQuery(
      `MATCH (e:Event {documentId: $id})-[ev:EVIDENCED_BY]->(s:Sentence)
       RETURN e.type AS type, ev.start AS start, ev.end AS end, ev.text AS text, s.start AS sStart, s.text AS sText,
              e.confidence AS confidence, e.modelVersion AS model`,
      { id },
    );
    assert.ok(evidence.length >= 1, 'the pledge announcement should yield at least one event');
    for (const r of evidence) {
      const local = (r.get('sText') as string).slice(
        r.get('start') - r.get('sStart'),
        r.get('end') - r.get('sStart'),
      );
      assert.equal(local, r.get('text'));
      assert.ok(r.get('confidence') > 0 && r.get('confidence') <= 1);
      assert.ok(r.get('model'));
    }
    assert.ok(
      evidence.some((r) => r.get('type') === '质押'),
      'a 质押 event is expected',
    );
  });

  it('holds the records `finkg extract` prints for the same file', async () => {
    const submission = await submitSample('ann-603871-pledge.pdf', 'announcement');
    const job = await finished(submission.jobId);
    assert.equal(await job.getState(), 'completed', job.failedReason);
    const dir = await mkdtemp(path.join(tmpdir(), 'finkg-extract-'));
    try {
      const output = path.join(dir, 'out.jsonl');
      const program = new Command('finkg').exitOverride();
      registerExtractCommand(program);
      const file = path.join(samples, 'ann-603871-pledge.pdf');
      await program.parseAsync(['extract', file, '--kind', 'announcement', '--output', output], {
        from: 'user',
      });
      const printed = JSON.parse(await readFile(output, 'utf8')) as {
        events: { documentType: string; arguments: { documentRole?: string; text: string }[] }[];
      };
      const record = (type: string, args: { documentRole?: string | null; text: string }[]) =>
        `${type}: ${args
          .filter((a) => a.documentRole)
          .map((a) => `${a.documentRole}=${a.text}`)
          .sort()
          .join(' | ')}`;
      const fromExtract = printed.events.map((e) => record(e.documentType, e.arguments)).sort();
      const { records } = await driver.executeQuery(
        `MATCH (e:Event {documentId: $id})
         OPTIONAL MATCH (e)-[r]->() WHERE r.roleKey IS NOT NULL
         RETURN e.id AS id, e.documentType AS type, collect({documentRole: r.documentRole, text: r.text}) AS args`,
        { id: submission.documentId },
      );
      const inGraph = records.map((r) => record(r.get('type'), r.get('args'))).sort();
      assert.ok(fromExtract.length > 0, 'the pledge notice gives records');
      assert.deepEqual(inGraph, fromExtract);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rates the covered company from a research report header, read from content when no kind is given', async () => {
    // 'other' is what an upload without a kind and without a telling file name is queued with.
    const submission = await submitSample('rr-300782-hsz-downgrade.pdf', 'other');
    const job = await finished(submission.jobId);
    assert.equal(await job.getState(), 'completed', job.failedReason);
    const result = job.returnvalue as DocumentJobResult;
    assert.equal(result.kind, 'research_report');
    assert.equal(result.report?.broker, '华晟证券');
    assert.deepEqual(
      result.report?.analysts.map((a) => a.certificateNo),
      ['S0270522110005', 'S0270524030008'],
    );
    assert.ok(result.report?.forecasts.some((f) => f.metric === 'eps' && f.year === 2025));
    const rating = expected.find((e) => e.file === 'rr-300782-hsz-downgrade.pdf')?.rating;
    const { records } = await driver.executeQuery(
      `MATCH (d:ResearchReport {id: $id})-[r:RATES]->(c:Company)
       OPTIONAL MATCH (a:Analyst)-[:AUTHORED]->(d)
       RETURN r.rating AS rating, r.change AS change, c.code AS code, count(a) AS analysts,
              r.forecastMetrics AS metrics`,
      { id: submission.documentId },
    );
    assert.equal(records.length, 1);
    assert.ok((records[0]?.get('metrics') as string[] | null)?.includes('net_profit'));
    assert.equal(records[0]?.get('code'), '300782');
    if (rating?.normalized) assert.equal(records[0]?.get('rating'), rating.normalized);
    if (rating?.change) assert.equal(records[0]?.get('change'), rating.change);
    assert.ok(Number(records[0]?.get('analysts')) >= 1);
  });

  it('replaces an earlier extraction when a document is processed again: no duplicates, no orphans', async () => {
    const first = await submitSample('ann-603871-pledge.pdf', 'announcement');
    // The footprint of a finished extraction: the first job may still be running when it is submitted.
    assert.equal(await (await finished(first.jobId)).getState(), 'completed');
    const before = await footprint(first.documentId);
    const again = await submitSample('ann-603871-pledge.pdf', 'announcement');
    assert.equal(again.documentId, first.documentId);
    const job = await finished(again.jobId);
    assert.equal(await job.getState(), 'completed', job.failedReason);
    assert.deepEqual(await footprint(first.documentId), before);
  });

  it('reads a scanned filing by OCR: the same events as its text twin, with OCR provenance on the document', async () => {
    const file = 'ann-603871-pledge.pdf';
    const text = new Uint8Array(await readFile(path.join(samples, file)));
    const scan = await submitDocument(deps(), {
      bytes: await scannedTwin(text),
      fileName: 'ann-603871-pledge-scanned.pdf',
      kind: 'announcement',
    });
    const twin = await submitDocument(deps(), { bytes: text, fileName: file, kind: 'announcement' });
    for (const id of [scan.jobId, twin.jobId]) {
      const job = await finished(id);
      assert.equal(await job.getState(), 'completed', job.failedReason);
    }
    const { records } = await driver.executeQuery(
      'MATCH (d:Document {id: $id}) RETURN d.ocrPages AS pages, d.ocrConfidence AS confidence',
      { id: scan.documentId },
    );
    const record = records[0];
    assert.ok(record, 'the scanned document is in the graph');
    assert.deepEqual((record.get('pages') as unknown[]).map(Number), [1, 2]);
    for (const c of record.get('confidence') as number[]) assert.ok(c > 0.9 && c <= 1, `confidence ${c}`);
    const types = async (id: string) =>
      // The events each document tells: the twin's join the scan's (one event, two sources).
      (
        await driver.executeQuery(
          'MATCH (e:Event)-[:REPORTED_IN]->(:Document {id: $id}) RETURN e.type AS type ORDER BY type',
          { id },
        )
      ).records.map((r) => r.get('type') as string);
    const twinTypes = await types(twin.documentId);
    assert.ok(twinTypes.length > 0);
    assert.deepEqual(await types(scan.documentId), twinTypes);
  });

  it('fails bad input once, with a reason a person understands, and writes nothing', async () => {
    const truncated = (await textPdf([['Quarterly report page one'], ['page two']])).slice(0, 600);
    const cases: { name: string; bytes: Uint8Array; fileName: string; code: RegExp }[] = [
      {
        name: 'not a PDF',
        bytes: new TextEncoder().encode('<html><body>公告</body></html>'),
        fileName: 'a.pdf',
        code: /not_a_pdf/,
      },
      { name: 'truncated PDF', bytes: truncated, fileName: 'b.pdf', code: /corrupt_pdf/ },
      { name: 'encrypted PDF', bytes: await encryptedPdf(), fileName: 'c.pdf', code: /encrypted_pdf/ },
      {
        name: 'scanned PDF with no text',
        bytes: await imageOnlyPdf(2),
        fileName: 'd.pdf',
        code: /no_text_found/,
      },
      {
        name: 'too many pages',
        bytes: await textPdf(Array.from({ length: 25 }, (_, i) => [`page ${i + 1}`])),
        fileName: 'e.pdf',
        code: /too_many_pages/,
      },
      { name: 'unsupported type', bytes: stripedPng(), fileName: 'f.png', code: /unsupported_type/ },
      {
        name: 'undecodable text',
        bytes: Uint8Array.from([0xff, 0xfe, 0x00, 0xd8, 0x81, 0x30, 0xff, 0xc0, 0x80, 0x90]),
        fileName: 'g.txt',
        code: /undecodable_text/,
      },
    ];
    // Stored and queued directly, as another service would: the worker is the last line of defence.
    const jobs = [];
    for (const c of cases) {
      const stored = await store.put(c.bytes);
      const job = await queue.add('document', {
        documentId: stored.documentId,
        storeKey: stored.key,
        fileName: c.fileName,
        kind: 'other',
        submittedAt: new Date().toISOString(),
      });
      jobs.push({ c, job, documentId: stored.documentId });
    }
    const invalid = await queue.add('document', { documentId: 'nope', kind: 'other' });
    for (const { c, job, documentId } of jobs) {
      const done = await finished(job.id as string);
      assert.equal(await done.getState(), 'failed', `${c.name} should fail`);
      assert.equal(done.attemptsMade, 1, `${c.name} must not be retried`);
      assert.match(done.failedReason, c.code, `${c.name}: ${done.failedReason}`);
      assert.ok(done.failedReason.length > 20, 'the reason says what is wrong');
      assert.equal(await count('MATCH (d:Document {id: $id}) RETURN count(d) AS n', { id: documentId }), 0);
    }
    const rejected = await finished(invalid.id as string);
    assert.equal(await rejected.getState(), 'failed');
    assert.match(rejected.failedReason, /invalid_payload/);
    // Nothing blocks the queue: a good document after the bad ones still goes through.
    const good = await submitText(deps(), {
      text: '公司于近日与华东电力签署了采购合同，合同金额为1.2亿元。',
      kind: 'news',
    });
    assert.equal(await (await finished(good.jobId)).getState(), 'completed');
  });

  it('retries while Neo4j is down and completes once it is back, without duplicates', async () => {
    await stopNeo4j(config);
    const submission = await submitSample('ann-002985-guarantee.pdf', 'announcement');
    const job = (await queue.getJob(submission.jobId)) as Job;
    // Wait for the first failed attempt, so the outage is really seen.
    for (let i = 0; i < 120 && (await queue.getJob(submission.jobId))?.attemptsMade === 0; i++)
      await sleep(500);
    await ensureNeo4j(config);
    const done = await finished(job.id as string);
    assert.equal(await done.getState(), 'completed', done.failedReason);
    assert.ok(done.attemptsMade >= 1, 'the job was retried');
    const fp = await footprint(submission.documentId);
    assert.equal(fp.documents, 1);
    assert.equal(fp.sentences, (done.returnvalue as { sentences: number }).sentences);
  });

  it('recovers the job of a worker killed mid-job, with no duplicate writes', async () => {
    // A long document, so the worker is surely busy with it when it is killed.
    const body = Array.from(
      { length: 150 },
      (_, i) =>
        `第${i + 1}条，本公司控股股东将其持有的${i + 100}万股公司股份质押给华夏银行股份有限公司，质押期限为一年。`,
    ).join('\n');
    const submission = await submitText(deps(), {
      text: body,
      kind: 'announcement',
      title: '关于控股股东股份质押的公告',
    });
    for (let i = 0; i < 240; i++) {
      const job = await queue.getJob(submission.jobId);
      if (job && (await job.getState()) === 'active') break;
      await sleep(250);
    }
    await sleep(500);
    await stopWorkerProcess(worker, 'SIGKILL');
    worker = startWorkerProcess(config, workerEnv);
    const done = await finished(submission.jobId, 300_000);
    assert.equal(await done.getState(), 'completed', done.failedReason);
    const fp = await footprint(submission.documentId);
    assert.equal(fp.documents, 1);
    assert.equal(fp.sentences, (done.returnvalue as { sentences: number }).sentences);
    const { records } = await driver.executeQuery(
      'MATCH (e:Event {documentId: $id}) RETURN count(e) AS n, count(DISTINCT e.id) AS ids',
      { id: submission.documentId },
    );
    assert.equal(records[0]?.get('n'), records[0]?.get('ids'));
  });
});
