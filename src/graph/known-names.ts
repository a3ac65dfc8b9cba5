import type { Driver } from 'neo4j-driver';
import type { KnownName } from '../extract/knowledge-features.js';

/**
 * Every company (full and short names), organisation and person name in the graph: the knowledge the
 * extraction model is told about. Each part reads a name index, not the nodes' label store.
 */
export const KNOWN_NAMES_QUERY = `
  MATCH (c:Company) WHERE c.name IS NOT NULL
  UNWIND [c.name] + coalesce(c.shortNames, []) AS name
  RETURN name, 'org' AS kind
  UNION ALL
  MATCH (o:Organization) WHERE o.name IS NOT NULL
  RETURN o.name AS name, 'org' AS kind
  UNION ALL
  MATCH (p:Person) WHERE p.name IS NOT NULL
  RETURN p.name AS name, 'person' AS kind`;

export async function readKnownNames(driver: Driver, database: string): Promise<KnownName[]> {
  const { records } = await driver.executeQuery(KNOWN_NAMES_QUERY, {}, { database, routing: 'READ' });
  return records.map((r) => ({ name: String(r.get('name')), kind: r.get('kind') as KnownName['kind'] }));
}
