import { eventVocabulary } from './allow-lists.js';
import { decodeCursor, readCursorPage } from './cursor.js';
import { EVENT_PROJECTION, type EventSummary, entityLabelsParam, toEventSummary } from './event-summary.js';
import { type GraphReader, int, type Statement } from './statement.js';

/**
 * How events relate to a filtered company: as a party (a role), through its shares (events its own
 * filings tell, such as a shareholder's pledge of its shares, where it plays no role), through its
 * subsidiaries (a company a filing calls its 全资子公司 / 控股子公司 plays a role), or any of these.
 */
export const COMPANY_EVENT_SCOPES = ['party', 'shares', 'subsidiaries', 'any'] as const;
export type CompanyEventScope = (typeof COMPANY_EVENT_SCOPES)[number];

export interface EventFilter {
  /** Type name (质押) or key (pledge); must be in schemas/events.json. */
  type?: string;
  companyKey?: string;
  /** Role relationship type (PLEDGOR, ACQUIRER, …); with companyKey, the role that company plays. */
  role?: string;
  /** With companyKey: party, shares, subsidiaries or any (the default). */
  about?: CompanyEventScope;
  /** ISO dates, inclusive; `to` 2024 includes every 2024-… date. */
  from?: string;
  to?: string;
  documentKind?: string;
  cursor?: string;
  limit: number;
}

export interface EventPage {
  items: EventSummary[];
  nextCursor: string | null;
}

/** Thrown when a filter value is not one the graph knows (checked before any query text is built). */
export class UnknownFilterValueError extends Error {}

// Sorts after every digit and '-', so "to: 2024-03" takes in 2024-03-31 too.
const DATE_CEILING = '~';

/**
 * The list query. The first MATCH is chosen so an index finds the starting nodes: the company key,
 * the (type, date) or type index, or the date index. The hints keep it so on a small or empty graph,
 * where the planner might find a label scan cheaper. With nothing to narrow the events, they are read
 * newest first in the date index's order, so a page costs a page's worth of reads, not the whole
 * graph; the undated ones follow from the id index (`undatedEventListStatement`).
 */
export function eventListStatement(filter: EventFilter): Statement {
  const vocabulary = eventVocabulary();
  const type = resolveFilter(filter);
  const dateRange = [
    filter.from !== undefined ? 'e.date >= $from' : '',
    filter.to !== undefined ? 'e.date <= $to' : '',
  ].filter(Boolean);
  const roleCheck = roleCondition(filter);
  const cursor = filter.cursor === undefined ? null : decodeCursor(filter.cursor);
  const params = listParams(filter, type, cursor);

  if (readsByDate(filter)) {
    return {
      text: `MATCH (e:Event) USING INDEX e:Event(date)
        WHERE e.date IS NOT NULL AND ($cursorKey IS NULL OR e.date <= $cursorKey)${roleCheck}
      WITH e WHERE ($documentKind IS NULL OR e.documentKind = $documentKind)
        AND ($cursorKey IS NULL OR e.date < $cursorKey OR (e.date = $cursorKey AND e.id > $cursorId))
      RETURN ${EVENT_PROJECTION} AS event, e.date AS sortKey
      ORDER BY e.date DESC, e.id ASC
      LIMIT $limit`,
      params,
    };
  }

  let anchor: string;
  if (filter.companyKey !== undefined) {
    const roles = filter.role ? [filter.role] : vocabulary.roleTypes;
    const about = filter.role ? 'party' : (filter.about ?? 'any');
    const asParty = `MATCH (c)<-[:${roles.join('|')}]-(e:Event) RETURN e`;
    const ofShares = `MATCH (c)<-[:ISSUED_BY]-(:Document)<-[:REPORTED_IN]-(e:Event)
        WHERE NOT EXISTS { (e)-[:${vocabulary.roleTypes.join('|')}]->(c) } RETURN e`;
    // Direct subsidiaries only: a chain of holdings is read by following SUBSIDIARY_OF on the graph.
    const ofSubsidiaries = `MATCH (c)<-[:SUBSIDIARY_OF]-(:Company)<-[:${roles.join('|')}]-(e:Event) RETURN e`;
    const scopes = { party: [asParty], shares: [ofShares], subsidiaries: [ofSubsidiaries] };
    const parts = about === 'any' ? [asParty, ofShares, ofSubsidiaries] : scopes[about];
    anchor = `MATCH (c:Company {key: $companyKey}) USING INDEX c:Company(key)
      CALL (c) { ${parts.join(' UNION ')} }
      WITH DISTINCT e`;
  } else if (type !== null) {
    const index = dateRange.length > 0 ? 'e:Event(type, date)' : 'e:Event(type)';
    anchor = `MATCH (e:Event) USING INDEX ${index} WHERE ${['e.type = $type', ...dateRange].join(' AND ')}${roleCheck}`;
  } else {
    anchor = `MATCH (e:Event) USING INDEX e:Event(date) WHERE ${dateRange.join(' AND ')}${roleCheck}`;
  }
  return {
    text: `${anchor}
      WITH e, coalesce(e.date, '') AS sortKey
      WHERE ($type IS NULL OR e.type = $type)
        AND ($from IS NULL OR e.date >= $from) AND ($to IS NULL OR e.date <= $to)
        AND ($documentKind IS NULL OR e.documentKind = $documentKind)
        AND ($cursorKey IS NULL OR sortKey < $cursorKey OR (sortKey = $cursorKey AND e.id > $cursorId))
      RETURN ${EVENT_PROJECTION} AS event, sortKey
      ORDER BY sortKey DESC, e.id ASC
      LIMIT $limit`,
    params,
  };
}

/** The undated events of an unnarrowed list, after the dated ones, in id order from the id index. */
export function undatedEventListStatement(filter: EventFilter, limit: number): Statement {
  const type = resolveFilter(filter);
  const cursor = filter.cursor === undefined ? null : decodeCursor(filter.cursor);
  // Past the dated events the cursor's sort key is ''; before them there is no undated cursor yet.
  const afterId = cursor?.sortKey === '' ? cursor.id : '';
  const roleCheck = roleCondition(filter);
  return {
    text: `MATCH (e:Event) USING INDEX e:Event(id) WHERE e.id > $afterId AND e.date IS NULL${roleCheck}
      WITH e WHERE ($documentKind IS NULL OR e.documentKind = $documentKind)
      RETURN ${EVENT_PROJECTION} AS event, '' AS sortKey
      ORDER BY e.id ASC
      LIMIT $limit`,
    params: { ...listParams(filter, type, cursor), afterId, limit: int(limit) },
  };
}

/** ` AND e plays the role` for a role filter (the role was checked against the allow-list). */
const roleCondition = (filter: EventFilter) =>
  filter.role ? ` AND EXISTS { (e)-[:${filter.role}]->() }` : '';

/** True when no company, type or date narrows the list, so it is read in date-index order. */
function readsByDate(filter: EventFilter): boolean {
  return (
    filter.companyKey === undefined &&
    filter.type === undefined &&
    filter.from === undefined &&
    filter.to === undefined
  );
}

/** The type's name for a name or key; throws for values the schema does not know. */
function resolveFilter(filter: EventFilter): string | null {
  const vocabulary = eventVocabulary();
  const type = filter.type === undefined ? null : vocabulary.typeNames.get(filter.type);
  if (type === undefined) throw new UnknownFilterValueError(`unknown event type ${filter.type}`);
  if (filter.role !== undefined && !vocabulary.roleTypes.includes(filter.role)) {
    throw new UnknownFilterValueError(`unknown role ${filter.role}`);
  }
  return type;
}

function listParams(
  filter: EventFilter,
  type: string | null,
  cursor: { sortKey: string; id: string } | null,
): Record<string, unknown> {
  return {
    ...entityLabelsParam(),
    companyKey: filter.companyKey ?? null,
    type,
    from: filter.from ?? null,
    to: filter.to === undefined ? null : filter.to + DATE_CEILING,
    documentKind: filter.documentKind ?? null,
    cursorKey: cursor?.sortKey ?? null,
    cursorId: cursor?.id ?? null,
    // One more than a page, to know whether another page follows.
    limit: int(filter.limit + 1),
  };
}

/** Events newest first (undated last), then by id; `nextCursor` continues after the last item. */
export async function listEvents(reader: GraphReader, filter: EventFilter): Promise<EventPage> {
  const { rows, nextCursor } = await readCursorPage(reader, {
    limit: filter.limit,
    cursor: filter.cursor,
    item: 'event',
    statement: () => eventListStatement(filter),
    ...(readsByDate(filter)
      ? { undated: (remaining: number) => undatedEventListStatement(filter, remaining) }
      : {}),
  });
  return { items: rows.map((r) => toEventSummary(r.event)), nextCursor };
}
