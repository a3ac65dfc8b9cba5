import type { Driver } from 'neo4j-driver';
import { personCompanyKey, personKey } from '../link/person-key.js';
import { eventVocabulary } from './queries/allow-lists.js';
import { SplitRefusedError } from './split-company.js';

export interface PersonSplitResult {
  from: string;
  to: string;
  mentions: number;
  arguments: number;
}

/** Thrown when the person was merged from no other document, or the document never named them. */
export class PersonSplitRefusedError extends SplitRefusedError {}

/**
 * Undoes a wrong merge of a person: what one document linked to `key` (a name within a company, merged
 * across that company's documents) moves to a person of that name known within that document alone
 * (`name@document:<id>`), which keeps the reason given and the key it came from. The key it got is kept
 * on the company (`splitPeople`), which linking reads through the gazetteer, so reprocessing the
 * document never joins them again. One transaction. Returns null when there is no such person.
 */
export async function splitPerson(
  driver: Driver,
  database: string,
  key: string,
  documentId: string,
  reason: string,
): Promise<PersonSplitResult | null> {
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  try {
    return await session.executeWrite(async (tx) => {
      const found = await tx.run('MATCH (p:Person {key: $key}) RETURN p.name AS name', { key });
      if (found.records.length === 0) return null;
      const companyKey = personCompanyKey(key);
      if (!companyKey)
        throw new PersonSplitRefusedError(`${key} is known within no company: nothing was merged`);
      const named = await tx.run(
        `MATCH (:Person {key: $key})-[:MENTIONED_IN]->(s:Sentence)
         RETURN count(DISTINCT s.documentId) AS documents, $documentId IN collect(s.documentId) AS here`,
        { key, documentId },
      );
      if (Number(named.records[0]?.get('documents') ?? 0) < 2 && named.records[0]?.get('here'))
        throw new PersonSplitRefusedError(`only document ${documentId} names ${key}: nothing was merged`);
      const name = String(found.records[0]?.get('name'));
      const to = personKey(name, undefined, documentId);
      const params = { key, documentId, to, name, reason };
      const node = `MERGE (n:Person {key: $to}) ON CREATE SET n.name = $name
           SET n.splitFrom = $key, n.splitReason = $reason`;
      const mentions = await tx.run(
        `MATCH (p:Person {key: $key})-[m:MENTIONED_IN]->(s:Sentence {documentId: $documentId})
         ${node}
         CREATE (n)-[m2:MENTIONED_IN]->(s) SET m2 = properties(m), m2.resolution = 'split'
         DELETE m
         RETURN count(*) AS moved`,
        params,
      );
      let moved = 0;
      // Role relationship types come from the schema's allow-list, never from the request.
      for (const type of eventVocabulary().roleTypes) {
        const result = await tx.run(
          `MATCH (p:Person {key: $key})<-[r:${type} {documentId: $documentId}]-(e:Event)
           ${node}
           CREATE (e)-[r2:${type}]->(n) SET r2 = properties(r)
           DELETE r
           RETURN count(*) AS moved`,
          params,
        );
        moved += Number(result.records[0]?.get('moved') ?? 0);
      }
      const mentionCount = Number(mentions.records[0]?.get('moved') ?? 0);
      if (mentionCount === 0 && moved === 0)
        throw new PersonSplitRefusedError(`document ${documentId} never named ${key}`);
      await tx.run(
        `MATCH (c:Company {key: $companyKey})
         SET c.splitPeople = coalesce(c.splitPeople, []) +
           CASE WHEN $to IN coalesce(c.splitPeople, []) THEN [] ELSE [$to] END`,
        { companyKey, to },
      );
      return { from: key, to, mentions: mentionCount, arguments: moved };
    });
  } finally {
    await session.close();
  }
}
