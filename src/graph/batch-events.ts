import type { GraphDocument } from '../link/graph-document.js';
import { type CandidateEvent, type EventMatch, matchEvents } from './event-match.js';
import {
  deriveValues,
  type EventSource,
  type EventValues,
  incomingEvents,
  partyLookups,
  type StoredEvent,
} from './event-sources.js';
import { roleRelationshipType } from './relationship-types.js';
import type { EntityPresent } from './write-rows.js';

interface Party {
  relationship: string;
  label: string;
  key: string;
  /** The first document of the batch (by position) whose match sees this party. */
  from: number;
}

interface TrackedEvent {
  id: string;
  type: string;
  values: EventValues;
  sources: EventSource[];
  published: string[];
  about: Set<string>;
  splitDocuments: readonly string[];
  parties: Party[];
}

/**
 * The event match of a batch written set-wise, done in the client with the result of matching its
 * documents one by one, each against the graph as the documents before it left it. It starts from the
 * stored events the batch's parties reach, read once after every document's entities and late parties
 * were written, and replays the batch in order: a document's match sees the stored events, the events
 * the documents before it created or joined (their sources, values derived as DERIVE_VALUES derives
 * them, parties, publication dates and issuers), and the parties late linking gave stored events up to
 * and including its own (`linkedBy`: relationship element id → position of the document whose lookup
 * made it).
 */
export class BatchEvents {
  private readonly events = new Map<string, TrackedEvent>();

  constructor(stored: readonly StoredEvent[], linkedBy: ReadonlyMap<string, number>) {
    for (const e of stored)
      this.events.set(e.id, {
        id: e.id,
        type: e.type,
        values: { ...e },
        sources: [...e.sources],
        published: [...e.published],
        about: new Set(e.about),
        splitDocuments: e.splitDocuments,
        parties: e.parties.map((p) => ({
          relationship: p.relationship,
          label: p.label,
          key: p.key,
          from: linkedBy.get(p.relationshipId) ?? 0,
        })),
      });
  }

  /**
   * Matches the events of the document at `position` and records what it writes: the events it
   * creates, the sources, parties and dates it adds to those it joins. `present` says whether an entity
   * node is there for the document's role relationships; `issued` whether its ISSUED_BY is written.
   */
  matchDocument(
    position: number,
    doc: GraphDocument,
    present: EntityPresent,
    issued: boolean,
  ): (EventMatch | null)[] {
    const candidates: CandidateEvent[][] = doc.events.map(() => []);
    const seen = doc.events.map(() => new Set<string>());
    for (const lookup of partyLookups(doc)) {
      for (const e of this.events.values()) {
        if (e.type !== lookup.type || seen[lookup.index]?.has(e.id)) continue;
        if (e.splitDocuments.includes(doc.document.id)) continue;
        const visible = e.parties.filter((p) => p.from <= position);
        if (!visible.some((p) => p.label === lookup.label && p.key === lookup.key)) continue;
        seen[lookup.index]?.add(e.id);
        candidates[lookup.index]?.push({
          id: e.id,
          type: e.type,
          ...e.values,
          published: [...e.published],
          about: [...e.about],
          parties: distinctParties(visible),
        });
      }
    }
    const matches = matchEvents(incomingEvents(doc), candidates);
    this.record(position, doc, matches, present, issued);
    return matches;
  }

  private record(
    position: number,
    doc: GraphDocument,
    matches: readonly (EventMatch | null)[],
    present: EntityPresent,
    issued: boolean,
  ): void {
    const { document } = doc;
    doc.events.forEach((e, index) => {
      const source: EventSource = {
        documentId: document.id,
        publishedAt: document.publishedAt ?? null,
        date: e.date ?? null,
        amount: e.amount ?? null,
        amountLow: e.amountLow ?? null,
        currency: e.currency ?? null,
        shares: e.shares ?? null,
        ratio: e.ratio ?? null,
      };
      const parties = e.arguments.flatMap((a) =>
        a.entityKey && a.label && present(a.label, a.entityKey)
          ? [
              {
                relationship: roleRelationshipType(a.roleKey),
                label: a.label,
                key: a.entityKey,
                from: position + 1,
              },
            ]
          : [],
      );
      const match = matches[index];
      const tracked = match ? this.events.get(match.id) : undefined;
      if (tracked) {
        tracked.sources.push(source);
        tracked.values = deriveValues(tracked.sources);
        if (document.publishedAt) tracked.published.push(document.publishedAt);
        if (issued && document.issuerKey) tracked.about.add(document.issuerKey);
        tracked.parties.push(...parties);
        return;
      }
      // A new event holds its own telling's values until another document joins it.
      this.events.set(e.id, {
        id: e.id,
        type: e.type,
        splitDocuments: [],
        values: {
          date: source.date,
          amount: source.amount,
          amountLow: source.amountLow,
          currency: source.currency,
          shares: source.shares,
          ratio: source.ratio,
        },
        sources: [source],
        published: document.publishedAt ? [document.publishedAt] : [],
        about: new Set(issued && document.issuerKey ? [document.issuerKey] : []),
        parties,
      });
    });
  }
}

function distinctParties(parties: readonly Party[]): CandidateEvent['parties'] {
  const seen = new Map<string, { relationship: string; key: string }>();
  for (const p of parties)
    seen.set(`${p.relationship}\u0000${p.key}`, { relationship: p.relationship, key: p.key });
  return [...seen.values()];
}
