import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { observeWriteStatements } from '../../bench/observed-driver.js';
import { writeDocumentGraph } from '../../src/graph/index.js';
import { writeStatement } from '../../src/graph/write-statement.js';
import { buildGraphFixture, removeGraphFixture } from '../support/graph-fixture.js';
import { openTestGraph } from '../support/test-graph.js';
import { testConfig, uniquePrefix } from '../support/test-services.js';

const PLANNED_ONCE = writeStatement('');

interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

/**
 * How the plan reaches the graph: its seeks, scans, expansions and joins, in a fixed order (where the
 * planner caches properties or places an Eager may vary without changing that), with the unnamed
 * variables it numbers anew each time made alike.
 */
function accessPaths(plan: PlanNode): string[] {
  const lines: string[] = [];
  const walk = (node: PlanNode) => {
    if (/Seek|Scan|Expand|Join|CartesianProduct/.test(node.operatorType))
      lines.push(`${node.operatorType} ${String(node.arguments.Details ?? '').replace(/anon_\d+/g, 'anon')}`);
    for (const child of node.children) walk(child);
  };
  walk(plan);
  return lines.sort();
}

describe('graph writer statements planned once', () => {
  const config = testConfig();
  const prefix = uniquePrefix();
  let driver: Driver;
  let closeGraph: (() => Promise<void>) | undefined;
  before(async () => {
    ({ driver, close: closeGraph } = await openTestGraph(config, prefix));
  });
  after(() => closeGraph?.());

  /** A fresh plan of each recorded statement on the graph as it is now. */
  const plansNow = async (statements: Map<string, Record<string, unknown>>) => {
    const plans = new Map<string, string[]>();
    for (const [query, params] of statements) {
      const text = `CYPHER replan=force EXPLAIN ${query.slice(PLANNED_ONCE.length)}`;
      const { summary } = await driver.executeQuery(text, params, { database: config.neo4jDatabase });
      assert.ok(summary.plan, query);
      plans.set(query, accessPaths(summary.plan as unknown as PlanNode));
    }
    return plans;
  };

  it('find their nodes by key or index, and plan the same on a populated graph as on the graph before it', async () => {
    const statements = new Map<string, Record<string, unknown>>();
    // Each planned-once statement the writer runs, with its parameters.
    const recording = observeWriteStatements(driver, (query, params) => {
      if (query.startsWith(PLANNED_ONCE) && !statements.has(query)) statements.set(query, params);
    });
    // Ten copies of the fixture (issuer, subsidiary, bank, person, events, a rated report), one
    // announcement written twice so the statements that take back an earlier extraction have work.
    const fixtures = Array.from({ length: 10 }, (_, i) => buildGraphFixture(`${prefix}${i}`));
    for (const fixture of fixtures)
      for (const doc of fixture.documents) await writeDocumentGraph(recording, config.neo4jDatabase, doc);
    const again = fixtures[0]?.documents[0];
    assert.ok(again);
    await writeDocumentGraph(recording, config.neo4jDatabase, again);
    assert.ok(statements.size >= 8, `${statements.size} planned-once statements recorded`);

    const populated = await plansNow(statements);
    for (const fixture of fixtures) await removeGraphFixture(driver, config.neo4jDatabase, fixture.prefix);
    const before = await plansNow(statements);

    for (const [query, plan] of populated) {
      const scans = plan.filter((line) => /Scan/.test(line.split(' ')[0] ?? ''));
      assert.deepEqual(scans, [], `a scan in\n${query}\n${plan.join('\n')}`);
      assert.deepEqual(before.get(query), plan, `another plan on the graph before the documents:\n${query}`);
    }
  });
});
