import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type GraphApp, startGraphApp } from '../support/graph-app.js';
import { FIXTURE_FORECASTS, type GraphFixture } from '../support/graph-fixture.js';

const e = encodeURIComponent;

describe('graph query API', () => {
  let g: GraphApp;
  let f: GraphFixture;
  const get = async (url: string) => {
    const response = await g.app.inject({ method: 'GET', url, headers: { 'x-api-key': g.keys.read } });
    return { status: response.statusCode, body: response.json() };
  };
  const cypher = async (query: string, params?: Record<string, unknown>) => {
    const response = await g.app.inject({
      method: 'POST',
      url: '/v1/cypher',
      headers: { 'x-api-key': g.keys.read },
      payload: params ? { query, params } : { query },
    });
    return { status: response.statusCode, body: response.json() };
  };

  before(async () => {
    // Walking every page of the shared test graph takes many requests: no rate limit in the way.
    g = await startGraphApp({ rateLimit: { max: 1_000_000, timeWindowMs: 60_000 } });
    f = g.fixture;
  });
  after(async () => {
    await g?.close();
  });

  describe('GET /v1/search', () => {
    for (const [what, q] of [
      ['full name', () => f.company.name],
      ['short name', () => f.company.shortName],
      ['stock code', () => f.company.code],
      ['code prefix', () => f.company.code.slice(0, 4)],
      ['partial Chinese text', () => '淼垚矿'],
    ] as const) {
      it(`finds a company by ${what}`, async () => {
        const { status, body } = await get(`/v1/search?q=${e(q())}&label=Company&limit=50`);
        assert.equal(status, 200);
        const hit = body.items.find((h: { key: string }) => h.key === f.company.key);
        assert.ok(hit, JSON.stringify(body.items.map((h: { key: string }) => h.key)));
        assert.equal(hit.label, 'Company');
        assert.equal(hit.code, f.company.code);
        assert.deepEqual(hit.shortNames, [f.company.shortName]);
        assert.ok(body.items.every((h: { label: string }) => h.label === 'Company'));
      });
    }

    it('finds people and organisations, and treats query syntax as text', async () => {
      const people = await get(`/v1/search?q=${e(f.person.name)}&label=Person&limit=50`);
      assert.ok(people.body.items.some((h: { key: string }) => h.key === f.person.key));
      const orgs = await get(`/v1/search?q=${e(f.bank.name)}&limit=50`);
      assert.ok(orgs.body.items.some((h: { key: string; label: string }) => h.key === f.bank.key));
      const odd = await get(`/v1/search?q=${e('淼垚") OR name:(*')}`);
      assert.equal(odd.status, 200);
    });

    it('rejects a missing query and an unknown label', async () => {
      assert.equal((await get('/v1/search')).status, 400);
      assert.equal((await get('/v1/search?q=x&label=Event')).status, 400);
      assert.equal((await get('/v1/search?q=x&limit=51')).status, 400);
    });
  });

  describe('GET /v1/companies/:key', () => {
    it('returns names, codes, the latest rating per broker and event counts', async () => {
      const { status, body } = await get(`/v1/companies/${e(f.company.key)}`);
      assert.equal(status, 200);
      assert.equal(body.name, f.company.name);
      assert.equal(body.code, f.company.code);
      assert.equal(body.exchange, 'SSE');
      assert.deepEqual(body.ratings, [
        {
          broker: f.broker,
          rating: '买入',
          change: '维持',
          targetPrice: 1900,
          targetPriceHigh: 2100,
          currency: 'CNY',
          date: '2024-05-01',
          documentId: f.reportId,
          forecasts: FIXTURE_FORECASTS,
        },
      ]);
      assert.deepEqual(
        body.eventCounts.map((c: { typeKey: string; count: number }) => [c.typeKey, c.count]).sort(),
        [
          ['acquisition', 1],
          ['guarantee', 1],
          ['pledge', 1],
        ],
      );
      assert.equal(body.documentCount, 2);
    });

    it('answers 404 for an unknown company', async () => {
      const { status, body } = await get(`/v1/companies/${e(`${f.prefix}-nobody`)}`);
      assert.equal(status, 404);
      assert.equal(body.error, 'not_found');
    });

    it('gives a timeline oldest first with undated events last', async () => {
      const { status, body } = await get(`/v1/companies/${e(f.company.key)}/timeline`);
      assert.equal(status, 200);
      assert.deepEqual(
        body.days.map((d: { date: string | null; events: { id: string }[] }) => [
          d.date,
          d.events.map((x) => x.id),
        ]),
        [
          ['2023-12-01', [f.events.guarantee]],
          ['2024-03-10', [f.events.pledge]],
          [null, [f.events.acquisition]],
        ],
      );
      assert.equal(body.truncated, false);
      const cut = await get(`/v1/companies/${e(f.company.key)}/timeline?limit=1`);
      assert.equal(cut.body.days.length, 1);
      assert.equal(cut.body.truncated, true);
    });
  });

  describe('GET /v1/companies/:key/ratings', () => {
    it('gives every rating oldest first with broker, target price and source document', async () => {
      const { status, body } = await get(`/v1/companies/${e(f.company.key)}/ratings`);
      assert.equal(status, 200);
      assert.deepEqual(body.company, { key: f.company.key, name: f.company.name });
      assert.deepEqual(body.ratings, [
        {
          broker: f.broker,
          rating: '买入',
          change: '维持',
          targetPrice: 1900,
          targetPriceHigh: 2100,
          currency: 'CNY',
          date: '2024-05-01',
          documentId: f.reportId,
          forecasts: FIXTURE_FORECASTS,
        },
      ]);
      assert.equal(body.truncated, false);
      assert.equal((await get(`/v1/companies/${e(`${f.prefix}-nobody`)}/ratings`)).status, 404);
    });
  });

  describe('GET /v1/events', () => {
    const ids = (body: { items: { id: string }[] }) => body.items.map((x) => x.id);

    it('lists a company’s events newest first, undated last, a page at a time', async () => {
      const seen: string[] = [];
      let url = `/v1/events?company=${e(f.company.key)}&limit=1`;
      for (let page = 0; page < 4; page++) {
        const { status, body } = await get(url);
        assert.equal(status, 200);
        seen.push(...ids(body));
        if (!body.nextCursor) break;
        url = `/v1/events?company=${e(f.company.key)}&limit=1&cursor=${e(body.nextCursor)}`;
      }
      assert.deepEqual(seen, [f.events.pledge, f.events.guarantee, f.events.acquisition]);
    });

    it('returns normalised amounts and the entities in each role', async () => {
      const { body } = await get(`/v1/events?company=${e(f.company.key)}&type=pledge`);
      assert.deepEqual(ids(body), [f.events.pledge]);
      const [pledge] = body.items;
      assert.deepEqual(pledge.amount, { value: 500_000_000, currency: 'CNY' });
      assert.equal(pledge.ratio, 0.085);
      assert.equal(pledge.type, '质押');
      assert.deepEqual(
        pledge.participants.map((p: { relationship: string; key: string }) => [p.relationship, p.key]).sort(),
        [
          ['PLEDGEE', f.bank.key],
          ['PLEDGOR', f.company.key],
        ],
      );
      assert.equal(body.nextCursor, null);
    });

    it('filters by role, date range and document kind', async () => {
      const company = `company=${e(f.company.key)}`;
      assert.deepEqual(ids((await get(`/v1/events?${company}&role=GUARANTOR`)).body), [f.events.guarantee]);
      assert.deepEqual(ids((await get(`/v1/events?${company}&role=PLEDGEE`)).body), []);
      assert.deepEqual(ids((await get(`/v1/events?company=${e(f.bank.key)}`)).body), []);
      assert.deepEqual(ids((await get(`/v1/events?${company}&from=2024-01-01&to=2024-03`)).body), [
        f.events.pledge,
      ]);
      assert.deepEqual(ids((await get(`/v1/events?${company}&to=2023`)).body), [f.events.guarantee]);
      assert.deepEqual(ids((await get(`/v1/events?${company}&documentKind=research_report`)).body), [
        f.events.acquisition,
      ]);
    });

    it('filters the whole graph by type and date using the type name or key', async () => {
      for (const url of [
        '/v1/events?type=质押&from=2024-03-10&to=2024-03-10&limit=100',
        '/v1/events?type=pledge',
      ]) {
        const { status, body } = await get(encodeURI(url));
        assert.equal(status, 200);
        assert.ok(body.items.every((x: { type: string }) => x.type === '质押'));
      }
      const dated = await get('/v1/events?from=2024-03-10&to=2024-03-10&limit=100');
      assert.ok(ids(dated.body).includes(f.events.pledge));
      assert.ok(dated.body.items.every((x: { date: string }) => x.date === '2024-03-10'));
      const byRole = await get('/v1/events?role=GUARANTEED&limit=100');
      assert.equal(byRole.status, 200);
      assert.ok(
        byRole.body.items.every((x: { participants: { relationship: string }[] }) =>
          x.participants.some((p) => p.relationship === 'GUARANTEED'),
        ),
      );
    });

    it('rejects unknown filters and altered cursors', async () => {
      assert.equal((await get('/v1/events?type=unknown')).status, 400);
      assert.equal((await get('/v1/events?role=HACKER')).status, 400);
      assert.equal((await get('/v1/events?from=yesterday')).status, 400);
      for (const date of ['2025-02-30', '2023-02-29', '2024-13', '2024-04-31']) {
        const notADay = await get(`/v1/events?from=${date}`);
        assert.equal(notADay.status, 400, date);
        assert.deepEqual(notADay.body, {
          error: 'bad_request',
          message: 'querystring.from is not a date that exists',
        });
      }
      assert.equal((await get('/v1/events?from=2024-02-29&to=2024-12-31')).status, 200);
      assert.equal((await get('/v1/events?limit=0')).status, 400);
      const bad = await get('/v1/events?cursor=not-a-cursor');
      assert.equal(bad.status, 400);
      assert.match(bad.body.message, /cursor/);
    });
  });

  describe('GET /v1/events/:id', () => {
    it('gives provenance: document, page, sentence and highlighted spans', async () => {
      const { status, body } = await get(`/v1/events/${e(f.events.pledge)}`);
      assert.equal(status, 200);
      assert.equal(body.event.modelVersion, 'fixture-1');
      assert.equal(body.event.confidence, 0.93);
      assert.equal(body.document.id, f.announcementId);
      assert.equal(body.evidence.length, 1);
      const [sentence] = body.evidence;
      assert.equal(sentence.page, 2);
      assert.equal(
        sentence.text,
        '公司于2024年3月10日将所持股份质押给淼垚银行，质押金额5亿元，占总股本8.5%。',
      );
      for (const h of sentence.highlights) assert.equal(sentence.text.slice(h.start, h.end), h.text);
      assert.deepEqual(
        sentence.highlights.map((h: { kind: string; role: string | null; text: string }) => [
          h.kind,
          h.role,
          h.text,
        ]),
        [
          ['argument', 'pledgor org', '公司'],
          ['trigger', null, '质押'],
          ['argument', 'pledgee org', '淼垚银行'],
          ['argument', 'pledged value', '5亿元'],
        ],
      );
      const value = body.arguments.find((a: { roleKey: string }) => a.roleKey === 'pledged value');
      assert.equal(value.value, '500000000 CNY');
      assert.equal(value.entity, null);
      const pledgor = body.arguments.find((a: { roleKey: string }) => a.roleKey === 'pledgor org');
      assert.deepEqual(pledgor.entity, { label: 'Company', key: f.company.key, name: f.company.name });
      assert.deepEqual(
        body.triggers.map((t: { text: string }) => t.text),
        ['质押'],
      );
    });

    it('answers 404 for an unknown event', async () => {
      assert.equal((await get(`/v1/events/${e(`${f.prefix}-none`)}`)).status, 404);
    });
  });

  describe('GET /v1/entities/:label/:key/neighbourhood', () => {
    it('returns nodes and edges one hop out', async () => {
      const { status, body } = await get(`/v1/entities/Company/${e(f.company.key)}/neighbourhood`);
      assert.equal(status, 200);
      const nodeIds = new Set(body.nodes.map((n: { id: string }) => n.id));
      for (const id of [
        `Company:${f.company.key}`,
        `Event:${f.events.pledge}`,
        `Event:${f.events.acquisition}`,
        `Document:${f.reportId}`,
      ])
        assert.ok(nodeIds.has(id), id);
      assert.ok(!nodeIds.has(`Organization:${f.bank.key}`), 'the bank is two hops away');
      for (const edge of body.edges) assert.ok(nodeIds.has(edge.source) && nodeIds.has(edge.target));
      assert.ok(
        body.edges.some(
          (x: { source: string; target: string; type: string }) =>
            x.source === `Event:${f.events.pledge}` &&
            x.target === `Company:${f.company.key}` &&
            x.type === 'PLEDGOR',
        ),
      );
    });

    it('walks further with more hops and keeps to the node cap', async () => {
      const two = await get(`/v1/entities/Company/${e(f.company.key)}/neighbourhood?hops=2`);
      const ids2 = body2ids(two.body);
      assert.ok(ids2.has(`Organization:${f.bank.key}`));
      assert.ok(ids2.has(`Broker:${f.broker}`));
      const capped = await get(`/v1/entities/Company/${e(f.company.key)}/neighbourhood?hops=3&limit=3`);
      assert.equal(capped.body.nodes.length, 3);
      assert.equal(capped.body.truncated, true);
      assert.equal((await get(`/v1/entities/Company/${e(f.company.key)}/neighbourhood?hops=4`)).status, 400);
      assert.equal(
        (await get(`/v1/entities/Company/${e(f.company.key)}/neighbourhood?limit=201`)).status,
        400,
      );
      assert.equal((await get(`/v1/entities/Event/${e(f.events.pledge)}/neighbourhood`)).status, 400);
      assert.equal((await get(`/v1/entities/Person/${e(f.company.key)}/neighbourhood`)).status, 404);
    });
  });

  describe('GET /v1/documents', () => {
    it('lists documents newest first with cursor pages and filters', async () => {
      const first = await get(`/v1/documents?issuer=${e(f.company.key)}&limit=1`);
      assert.equal(first.status, 200);
      assert.deepEqual(
        first.body.items.map((d: { id: string }) => d.id),
        [f.reportId],
      );
      assert.equal(first.body.items[0].issuer.key, f.company.key);
      const second = await get(
        `/v1/documents?issuer=${e(f.company.key)}&limit=1&cursor=${e(first.body.nextCursor)}`,
      );
      assert.deepEqual(
        second.body.items.map((d: { id: string }) => d.id),
        [f.announcementId],
      );
      assert.equal(second.body.nextCursor, null);
      const kind = await get(`/v1/documents?issuer=${e(f.company.key)}&kind=announcement`);
      assert.deepEqual(
        kind.body.items.map((d: { id: string }) => d.id),
        [f.announcementId],
      );
      const range = await get('/v1/documents?from=2024-05-01&to=2024-05-01&limit=100');
      assert.ok(range.body.items.some((d: { id: string }) => d.id === f.reportId));
      assert.ok(
        range.body.items.every((d: { publishedAt: string }) => d.publishedAt.startsWith('2024-05-01')),
      );
      assert.equal((await get('/v1/documents?limit=5')).status, 200);
    });

    // Unfiltered lists read dated items from the date index, then undated ones by id: walking every
    // page must see each item once, newest first, undated last.
    for (const [what, url, dateOf] of [
      ['events', '/v1/events?limit=50', (x: { date: string | null }) => x.date],
      ['documents', '/v1/documents?limit=50', (x: { publishedAt: string | null }) => x.publishedAt],
    ] as const) {
      it(`pages through all ${what} unfiltered, dated newest first, then undated`, async () => {
        const seen: { id: string; date: string | null }[] = [];
        let next: string | null = url;
        while (next) {
          const { status, body } = await get(next);
          assert.equal(status, 200);
          for (const item of body.items) seen.push({ id: item.id, date: dateOf(item) });
          next = body.nextCursor ? `${url}&cursor=${e(body.nextCursor)}` : null;
          assert.ok(seen.length < 100_000);
        }
        assert.equal(new Set(seen.map((x) => x.id)).size, seen.length, 'no item twice');
        const firstUndated = seen.findIndex((x) => x.date === null);
        const dated = firstUndated < 0 ? seen : seen.slice(0, firstUndated);
        assert.ok(
          seen.slice(dated.length).every((x) => x.date === null),
          'undated last',
        );
        for (let i = 1; i < dated.length; i++) {
          assert.ok(String(dated[i - 1]?.date) >= String(dated[i]?.date), 'newest first');
        }
        const ids = new Set(seen.map((x) => x.id));
        const expected = what === 'events' ? Object.values(f.events) : [f.reportId, f.announcementId];
        for (const id of expected) assert.ok(ids.has(id), `${id} listed`);
      });
    }

    it('gives a document with its sentences, entities, events and rating', async () => {
      const { status, body } = await get(`/v1/documents/${e(f.reportId)}`);
      assert.equal(status, 200);
      assert.equal(body.document.kind, 'research_report');
      assert.deepEqual(
        body.sentences.map((s: { index: number }) => s.index),
        [0, 1],
      );
      assert.deepEqual(
        body.entities.map((x: { key: string }) => x.key).sort(),
        [f.company.key, f.person.key].sort(),
      );
      assert.deepEqual(
        body.events.map((x: { id: string }) => x.id),
        [f.events.acquisition],
      );
      assert.equal(body.rating.broker, f.broker);
      assert.deepEqual(body.rating.analysts, ['李分析']);
      // Spans to mark, in sentence offsets: the mentions, the trigger and the event's arguments.
      const sentenceText = new Map(body.sentences.map((s: { id: string; text: string }) => [s.id, s.text]));
      for (const span of body.spans as { sentenceId: string; start: number; end: number; text: string }[]) {
        assert.equal(String(sentenceText.get(span.sentenceId)).slice(span.start, span.end), span.text);
      }
      const described = body.spans.map(
        (x: { kind: string; text: string; role: string | null; entity: { type?: string } | null }) =>
          [x.kind, x.text, x.role ?? x.entity?.type ?? '-'].join(' '),
      );
      assert.deepEqual(described, [
        'entity 淼垚矿业 company',
        'entity 张淼垚 person',
        'argument 公司 acquirer org',
        'trigger 收购 -',
        'argument 淼垚子公司 acquired org',
      ]);
      assert.equal((await get(`/v1/documents/${e(`${f.prefix}-none`)}`)).status, 404);
    });
  });

  describe('POST /v1/cypher', () => {
    it('runs a parameterised read and returns plain JSON', async () => {
      const { status, body } = await cypher(
        'MATCH (c:Company {key: $key}) RETURN c, c.name AS name LIMIT $n',
        {
          key: f.company.key,
          n: 5,
        },
      );
      assert.equal(status, 200, JSON.stringify(body));
      assert.deepEqual(body.columns, ['c', 'name']);
      assert.equal(body.rows[0].name, f.company.name);
      assert.deepEqual(body.rows[0].c.labels, ['Company']);
      assert.equal(body.truncated, false);
    });

    it('returns integers past 2^53 exactly, as decimal strings', async () => {
      const { status, body } = await cypher(
        'RETURN 9007199254740993 AS big, -9223372036854775808 AS least, [12, 9007199254740992] AS list',
      );
      assert.equal(status, 200, JSON.stringify(body));
      assert.deepEqual(body.rows, [
        { big: '9007199254740993', least: '-9223372036854775808', list: [12, '9007199254740992'] },
      ]);
    });

    it('caps the rows', async () => {
      const { body } = await cypher('UNWIND range(1, 80) AS i RETURN i');
      assert.equal(body.rows.length, 50);
      assert.equal(body.truncated, true);
    });

    for (const [what, query] of [
      ['CREATE', 'CREATE (n:ApiTestWrite {key: $key}) RETURN n'],
      ['MERGE', 'MERGE (n:ApiTestWrite {key: $key}) RETURN n'],
      ['DELETE', 'MATCH (c:Company {key: $key}) DETACH DELETE c'],
      ['SET', 'MATCH (c:Company {key: $key}) SET c.name = "x"'],
    ] as const) {
      it(`refuses ${what} with 403`, async () => {
        const { status, body } = await cypher(query, { key: f.company.key });
        assert.equal(status, 403);
        assert.deepEqual(Object.keys(body).sort(), ['error', 'message']);
        assert.equal(body.error, 'write_refused');
        assert.match(body.message, /only reads/);
      });
    }

    it('left the graph as it was', async () => {
      const { body } = await get(`/v1/companies/${e(f.company.key)}`);
      assert.equal(body.name, f.company.name);
      const { records } = await g.driver.executeQuery(
        'MATCH (n:ApiTestWrite) RETURN count(n) AS n',
        {},
        {
          database: g.database,
        },
      );
      assert.equal(records[0]?.get('n'), 0);
    });

    it('refuses whatever is not a read of the graph or an allowed procedure', async () => {
      for (const query of [
        "LOAD CSV FROM 'http://127.0.0.1:1/x.csv' AS line RETURN line",
        'CALL dbms.listConfig() YIELD name RETURN name',
        'SHOW SETTINGS',
        'SHOW TRANSACTIONS',
        'SHOW USERS',
        'SHOW CURRENT USER',
        'SHOW DATABASES',
        'SHOW INDEXES',
        "CALL db.stats.collect('QUERIES')",
        "CALL db.stats.retrieve('QUERIES')",
        "CALL db.stats.stop('QUERIES')",
        'CALL db.clearQueryCaches()',
        "CALL db.createLabel('ApiTestWrite')",
        'CALL `db`.`clearQueryCaches`()',
        'MATCH (n:Company) WITH n LIMIT 1 CALL db.clearQueryCaches() YIELD value RETURN value',
        // Refused before it runs: the heap it would fill is not tracked by Neo4j.
        'WITH [x IN range(1,30000000) | toString(x)] AS l RETURN size(l)',
      ]) {
        const { status, body } = await cypher(query);
        assert.equal(status, 403, `${query}: ${JSON.stringify(body)}`);
        assert.equal(body.error, 'query_refused', query);
        assert.ok(body.message.length > 0);
      }
    });

    it('refuses the queries that build a huge value in one expression, with the documented message', async () => {
      const doubling = (times: number) =>
        `WITH 'x' AS s ${Array.from({ length: times }, () => 'WITH s + s AS s').join(' ')} RETURN size(s) AS n`;
      for (const [query, params, message] of [
        [doubling(31), {}, /at most 100 copies of earlier variables/],
        [`RETURN size([x IN range(1, 1000000) | '${'x'.repeat(9000)}' + x]) AS n`, {}, /at most 10,000/],
        [
          `RETURN [x IN range(1, 100) | '${'x'.repeat(1001)}' + x] AS l`,
          {},
          /mapping of a list comprehension .* at most 1,000 characters/,
        ],
        [
          'RETURN size($p + $p + $p + $p + $p) AS n',
          { p: 'x'.repeat(20_000) },
          /strings and parameters of a query may hold at most 65,536 characters/,
        ],
        [
          `UNWIND range(1, 1000000) AS i WITH collect(i) AS l RETURN size([x IN l | '${'x'.repeat(900)}' + x]) AS n`,
          {},
          /list comprehension over a list of unknown length .* may only pick from each element/,
        ],
      ] as const) {
        const { status, body } = await cypher(query, params);
        assert.equal(status, 403, `${query.slice(0, 80)}: ${JSON.stringify(body).slice(0, 300)}`);
        assert.equal(body.error, 'query_refused');
        assert.match(body.message, message);
      }
      // The same shapes within the limits run.
      for (const [query, params, expected] of [
        [doubling(6), {}, 64],
        [`RETURN size([x IN range(1, 100) | '${'x'.repeat(900)}' + x]) AS n`, {}, 100],
        ['RETURN size($p + $p + $p) AS n', { p: 'x'.repeat(20_000) }, 60_000],
        ['UNWIND range(1, 100) AS i WITH collect(i) AS l RETURN size([x IN l | toString(x)]) AS n', {}, 100],
      ] as const) {
        const { status, body } = await cypher(query, params);
        assert.equal(status, 200, `${query.slice(0, 80)}: ${JSON.stringify(body).slice(0, 300)}`);
        assert.equal(body.rows[0].n, expected);
      }
    });

    it('runs the reads and procedures the documentation shows', async () => {
      for (const [query, params] of [
        ['MATCH (e:Event)-[r]->(c:Company) RETURN e.type, type(r), c.name LIMIT 20', {}],
        ['MATCH (d:ResearchReport)-[r:RATES]->(c:Company) RETURN c.name, r.rating, r.targetPrice', {}],
        [
          'MATCH p = (c:Company {key: $key})-[*1..2]-(x) RETURN length(p) AS hops LIMIT 5',
          { key: f.company.key },
        ],
        [
          'MATCH (c:Company) OPTIONAL MATCH (c)<-[r]-(e:Event) RETURN c.key, count(e) AS n ORDER BY n DESC LIMIT 3',
          {},
        ],
        [
          'CALL { MATCH (c:Company) RETURN c.key AS k UNION MATCH (p:Person) RETURN p.key AS k } RETURN count(k) AS n',
          {},
        ],
        // range() with written bounds (a computed bound is refused: docs/api.md, value limits).
        ['UNWIND [1, 2, 3] AS i RETURN i, [x IN range(1, 3) | x * i] AS multiples', {}],
        [
          "CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node, score RETURN node.name, score LIMIT 5",
          { q: f.company.name },
        ],
        ['CALL db.labels() YIELD label RETURN label', {}],
        ['CALL db.relationshipTypes()', {}],
        ['CALL db.propertyKeys()', {}],
        ['CALL db.schema.visualization()', {}],
        ['EXPLAIN MATCH (c:Company) RETURN c', {}],
      ] as const) {
        const { status, body } = await cypher(query, params);
        assert.equal(status, 200, `${query}: ${JSON.stringify(body)}`);
      }
    });

    it('answers a query past the per-query memory limit with 422, and Neo4j keeps answering', async () => {
      // Neo4j tracks what collect() holds: a million 10 kB strings trip db.memory.transaction.max early.
      const { status, body } = await cypher(
        'UNWIND range(1, 1000000) AS x RETURN size(collect(toString(x) + $pad)) AS n',
        { pad: 'x'.repeat(10_000) },
      );
      assert.equal(status, 422, JSON.stringify(body));
      assert.equal(body.error, 'memory_limit');
      assert.match(body.message, /more memory than one query may use/);
      const after = await cypher('MATCH (c:Company {key: $key}) RETURN c.name AS name', {
        key: f.company.key,
      });
      assert.equal(after.status, 200);
      assert.equal(after.body.rows[0].name, f.company.name);
    });

    it('reports a bad query in a sentence, without internals', async () => {
      const { status, body } = await cypher('RETURN 1 +');
      assert.equal(status, 400);
      assert.equal(body.error, 'invalid_query');
      assert.match(body.message, /line 1, column 11/);
      assert.ok(!/\n|at .*\.js|Neo\.ClientError/.test(body.message), body.message);
      const missing = await cypher('RETURN $nothing + 1');
      assert.equal(missing.status, 400);
      assert.equal(
        (
          await g.app.inject({
            method: 'POST',
            url: '/v1/cypher',
            headers: { 'x-api-key': g.keys.read },
            payload: { params: {} },
          })
        ).statusCode,
        400,
      );
    });
  });

  it('serves the OpenAPI document with every graph route', async () => {
    const response = await g.app.inject({ method: 'GET', url: '/docs/json' });
    assert.equal(response.statusCode, 200);
    const spec = response.json();
    assert.match(spec.openapi, /^3\./);
    for (const path of [
      '/v1/search',
      '/v1/companies/{key}',
      '/v1/companies/{key}/timeline',
      '/v1/companies/{key}/ratings',
      '/v1/events',
      '/v1/events/{id}',
      '/v1/entities/{label}/{key}/neighbourhood',
      '/v1/documents/{id}',
      '/v1/cypher',
    ])
      assert.ok(spec.paths[path], path);
    assert.deepEqual(spec.paths['/v1/events'].get.security, [{ apiKey: [] }]);
    assert.equal(spec.paths['/healthz'].get.security, undefined);
    assert.equal((await g.app.inject({ method: 'GET', url: '/docs' })).statusCode < 400, true);
  });
});

function body2ids(body: { nodes: { id: string }[] }): Set<string> {
  return new Set(body.nodes.map((n) => n.id));
}
