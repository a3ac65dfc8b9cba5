import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { createNeo4jDriver } from '../../../src/graph/index.js';
import { withoutExplainOffset } from '../../../src/graph/queries/cypher.js';
import { refusal } from '../../../src/graph/queries/cypher-allow-list.js';
import { QueryTimeoutError, runUserCypher } from '../../../src/graph/queries/index.js';
import { MAX_VALUE_COPIES } from '../../../src/graph/queries/value-copies.js';
import {
  MAX_LITERAL_CHARS,
  MAX_MAPPING_CHARS,
  MAX_RANGE_ELEMENTS,
  unboundedValue,
} from '../../../src/graph/queries/value-limits.js';
import { ensureTestServices, testConfig } from '../../support/test-services.js';

describe('runUserCypher', () => {
  it('lets through only allow-listed operators and procedures on the queried database', () => {
    const on = (name: string, details = '') => ({ name, details, database: 'neo4j' });
    const refused = (operators: ReturnType<typeof on>[]) => refusal(operators, 'neo4j');
    assert.equal(refused([on('ProduceResults'), on('Expand(All)'), on('NodeIndexSeek')]), null);
    assert.equal(refused([on('ProcedureCall', 'db.labels() :: (label :: STRING)')]), null);
    assert.deepEqual(refused([on('Create')]), { kind: 'write' });
    for (const operators of [
      [on('LoadCSV', 'line')],
      [on('ShowIndexes')],
      [on('ShowSettings')],
      [on('TerminateTransactions')],
      [on('SomeFutureOperator')],
      [{ name: 'AdministrationCommand', details: '', database: 'system' }],
      [{ name: 'AllNodesScan', details: 'n', database: 'other' }],
      [on('ProcedureCall', 'db.stats.retrieve($autostring_0) :: (section :: STRING, data :: MAP)')],
      [on('ProcedureCall', 'dbms.listConfig() :: (name :: STRING)')],
    ]) {
      const why = refused(operators);
      assert.equal(why?.kind, 'query', JSON.stringify(operators));
    }
  });

  it('refuses a range() too large to hold or with bounds it cannot read, but not one read by UNWIND', () => {
    for (const [query, params] of [
      ['WITH [x IN range(1,30000000) | toString(x)] AS l RETURN size(l)', {}],
      ['RETURN size(RANGE ( 0, 1_000_000 ))', {}],
      ['RETURN size(range(1, /* hidden */ 0x7fffffff))', {}],
      ['RETURN [x IN range(-2000000, 10, 2) | x] AS l', {}],
      ['WITH [x IN range(1, $n) | toString(x)] AS l RETURN size(l)', { n: 30_000_000 }],
      ['UNWIND [x IN range(1, 3000000) | x] AS y RETURN count(y)', {}],
      ['RETURN size([x IN `range`(1, 30000000) | x])', {}],
    ] as const)
      assert.match(unboundedValue(query, params) ?? '', /range\(\) of \d+ elements/, query);
    for (const [query, params] of [
      // computed bounds: the forms that evaded the first check of written bounds
      ["WITH [x IN range(1, toInteger('30000000')) | toString(x)] AS l RETURN size(l)", {}],
      ['WITH [x IN range(1, 3000*10000) | toString(x)] AS l RETURN size(l)', {}],
      ['MATCH (c:Company) WITH count(c) AS n RETURN range(1, n * 1000000)', {}],
      ['RETURN range(1, 10, $step)', { step: 'one' }],
      ['WITH [x IN range(1, $n) | x] AS l RETURN l', { n: 'many' }],
      ['RETURN range(1, 10, 2 + 1)', {}],
    ] as const)
      assert.match(unboundedValue(query, params) ?? '', /range\(\) takes written integers/, query);
    for (const [query, params] of [
      [`RETURN size(range(1, ${MAX_RANGE_ELEMENTS}))`, {}],
      ['RETURN range(30000000, 1)', {}],
      ['RETURN range(-5, +5, $step)', { step: 2 }],
      ['UNWIND range(1, 10000000000) AS i RETURN count(i)', {}],
      ["UNWIND range(1, toInteger('30000000')) AS i RETURN count(i)", {}],
      ['MATCH (c:Company) RETURN c.range', {}],
      ["RETURN 'range(1, n)' AS text // range(1, toInteger(x))", {}],
    ] as const)
      assert.equal(unboundedValue(query, params), null, query);
  });

  it('refuses reduce(), a lengthening replace() and nested list comprehensions, which build huge values from short text', () => {
    for (const [query, params, why] of [
      ["RETURN size(reduce(s = 'x', i IN [1,2,3] | s + s))", {}, /reduce\(\) is not allowed/],
      ['RETURN REDUCE(t = 0, x IN [1, 2] | t + x)', {}, /reduce\(\) is not allowed/],
      ["RETURN replace(replace('x', 'x', 'xxxxxxxxxx'), 'x', 'xxxxxxxxxx')", {}, /may not lengthen/],
      ["RETURN replace('abc', '', 'x')", {}, /may not lengthen/],
      ['RETURN replace(c.name, $a, $b)', { a: '-', b: ' - ' }, /may not lengthen/],
      ["RETURN replace(c.name, 'a', c.name)", {}, /replace\(\) takes a written string/],
      [
        'RETURN size([a IN range(1,1000) | [b IN range(1,1000) | [c IN range(1,1000) | a]]])',
        {},
        /list comprehension may not build a list comprehension/,
      ],
      ['RETURN [a IN [1,2] | size([b IN [3,4] | b])]', {}, /list comprehension may not build/],
    ] as const)
      assert.match(unboundedValue(query, params) ?? '', why, query);
    for (const [query, params] of [
      ["MATCH (c:Company) RETURN replace(c.name, '股份有限公司', '')", {}],
      ['MATCH (c:Company) RETURN replace(c.name, $from, $to)', { from: '（', to: '(' }],
      ["RETURN 'reduce(s, x IN l | s + s)' AS text", {}],
      ['RETURN [a IN [x IN [1,2,3] WHERE x > 1 | x] WHERE a IN [y IN [2] | y] | a * 2]', {}],
      ['MATCH (c:Company) RETURN [(c)<-[:PLEDGOR]-(e) | e.date] AS dates', {}],
    ] as const)
      assert.equal(unboundedValue(query, params), null, query);
  });

  it('refuses a variable rebound to copies of itself again and again, and long strings built per element', () => {
    const doubling = (times: number) =>
      `WITH 'x' AS s ${Array.from({ length: times }, () => 'WITH s + s AS s').join(' ')} RETURN size(s) AS n`;
    const copies = /at most \d+ copies of earlier variables/;
    for (const [query, params, why] of [
      // The two forms bench/cypher-memory-bombs.ts measured making the server exit through the guard.
      [doubling(31), {}, copies],
      [`RETURN size([x IN range(1, 1000000) | '${'x'.repeat(9000)}' + x]) AS n`, {}, /range\(\) of 1000000/],
      [doubling(Math.ceil(Math.log2(MAX_VALUE_COPIES + 1))), {}, copies],
      // Doubling under other names, through lists, maps and comprehensions.
      [`WITH 'x' AS s ${'WITH s + s AS t WITH t + t AS s '.repeat(4)}RETURN s`, {}, copies],
      [`WITH 'x' AS s ${'WITH {a: s, b: s} AS m WITH m.a + m.b AS s '.repeat(7)}RETURN s`, {}, copies],
      [`WITH ['x'] AS l ${'WITH [y IN l | y + y] AS l '.repeat(5)}RETURN l`, {}, copies],
      [
        `WITH 'x' AS s RETURN size(${Array(MAX_VALUE_COPIES + 1)
          .fill('s')
          .join(' + ')})`,
        {},
        copies,
      ],
      [
        `RETURN [x IN range(1, 1000) | '${'x'.repeat(MAX_MAPPING_CHARS + 1)}' + x] AS l`,
        {},
        /mapping of a list comprehension .* at most 1,000 characters/,
      ],
      [
        'MATCH (c:Company) WITH collect(c.name) AS names RETURN [n IN names | n + $pad] AS l',
        { pad: 'x'.repeat(MAX_MAPPING_CHARS + 1) },
        /mapping of a list comprehension/,
      ],
      [
        `RETURN size(${Array(5).fill('$p').join(' + ')}) AS n`,
        { p: 'x'.repeat(MAX_LITERAL_CHARS / 4) },
        /strings and parameters of a query may hold at most 65,536 characters/,
      ],
    ] as const)
      assert.match(unboundedValue(query, params) ?? '', why, query.slice(0, 120));
    for (const [query, params] of [
      // A few doublings, a variable named several times, a long parameter list, a short string per element.
      [doubling(Math.floor(Math.log2(MAX_VALUE_COPIES))), {}],
      [
        "MATCH (e:Event)-[r]->(c:Company) WITH e, c, c.name + '/' + e.type AS label, collect(r) AS rs RETURN label, c.name + ': ' + label AS line, [x IN rs | type(x)] AS types",
        {},
      ],
      [
        'MATCH (c:Company) WHERE c.key IN $keys RETURN c.name',
        { keys: Array.from({ length: 2000 }, (_, i) => `company-key-${i}`) },
      ],
      [
        `RETURN [x IN range(1, ${MAX_RANGE_ELEMENTS}) | '${'x'.repeat(MAX_MAPPING_CHARS - 10)}' + x] AS l`,
        {},
      ],
      [
        'UNWIND range(1, 1000000) AS x RETURN size(collect(toString(x) + $pad)) AS n',
        { pad: 'x'.repeat(10_000) },
      ],
      ["WITH 'x' AS s WITH s, s AS t WITH s + t AS u RETURN u + u AS v", {}],
    ] as const)
      assert.equal(unboundedValue(query, params), null, query.slice(0, 120));
  });

  it('refuses a list comprehension that builds values per element of a list of unknown length, not one that picks', () => {
    const builds = /list comprehension over a list of unknown length .* may only pick/;
    for (const query of [
      // The form that passed every other rule and made Neo4j exit (bench/cypher-memory-bombs.ts).
      `UNWIND range(1, 1000000) AS i WITH collect(i) AS l RETURN size([x IN l | '${'x'.repeat(900)}' + x]) AS n`,
      'UNWIND range(1, 1000000) AS i WITH collect(i) AS l RETURN [x IN l | toString(x) + toString(x)] AS m',
      'UNWIND range(1, 1000000) AS i WITH collect(i) AS l RETURN [x IN l | [x, x, x, x, x, x, x, x]] AS m',
      "MATCH (c:Company) WITH collect(c) AS cs RETURN [c IN cs WHERE c.name <> '' | c.name + '!'] AS m",
      'MATCH (c:Company) RETURN [x IN collect(c.name) | replace(x, "a", "b")] AS m',
      "MATCH (c:Company) WITH collect(c.name) AS l RETURN [x IN l + l | x + 'y'] AS m",
      'MATCH (c:Company) WITH collect(c.name) AS l, 1 AS one RETURN [x IN l | one] AS m',
      'WITH [1, 2] AS l RETURN [x IN [y IN l WHERE y > 1] | x + 1] AS m',
    ])
      assert.match(unboundedValue(query, {}) ?? '', builds, query.slice(0, 120));
    for (const query of [
      'MATCH (c:Company) WITH collect(c) AS cs RETURN [c IN cs | c.name] AS names',
      'MATCH (c:Company) WITH collect(c) AS cs RETURN [c IN cs WHERE c.key STARTS WITH "a" | toUpper(c.name)] AS m',
      'UNWIND range(1, 1000000) AS i WITH collect(i) AS l RETURN size([x IN l WHERE x % 2 = 0]) AS n',
      'MATCH (c:Company) WITH collect(c) AS cs RETURN [c IN cs | size(labels(c))] AS m',
      "MATCH p = (:Company)-[*1..3]-(:Company) RETURN [n IN nodes(p) | n.name + ' (' + labels(n)[0] + ')'] AS m",
      "RETURN [x IN [1, 2, 3] | toString(x) + '%'] AS m, [x IN $list | x + 1] AS n",
      'RETURN [x IN [y IN range(1, 10) WHERE y > 2 | y] | x * 2] AS m',
      "MATCH (c:Company) RETURN [a IN c.aliases | a + '*'] AS m, [x IN range(1, 10) | x * 2] AS n",
    ])
      assert.equal(unboundedValue(query, { list: [1, 2] }), null, query);
  });

  it('refuses a comprehension over more than 100 elements that copies an outer variable into each', () => {
    const outer =
      /mapping of a list comprehension over more than 100 elements .* may not name variables from outside it/;
    for (const [query, params] of [
      // A 60,000-character string (within the literal limit) joined to each of 10,000 elements: 600 MB.
      [`WITH '${'x'.repeat(60_000)}' AS s RETURN size([x IN range(1, 10000) | s + x]) AS n`, {}],
      ['WITH $p AS s RETURN size([x IN range(1, 10000) | {v: s, k: x}]) AS n', { p: 'x'.repeat(60_000) }],
      ['MATCH p = (c:Company)-[*1..3]-() WITH c.name AS s, p RETURN [n IN nodes(p) | s + n.name] AS m', {}],
      ['WITH 1 AS s RETURN [x IN $list | s + x] AS m', { list: Array.from({ length: 101 }, (_, i) => i) }],
    ] as const)
      assert.match(unboundedValue(query, params) ?? '', outer, query.slice(0, 120));
    for (const [query, params] of [
      ['UNWIND [1, 2, 3] AS i RETURN i, [x IN range(1, 3) | x * i] AS multiples', {}],
      ['WITH 1 AS s RETURN [x IN range(1, 100) | s + x] AS m, [x IN [1, 2] | s + x] AS n', {}],
      ["RETURN [x IN range(1, 10000) | {k: x, v: CASE WHEN x > 2 THEN 'y' ELSE 'n' END}] AS m", {}],
      ['WITH 1 AS s RETURN [x IN $list | s + x] AS m', { list: [1, 2, 3] }],
    ] as const)
      assert.equal(unboundedValue(query, params), null, query);
  });

  it('points error positions at the client’s text, not at the EXPLAIN in front of it', () => {
    assert.equal(
      withoutExplainOffset("Invalid input '': expected an expression (line 1, column 19 (offset: 18))"),
      "Invalid input '': expected an expression (line 1, column 11 (offset: 10))",
    );
    assert.equal(
      withoutExplainOffset('x (line 2, column 3 (offset: 30))'),
      'x (line 2, column 3 (offset: 22))',
    );
  });

  describe('against Neo4j', () => {
    const config = testConfig();
    let driver: Driver;
    before(async () => {
      await ensureTestServices(config);
      driver = createNeo4jDriver(config);
    });
    after(async () => {
      await driver?.close();
    });

    it('stops a query at its deadline', async () => {
      await assert.rejects(
        runUserCypher(
          { driver, database: config.neo4jDatabase },
          'UNWIND range(1, 10000000000) AS i WITH i WHERE i % 7 = 3 RETURN count(i) AS n',
          {},
          { timeoutMs: 300, maxRows: 10 },
        ),
        QueryTimeoutError,
      );
    });

    it('runs a read that picks from each element of a collected list', async () => {
      const result = await runUserCypher(
        { driver, database: config.neo4jDatabase },
        'UNWIND range(1, 1000) AS i WITH collect(i) AS l RETURN size([x IN l WHERE x % 2 = 0 | toString(x)]) AS n',
        {},
        { timeoutMs: 5000, maxRows: 5 },
      );
      assert.deepEqual(result.rows, [{ n: 500 }]);
    });

    it('stops reading at the row cap instead of buffering the whole result', async () => {
      const result = await runUserCypher(
        { driver, database: config.neo4jDatabase },
        'UNWIND range(1, 100000000) AS i RETURN i',
        {},
        { timeoutMs: 5000, maxRows: 5 },
      );
      assert.equal(result.rows.length, 5);
      assert.equal(result.truncated, true);
    });
  });
});
