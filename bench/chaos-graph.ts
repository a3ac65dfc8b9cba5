/**
 * What the chaos benchmark compares between its clean pass and its pass with faults: the graph's
 * documents, the events and sentences of each, the entities by key, node and relationship counts, and
 * nodes without any relationship (orphans).
 */
import type { Driver } from 'neo4j-driver';

export interface GraphFingerprint {
  /** Document id → its events and sentences. */
  documents: Map<string, { events: number; sentences: number }>;
  /** Document ids held by more than one Document node. */
  duplicateDocuments: string[];
  /** `Label:key` of every Company, Person and Organization. */
  entities: Set<string>;
  nodesByLabel: Map<string, number>;
  relationshipsByType: Map<string, number>;
  /** Label → count of nodes with no relationship at all. */
  orphans: Map<string, number>;
}

export async function readFingerprint(driver: Driver, database: string): Promise<GraphFingerprint> {
  const run = async (query: string) => (await driver.executeQuery(query, {}, { database })).records;
  const documents = new Map<string, { events: number; sentences: number }>();
  for (const r of await run(
    `MATCH (d:Document) RETURN d.id AS id,
       COUNT { (d)<-[:REPORTED_IN]-(:Event) } AS events, COUNT { (d)-[:HAS_SENTENCE]->() } AS sentences`,
  )) {
    documents.set(r.get('id'), { events: Number(r.get('events')), sentences: Number(r.get('sentences')) });
  }
  const duplicateDocuments = (
    await run('MATCH (d:Document) WITH d.id AS id, count(*) AS n WHERE n > 1 RETURN id')
  ).map((r) => String(r.get('id')));
  const entities = new Set(
    (
      await run(
        `MATCH (n:Company|Person|Organization)
         RETURN [l IN labels(n) WHERE l IN ['Company', 'Person', 'Organization']][0] + ':' + n.key AS entity`,
      )
    ).map((r) => String(r.get('entity'))),
  );
  const counts = async (query: string) =>
    new Map((await run(query)).map((r) => [String(r.get('k')), Number(r.get('n'))]));
  return {
    documents,
    duplicateDocuments,
    entities,
    nodesByLabel: await counts('MATCH (n) UNWIND labels(n) AS k RETURN k, count(*) AS n'),
    relationshipsByType: await counts('MATCH ()-[r]->() RETURN type(r) AS k, count(*) AS n'),
    orphans: await counts(
      "MATCH (n) WHERE NOT (n)--() RETURN coalesce(head(labels(n)), '(no label)') AS k, count(*) AS n",
    ),
  };
}

function mapDifferences(what: string, clean: Map<string, number>, chaos: Map<string, number>): string[] {
  const keys = new Set([...clean.keys(), ...chaos.keys()]);
  return [...keys]
    .filter((k) => (clean.get(k) ?? 0) !== (chaos.get(k) ?? 0))
    .map((k) => `${what} ${k}: clean ${clean.get(k) ?? 0}, with faults ${chaos.get(k) ?? 0}`);
}

/** How the graph with faults differs from the clean one (empty: they are equal). */
export function graphDifferences(clean: GraphFingerprint, chaos: GraphFingerprint): string[] {
  const differences: string[] = [];
  for (const [id, expected] of clean.documents) {
    const found = chaos.documents.get(id);
    if (!found) differences.push(`document ${id.slice(0, 12)} missing`);
    else if (found.events !== expected.events || found.sentences !== expected.sentences)
      differences.push(
        `document ${id.slice(0, 12)}: clean ${expected.events} events ${expected.sentences} sentences, ` +
          `with faults ${found.events} events ${found.sentences} sentences`,
      );
  }
  for (const id of chaos.documents.keys())
    if (!clean.documents.has(id)) differences.push(`document ${id.slice(0, 12)} not in the clean graph`);
  for (const e of clean.entities) if (!chaos.entities.has(e)) differences.push(`entity ${e} missing`);
  for (const e of chaos.entities)
    if (!clean.entities.has(e)) differences.push(`entity ${e} not in the clean graph`);
  differences.push(...mapDifferences('nodes', clean.nodesByLabel, chaos.nodesByLabel));
  differences.push(...mapDifferences('relationships', clean.relationshipsByType, chaos.relationshipsByType));
  return differences;
}

export function orphanCount(graph: GraphFingerprint): number {
  return [...graph.orphans.values()].reduce((a, b) => a + b, 0);
}

export function eventCount(graph: GraphFingerprint): number {
  return [...graph.documents.values()].reduce((a, d) => a + d.events, 0);
}

/** Empties the database between passes, in batches so one transaction never holds the whole graph. */
export async function emptyGraph(driver: Driver, database: string): Promise<void> {
  const session = driver.session({ database });
  try {
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
}
