import type { Driver } from 'neo4j-driver';
import { cleanCompanyName } from '../link/company-name.js';
import { eventVocabulary } from './queries/allow-lists.js';

export interface SplitResult {
  from: string;
  to: string;
  mentions: number;
  arguments: number;
}

/** Thrown when the name is the node's own name or one it was never linked by. */
export class SplitRefusedError extends Error {}

/**
 * Undoes a wrong merge: the mentions and event roles a company was linked to by `name` move to a
 * company of that name, the name leaves the node's short names and is kept in `notAliases`, so
 * linking (which reads notAliases through the gazetteer) never joins them again. One transaction.
 * Returns null when there is no such company.
 */
export async function splitCompany(
  driver: Driver,
  database: string,
  key: string,
  rawName: string,
): Promise<SplitResult | null> {
  const name = cleanCompanyName(rawName);
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  try {
    return await session.executeWrite(async (tx) => {
      const found = await tx.run('MATCH (c:Company {key: $key}) RETURN c.name AS name', { key });
      const current = found.records[0]?.get('name');
      if (found.records.length === 0) return null;
      if (cleanCompanyName(String(current)) === name)
        throw new SplitRefusedError(`${name} is the company's own name`);
      const to = `name:${name}`;
      if (to === key) throw new SplitRefusedError(`${name} is the company's own key`);
      const texts = [rawName, name];
      const mentions = await tx.run(
        `MATCH (c:Company {key: $key})-[m:MENTIONED_IN]->(s:Sentence) WHERE m.text IN $texts
         MERGE (n:Company {key: $to}) ON CREATE SET n.name = $name
         SET n.splitFrom = $key
         CREATE (n)-[m2:MENTIONED_IN]->(s) SET m2 = properties(m), m2.resolution = 'split'
         DELETE m
         RETURN count(*) AS moved`,
        { key, texts, to, name },
      );
      let moved = 0;
      // Role relationship types come from the schema's allow-list, never from the request.
      for (const type of eventVocabulary().roleTypes) {
        const result = await tx.run(
          `MATCH (c:Company {key: $key})<-[r:${type}]-(e:Event) WHERE r.text IN $texts
           MERGE (n:Company {key: $to}) ON CREATE SET n.name = $name
           SET n.splitFrom = $key
           CREATE (e)-[r2:${type}]->(n) SET r2 = properties(r)
           DELETE r
           RETURN count(*) AS moved`,
          { key, texts, to, name },
        );
        moved += Number(result.records[0]?.get('moved') ?? 0);
      }
      const mentionCount = Number(mentions.records[0]?.get('moved') ?? 0);
      if (mentionCount === 0 && moved === 0) {
        const short = await tx.run(
          'MATCH (c:Company {key: $key}) RETURN $name IN coalesce(c.shortNames, []) AS known',
          { key, name },
        );
        if (!short.records[0]?.get('known'))
          throw new SplitRefusedError(`company ${key} was never linked by the name ${name}`);
      }
      await tx.run(
        `MATCH (c:Company {key: $key})
         SET c.shortNames = [s IN coalesce(c.shortNames, []) WHERE NOT s IN $texts],
             c.notAliases = coalesce(c.notAliases, []) + CASE WHEN $name IN coalesce(c.notAliases, []) THEN [] ELSE [$name] END
         MERGE (n:Company {key: $to}) ON CREATE SET n.name = $name
         SET n.splitFrom = $key`,
        { key, texts, to, name },
      );
      return { from: key, to, mentions: mentionCount, arguments: moved };
    });
  } finally {
    await session.close();
  }
}
