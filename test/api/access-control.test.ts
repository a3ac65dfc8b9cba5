import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout } from 'node:timers/promises';
import { type Job, type Queue, UnrecoverableError, Worker } from 'bullmq';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../../src/api/app.js';
import { createDocumentQueue, DOCUMENTS_QUEUE, redisConnectionOptions } from '../../src/queue/index.js';
import { freePort } from '../../src/services/index.js';
import { FilesystemDocumentStore } from '../../src/store/index.js';
import { type GraphApp, startGraphApp } from '../support/graph-app.js';
import { testAuth } from '../support/test-auth.js';
import { ensureTestServices, testConfig, uniquePrefix } from '../support/test-services.js';

const e = encodeURIComponent;

/** A job of the app's queue that a worker failed, for the queue board to retry. */
async function failedJob(g: GraphApp): Promise<Job> {
  const job = await g.queue.add('document', { fileName: 'broken.pdf' });
  const worker = new Worker(
    DOCUMENTS_QUEUE,
    async () => {
      throw new UnrecoverableError('failed on purpose');
    },
    { connection: redisConnectionOptions(g.config.redisUrl, 'worker'), prefix: g.config.queuePrefix },
  );
  try {
    for (let i = 0; i < 100 && (await job.getState()) !== 'failed'; i++) await setTimeout(100);
    assert.equal(await job.getState(), 'failed');
  } finally {
    await worker.close();
  }
  return job;
}
type Role = 'read' | 'submit' | 'admin';

describe('API keys and roles', () => {
  let g: GraphApp;
  let jobId: string;

  before(async () => {
    g = await startGraphApp();
    const submitted = await g.app.inject({
      method: 'POST',
      url: '/v1/documents',
      headers: { 'x-api-key': g.keys.submit },
      payload: { text: `${g.fixture.prefix} 公司公告`, kind: 'news' },
    });
    assert.equal(submitted.statusCode, 202, submitted.body);
    jobId = submitted.json().jobId;
  });
  after(async () => {
    await g?.close();
  });

  const send = (request: InjectOptions, key?: string) =>
    g.app.inject({ ...request, headers: { ...(key ? { 'x-api-key': key } : {}) } });

  /** Each /v1/ route, the lowest role it needs, and the success status. */
  const routes = (): [string, InjectOptions, Role, number][] => {
    const f = g.fixture;
    return [
      [
        'submit a document',
        { method: 'POST', url: '/v1/documents', payload: { text: `${f.prefix} 另一份公告`, kind: 'news' } },
        'submit',
        202,
      ],
      ['job status', { method: 'GET', url: `/v1/jobs/${jobId}` }, 'read', 200],
      ['search', { method: 'GET', url: `/v1/search?q=${e(f.company.shortName)}` }, 'read', 200],
      ['company', { method: 'GET', url: `/v1/companies/${e(f.company.key)}` }, 'read', 200],
      ['timeline', { method: 'GET', url: `/v1/companies/${e(f.company.key)}/timeline` }, 'read', 200],
      ['ratings', { method: 'GET', url: `/v1/companies/${e(f.company.key)}/ratings` }, 'read', 200],
      ['events', { method: 'GET', url: `/v1/events?company=${e(f.company.key)}` }, 'read', 200],
      ['event', { method: 'GET', url: `/v1/events/${e(f.events.pledge)}` }, 'read', 200],
      [
        'neighbourhood',
        { method: 'GET', url: `/v1/entities/Company/${e(f.company.key)}/neighbourhood` },
        'read',
        200,
      ],
      ['documents', { method: 'GET', url: `/v1/documents?issuer=${e(f.company.key)}` }, 'read', 200],
      ['document', { method: 'GET', url: `/v1/documents/${e(f.reportId)}` }, 'read', 200],
      ['cypher', { method: 'POST', url: '/v1/cypher', payload: { query: 'RETURN 1 AS one' } }, 'read', 200],
      ['session', { method: 'GET', url: '/v1/session' }, 'read', 200],
      [
        // A name the company was never linked by: refused (400) once the admin key is accepted.
        'split a merge',
        {
          method: 'POST',
          url: `/v1/admin/companies/${e(f.company.key)}/split`,
          payload: { name: '不相干有限公司' },
        },
        'admin',
        400,
      ],
      // A document that is not there: 404 once the admin key is accepted (the fixture stays whole).
      ['delete a document', { method: 'DELETE', url: `/v1/documents/${e(f.prefix)}-none` }, 'admin', 404],
      ['queue board', { method: 'GET', url: '/admin' }, 'admin', 200],
      ['queue board api', { method: 'GET', url: '/admin/api/queues' }, 'admin', 200],
      ['queue board with a query', { method: 'GET', url: '/admin?page=1' }, 'admin', 200],
    ];
  };

  it('answers 401 without a key and with an unknown key, on every /v1/ route and /admin', async () => {
    for (const [name, request] of routes()) {
      const none = await send(request);
      assert.equal(none.statusCode, 401, name);
      assert.deepEqual(none.json(), {
        error: 'unauthorized',
        message: 'send an API key in the x-api-key header or sign in',
      });
      const wrong = await send(request, `${g.keys.admin}x`);
      assert.equal(wrong.statusCode, 401, name);
      assert.equal(wrong.json().error, 'unauthorized');
    }
  });

  it('answers 403 to a key whose role is too low', async () => {
    const below: Record<Role, Role | undefined> = { read: undefined, submit: 'read', admin: 'submit' };
    let checked = 0;
    for (const [name, request, role] of routes()) {
      const lower = below[role];
      if (!lower) continue;
      const response = await send(request, g.keys[lower]);
      assert.equal(response.statusCode, 403, name);
      assert.equal(response.json().error, 'forbidden');
      checked++;
    }
    assert.ok(checked > 0);
  });

  it('lets the needed role and every role above it through', async () => {
    const above: Record<Role, Role[]> = {
      read: ['read', 'submit', 'admin'],
      submit: ['submit', 'admin'],
      admin: ['admin'],
    };
    for (const [name, request, role, status] of routes()) {
      for (const holder of above[role]) {
        const response = await send(request, g.keys[holder]);
        assert.equal(response.statusCode, status, `${name} with ${holder}: ${response.body}`);
      }
    }
  });

  /** Signs in with a key; returns the `name=value` pair of the session cookie. */
  const signIn = async (key: string) => {
    const response = await send({ method: 'POST', url: '/v1/session', payload: { apiKey: key } });
    assert.equal(response.statusCode, 200, response.body);
    return String(response.headers['set-cookie']).split(';')[0] ?? '';
  };
  /** A request as the dashboard's own page sends it: the cookie, and an Origin of this server. */
  const fromDashboard = (request: InjectOptions, cookie: string, origin = 'http://localhost') =>
    g.app.inject({ ...request, headers: { cookie, origin } });

  it('signs a browser in with an HttpOnly cookie holding a session id, not the key', async () => {
    const wrong = await send({ method: 'POST', url: '/v1/session', payload: { apiKey: 'not-a-key' } });
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.headers['set-cookie'], undefined);

    const signIn = await send({ method: 'POST', url: '/v1/session', payload: { apiKey: g.keys.submit } });
    assert.equal(signIn.statusCode, 200, signIn.body);
    assert.deepEqual(signIn.json(), { role: 'submit', authentication: true });
    const cookie = String(signIn.headers['set-cookie']);
    assert.match(cookie, /^finkg_session=[\w-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict$/);
    assert.ok(!cookie.includes(g.keys.submit), 'the cookie does not carry the key');
    const session = cookie.split(';')[0] ?? '';

    const withCookie = (request: InjectOptions) => fromDashboard(request, session);
    const me = await withCookie({ method: 'GET', url: '/v1/session' });
    assert.deepEqual(me.json(), { role: 'submit', authentication: true });
    assert.equal((await withCookie({ method: 'GET', url: `/v1/jobs/${jobId}` })).statusCode, 200);
    // The session carries the key's role, no more.
    assert.equal((await withCookie({ method: 'GET', url: '/admin' })).statusCode, 403);
    // The key itself as a cookie value stands for nothing.
    const keyAsCookie = await fromDashboard(
      { method: 'GET', url: '/v1/session' },
      `finkg_session=${g.keys.submit}`,
    );
    assert.equal(keyAsCookie.statusCode, 401);
  });

  it('revokes the session at sign-out: the same cookie is 401 afterwards', async () => {
    const session = await signIn(g.keys.read);
    assert.equal((await fromDashboard({ method: 'GET', url: '/v1/session' }, session)).statusCode, 200);
    const signOut = await fromDashboard({ method: 'DELETE', url: '/v1/session' }, session);
    assert.equal(signOut.statusCode, 204);
    assert.match(String(signOut.headers['set-cookie']), /^finkg_session=; Max-Age=0;/);
    const after = await fromDashboard({ method: 'GET', url: '/v1/session' }, session);
    assert.equal(after.statusCode, 401);
    assert.deepEqual(after.json(), {
      error: 'unauthorized',
      message: 'the session has ended; sign in again',
    });
  });

  it('refuses a change signed by cookie from another site, on the API and the queue board', async () => {
    const session = await signIn(g.keys.admin);
    const failed = await failedJob(g);
    const retry = { method: 'PUT' as const, url: '/admin/api/queues/documents/retry/failed' };
    const submit = {
      method: 'POST' as const,
      url: '/v1/documents',
      payload: { text: `${g.fixture.prefix} 跨站提交`, kind: 'news' },
    };
    const waitingBefore = await g.queue.getJobCountByTypes('waiting');
    for (const headers of [
      { cookie: session, origin: 'http://evil.example' },
      { cookie: session, 'sec-fetch-site': 'cross-site' },
      { cookie: session, origin: 'http://localhost', 'sec-fetch-site': 'same-site' },
      { cookie: session },
    ]) {
      for (const request of [retry, submit]) {
        const response = await g.app.inject({ ...request, headers });
        assert.equal(response.statusCode, 403, `${request.url} ${JSON.stringify(headers)}`);
        assert.equal(response.json().error, 'cross_site');
        assert.match(response.json().message, /^refused a (PUT|POST) signed in by cookie: /);
      }
    }
    assert.equal(await failed.getState(), 'failed', 'the failed job was not retried');
    assert.equal(await g.queue.getJobCountByTypes('waiting'), waitingBefore, 'nothing was queued');

    // The same requests from the dashboard's own page, or with an API key from anywhere, go through.
    const own = await fromDashboard(retry, session);
    assert.equal(own.statusCode, 200, own.body);
    assert.notEqual(await failed.getState(), 'failed');
    const keyed = await g.app.inject({
      ...submit,
      headers: { 'x-api-key': g.keys.admin, origin: 'http://evil.example' },
    });
    assert.equal(keyed.statusCode, 202, keyed.body);
  });

  it('keeps health, metrics and the API docs open, and closes unknown /v1/ paths', async () => {
    for (const url of ['/healthz', '/readyz', '/metrics', '/docs/json']) {
      assert.equal((await send({ method: 'GET', url })).statusCode, 200, url);
    }
    assert.equal((await send({ method: 'GET', url: '/v1/nothing-here' })).statusCode, 401);
    assert.equal((await send({ method: 'GET', url: '/v1/nothing-here' }, g.keys.admin)).statusCode, 404);
  });

  it('lets no other site frame the queue board or the API docs, and limits their scripts', async () => {
    const board = await send({ method: 'GET', url: '/admin' }, g.keys.admin);
    const docs = await send({ method: 'GET', url: '/docs' });
    for (const [name, response] of [
      ['queue board', board],
      ['API docs', docs],
    ] as const) {
      assert.equal(response.statusCode, 200, name);
      const policy = String(response.headers['content-security-policy']);
      assert.match(policy, /frame-ancestors 'none'/, name);
      assert.match(policy, /script-src 'self'( 'sha[^;]*)? *;/, name);
      assert.doesNotMatch(policy, /upgrade-insecure-requests|unsafe-eval|script-src[^;]*unsafe-inline/, name);
    }
    assert.equal(board.headers['x-frame-options'], 'DENY');
  });
});

describe('rate limit per API key', () => {
  const config = testConfig({ queuePrefix: uniquePrefix() });
  let queue: Queue;
  let app: FastifyInstance;
  let storeRoot: string;
  const auth = testAuth(
    config,
    [
      { key: 'first-key', role: 'read' },
      { key: 'second-key', role: 'read' },
      { key: 'session-key', role: 'read' },
    ],
    { ttlSeconds: 1 },
  );

  before(async () => {
    await ensureTestServices(config);
    storeRoot = await mkdtemp(path.join(tmpdir(), 'finkg-rate-'));
    queue = createDocumentQueue(config);
    app = buildApp({
      queue,
      store: new FilesystemDocumentStore(storeRoot),
      maxDocumentBytes: 1024,
      auth,
      rateLimit: { max: 3, timeWindowMs: 60_000 },
    });
    await app.ready();
  });
  after(async () => {
    await app?.close();
    await auth.sessions.close();
    await queue?.close();
    await rm(storeRoot, { recursive: true, force: true });
  });

  it('answers 429 once a key has used its requests, without slowing other keys or open routes', async () => {
    const job = (key: string) =>
      app.inject({ method: 'GET', url: '/v1/jobs/none', headers: { 'x-api-key': key } });
    for (let i = 0; i < 3; i++) assert.equal((await job('first-key')).statusCode, 404);
    const limited = await job('first-key');
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json().error, 'too_many_requests');
    assert.ok(limited.headers['retry-after']);
    assert.equal((await job('second-key')).statusCode, 404);
    for (let i = 0; i < 5; i++)
      assert.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
  });

  it('answers 429 to an address that sent too many wrong keys, even once it sends a right one', async () => {
    const fromGuesser = (key: string) =>
      app.inject({
        method: 'GET',
        url: '/v1/jobs/none',
        headers: { 'x-api-key': key },
        remoteAddress: '10.0.0.66',
      });
    for (let i = 0; i < 3; i++) assert.equal((await fromGuesser(`guess-${i}`)).statusCode, 401);
    const limited = await fromGuesser('guess-4');
    assert.equal(limited.statusCode, 429);
    assert.deepEqual(limited.json(), {
      error: 'too_many_requests',
      message: 'too many wrong API keys; try again later',
    });
    assert.ok(Number(limited.headers['retry-after']) > 0);
    assert.equal((await fromGuesser('second-key')).statusCode, 429);
    // Other addresses are not held up.
    const elsewhere = await app.inject({
      method: 'GET',
      url: '/v1/jobs/none',
      headers: { 'x-api-key': 'second-key' },
      remoteAddress: '10.0.0.67',
    });
    assert.equal(elsewhere.statusCode, 404);
  });

  it('ends a session when its time is up', async () => {
    const signIn = await app.inject({
      method: 'POST',
      url: '/v1/session',
      payload: { apiKey: 'session-key' },
      remoteAddress: '10.0.0.68',
    });
    assert.equal(signIn.statusCode, 200, signIn.body);
    assert.match(String(signIn.headers['set-cookie']), /Max-Age=1;/);
    const cookie = String(signIn.headers['set-cookie']).split(';')[0] ?? '';
    const me = () => app.inject({ method: 'GET', url: '/v1/session', headers: { cookie } });
    assert.equal((await me()).statusCode, 200);
    await setTimeout(2100);
    const expired = await me();
    assert.equal(expired.statusCode, 401);
    assert.equal(expired.json().message, 'the session has ended; sign in again');
  });

  it('answers 503 with Retry-After when the session store does not answer', async () => {
    // A port the kernel just gave and that was closed again: nothing listens there.
    const down = testAuth({ ...config, redisUrl: `redis://127.0.0.1:${await freePort()}` }, [
      { key: 'session-key', role: 'read' },
    ]);
    const cut = buildApp({
      queue,
      store: new FilesystemDocumentStore(storeRoot),
      maxDocumentBytes: 1024,
      auth: down,
    });
    try {
      for (const request of [
        { method: 'POST' as const, url: '/v1/session', payload: { apiKey: 'session-key' } },
        { method: 'GET' as const, url: '/v1/session', headers: { cookie: 'finkg_session=some-session-id' } },
      ]) {
        const response = await cut.inject({ ...request, remoteAddress: '10.0.0.69' });
        assert.equal(response.statusCode, 503, `${request.method}: ${response.body}`);
        assert.equal(response.headers['retry-after'], '5');
        assert.deepEqual(response.json(), {
          error: 'unavailable',
          message: 'the session store is not reachable; try again shortly',
        });
      }
    } finally {
      await cut.close();
      await down.sessions.close();
    }
  });
});
