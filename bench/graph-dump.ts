import type { Driver } from 'neo4j-driver';

/** A value as JSON with object keys sorted, so equal graphs print equal lines. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/**
 * Every node (labels and properties) and every relationship (its nodes as such, type, properties) of
 * the database as sorted lines, free of the ids Neo4j assigns: two graphs are the same when their dumps
 * are. For graphs of a few thousand facts (tests, benchmark passes). With `within`, only the nodes
 * whose properties contain that text (a test's key prefix) and the relationships between them.
 */
export async function dumpGraph(driver: Driver, database: string, within?: string): Promise<string[]> {
  const nodes = new Map<string, string>();
  const { records } = await driver.executeQuery(
    'MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props',
    {},
    { database },
  );
  for (const r of records) {
    const props = canonical(r.get('props'));
    if (within === undefined || props.includes(within))
      nodes.set(r.get('id'), `(${[...(r.get('labels') as string[])].sort().join(':')} ${props})`);
  }
  const relationships = await driver.executeQuery(
    'MATCH (a)-[r]->(b) RETURN elementId(a) AS a, type(r) AS type, properties(r) AS props, elementId(b) AS b',
    {},
    { database },
  );
  const lines = [...nodes.values()];
  for (const r of relationships.records) {
    if (!nodes.has(r.get('a')) || !nodes.has(r.get('b'))) continue;
    lines.push(
      `${nodes.get(r.get('a'))}-[:${r.get('type')} ${canonical(r.get('props'))}]->${nodes.get(r.get('b'))}`,
    );
  }
  return lines.sort();
}

/** Lines only one dump has, at most `limit` of each side, for a message. */
export function dumpDifference(a: readonly string[], b: readonly string[], limit = 5): string {
  const inB = new Set(b);
  const inA = new Set(a);
  const onlyA = a.filter((l) => !inB.has(l));
  const onlyB = b.filter((l) => !inA.has(l));
  return [
    `${onlyA.length} lines only in the first, ${onlyB.length} only in the second`,
    ...onlyA.slice(0, limit).map((l) => `- ${l.slice(0, 400)}`),
    ...onlyB.slice(0, limit).map((l) => `+ ${l.slice(0, 400)}`),
  ].join('\n');
}
