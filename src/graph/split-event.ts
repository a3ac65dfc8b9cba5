import type { Driver } from 'neo4j-driver';
import { deriveEventValues } from './event-sources.js';
import { SplitRefusedError } from './split-company.js';

export interface EventSplitResult {
  /** The event the document told with the others (its id after the split). */
  from: string;
  /** The document's own event. */
  to: string;
  /** Relationships moved: the document's telling, evidence and arguments. */
  moved: number;
}

/** Thrown when the event is told by one document only, or not by this one. */
export class EventSplitRefusedError extends SplitRefusedError {}

/**
 * Undoes a wrong cross-document match: what `documentId` told of the event (its REPORTED_IN with its
 * values, its trigger evidence, its role and value arguments) moves onto an Event of its own, which
 * keeps `reason` and the event it came from (`splitFrom`, `splitReason`). Both events then take their
 * values from their own sources. The document is kept on the event it left (`splitDocuments`), which the
 * writer's event match reads, so reprocessing the document never joins them again. One transaction.
 * Returns null when there is no such event.
 */
export async function splitEvent(
  driver: Driver,
  database: string,
  eventId: string,
  documentId: string,
  reason: string,
): Promise<EventSplitResult | null> {
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  try {
    return await session.executeWrite(async (tx) => {
      const found = await tx.run(
        `MATCH (e:Event {id: $eventId})
         RETURN COUNT { (e)-[:REPORTED_IN]->() } AS tellers,
                EXISTS { (e)-[:REPORTED_IN]->(:Document {id: $documentId}) } AS told`,
        { eventId, documentId },
      );
      const record = found.records[0];
      if (!record) return null;
      if (!record.get('told'))
        throw new EventSplitRefusedError(`document ${documentId} does not tell ${eventId}`);
      if (Number(record.get('tellers')) < 2)
        throw new EventSplitRefusedError(`only document ${documentId} tells ${eventId}: nothing was merged`);
      // The new node's id is a placeholder until its values are derived: it then takes the document's own
      // event id, which its REPORTED_IN keeps (eventId).
      const placeholder = `${eventId}@split:${documentId}`;
      const moved = await tx.run(
        `MATCH (e:Event {id: $eventId})
         MATCH (e)-[rep:REPORTED_IN]->(doc:Document {id: $documentId})
         CREATE (n:Event) SET n = e {.*, id: $placeholder, splitReason: $reason, splitDocuments: null}
         CREATE (n)-[own:REPORTED_IN]->(doc) SET own = properties(rep)
         REMOVE own.match
         DELETE rep
         SET e.splitDocuments = coalesce(e.splitDocuments, []) +
           CASE WHEN $documentId IN coalesce(e.splitDocuments, []) THEN [] ELSE [$documentId] END
         WITH e, n
         CALL (e, n) {
           MATCH (e)-[r]->(x) WHERE r.documentId = $documentId OR (x:Sentence AND x.documentId = $documentId)
           CREATE (n)-[r2:$(type(r))]->(x) SET r2 = properties(r)
           DELETE r
           RETURN count(*) AS moved
         }
         RETURN elementId(e) AS left, elementId(n) AS own, moved + 1 AS moved`,
        { eventId, documentId, placeholder, reason },
      );
      const row = moved.records[0];
      const left = String(row?.get('left'));
      const own = String(row?.get('own'));
      // The event left behind first: when the document had created it, it gives its id up to the
      // document's own event (an event keeps its id while the source it was created from tells it).
      await deriveValuesOf(tx, left);
      await deriveValuesOf(tx, own);
      const ids = await tx.run(
        `MATCH (e:Event) WHERE elementId(e) = $left
         MATCH (n:Event) WHERE elementId(n) = $own
         SET n.splitFrom = e.id
         RETURN e.id AS from, n.id AS to`,
        { left, own },
      );
      const result = ids.records[0];
      return {
        from: String(result?.get('from')),
        to: String(result?.get('to')),
        moved: Number(row?.get('moved') ?? 0),
      };
    });
  } finally {
    await session.close();
  }
}

type Tx = Parameters<typeof deriveEventValues>[0];

async function deriveValuesOf(tx: Tx, elementId: string): Promise<void> {
  const found = await tx.run('MATCH (e:Event) WHERE elementId(e) = $elementId RETURN e.id AS id', {
    elementId,
  });
  await deriveEventValues(tx, [String(found.records[0]?.get('id'))]);
}
