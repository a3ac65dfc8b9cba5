import neo4j, { type Driver } from 'neo4j-driver';

export interface ExampleFact {
  type: string;
  trigger: string;
  date: string | null;
  arguments: { role: string; text: string }[];
  sentence: string;
  page: number;
  document: string;
  confidence: number;
}

export interface GraphSummary {
  documents: number;
  nodes: Record<string, number>;
  mentionsByType: Record<string, number>;
  eventsByType: Record<string, number>;
  ratings: number;
  examples: ExampleFact[];
}

/** Counts and a few well-supported facts, with the sentence each was read in. */
export async function summarizeGraph(
  driver: Driver,
  database: string,
  exampleCount = 5,
): Promise<GraphSummary> {
  const run = async (query: string, params: Record<string, unknown> = {}) =>
    (await driver.executeQuery(query, params, { database, routing: 'READ' })).records;

  const [documents] = await run('MATCH (d:Document) RETURN count(d) AS n');
  const nodes: Record<string, number> = {};
  for (const label of ['Company', 'Person', 'Organization', 'Event', 'Sentence', 'Analyst', 'Broker']) {
    const [row] = await run(`MATCH (n:${label}) RETURN count(n) AS n`);
    nodes[label] = Number(row?.get('n') ?? 0);
  }
  const mentions = await run(
    'MATCH ()-[m:MENTIONED_IN]->() RETURN m.type AS type, count(*) AS n ORDER BY n DESC',
  );
  const events = await run('MATCH (e:Event) RETURN e.type AS type, count(*) AS n ORDER BY n DESC');
  const [ratings] = await run('MATCH ()-[r:RATES]->() RETURN count(r) AS n');
  const examples = await run(
    `MATCH (e:Event)-[ev:EVIDENCED_BY]->(s:Sentence)<-[:HAS_SENTENCE]-(d:Document)
     WITH e, s, d ORDER BY e.confidence DESC
     WITH e, head(collect({s: s, d: d})) AS first
     ORDER BY e.confidence DESC LIMIT $limit
     RETURN e.type AS type, e.trigger AS trigger, e.date AS date, e.confidence AS confidence,
            first.s.text AS sentence, first.s.page AS page, coalesce(first.d.title, first.d.fileName, first.d.id) AS document,
            COLLECT { MATCH (e)-[r]->() WHERE r.role IS NOT NULL
                      RETURN {role: r.roleKey, text: r.text} ORDER BY r.confidence DESC LIMIT 8 } AS arguments`,
    { limit: neo4j.int(exampleCount) },
  );
  const toCounts = (rows: typeof events) =>
    Object.fromEntries(rows.map((r) => [String(r.get('type')), Number(r.get('n'))]));
  return {
    documents: Number(documents?.get('n') ?? 0),
    nodes,
    mentionsByType: toCounts(mentions),
    eventsByType: toCounts(events),
    ratings: Number(ratings?.get('n') ?? 0),
    examples: examples.map((r) => ({
      type: r.get('type'),
      trigger: r.get('trigger'),
      date: r.get('date') ?? null,
      arguments: r.get('arguments'),
      sentence: r.get('sentence'),
      page: Number(r.get('page')),
      document: r.get('document'),
      confidence: Number(r.get('confidence')),
    })),
  };
}
