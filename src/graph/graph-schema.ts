import type { Driver } from 'neo4j-driver';

/**
 * Constraints and indexes of the graph, created at start-up. Every statement is IF NOT EXISTS, so
 * any number of workers may run this at once, any number of times.
 */
const STATEMENTS = [
  'CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT sentence_id IF NOT EXISTS FOR (n:Sentence) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT company_key IF NOT EXISTS FOR (n:Company) REQUIRE n.key IS UNIQUE',
  'CREATE CONSTRAINT person_key IF NOT EXISTS FOR (n:Person) REQUIRE n.key IS UNIQUE',
  'CREATE CONSTRAINT organization_key IF NOT EXISTS FOR (n:Organization) REQUIRE n.key IS UNIQUE',
  'CREATE CONSTRAINT analyst_key IF NOT EXISTS FOR (n:Analyst) REQUIRE n.key IS UNIQUE',
  'CREATE CONSTRAINT broker_name IF NOT EXISTS FOR (n:Broker) REQUIRE n.name IS UNIQUE',
  'CREATE INDEX company_code IF NOT EXISTS FOR (n:Company) ON (n.code)',
  'CREATE INDEX company_name IF NOT EXISTS FOR (n:Company) ON (n.name)',
  'CREATE INDEX company_hk_code IF NOT EXISTS FOR (n:Company) ON (n.hkCode)',
  'CREATE INDEX company_b_code IF NOT EXISTS FOR (n:Company) ON (n.bCode)',
  'CREATE INDEX event_type_date IF NOT EXISTS FOR (n:Event) ON (n.type, n.date)',
  'CREATE INDEX event_document IF NOT EXISTS FOR (n:Event) ON (n.documentId)',
  // The API lists events by type alone or by date alone; the (type, date) index serves neither.
  'CREATE INDEX event_type IF NOT EXISTS FOR (n:Event) ON (n.type)',
  'CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date)',
  'CREATE INDEX sentence_document IF NOT EXISTS FOR (n:Sentence) ON (n.documentId)',
  'CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name)',
  'CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name)',
  'CREATE INDEX document_published IF NOT EXISTS FOR (n:Document) ON (n.publishedAt)',
  // A party named only in words is found by its text once its company arrives (late-parties.ts).
  'CREATE INDEX has_argument_text IF NOT EXISTS FOR ()-[r:HAS_ARGUMENT]-() ON (r.text)',
  // A document's stated subsidiaries are taken back when it is written again or removed.
  'CREATE INDEX subsidiary_of_document IF NOT EXISTS FOR ()-[r:SUBSIDIARY_OF]-() ON (r.documentId)',
  'CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Company|Person|Organization) ON EACH [n.name, n.shortNames, n.code]',
];

export async function ensureGraphSchema(driver: Driver, database: string): Promise<void> {
  for (const statement of STATEMENTS) {
    try {
      await driver.executeQuery(statement, {}, { database });
    } catch (error) {
      // Two workers starting together can race on the same IF NOT EXISTS; the loser's rule exists anyway.
      if (!/AlreadyExists|EquivalentSchemaRule/.test(String((error as { code?: string }).code))) throw error;
    }
  }
  await driver.executeQuery('CALL db.awaitIndexes(60)', {}, { database });
}
