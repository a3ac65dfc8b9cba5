import { eventVocabulary } from './allow-lists.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { EVENT_PROJECTION, type EventSummary, entityLabelsParam, toEventSummary } from './event-summary.js';
import { type GraphReader, int, readRows, type Statement, str } from './statement.js';

export interface EventFilter {
  /** Type name (质押) or key (pledge); must be in schemas/events.json. */
  type?: string;
  companyKey?: string;
  /** Role relationship type (PLEDGOR, ACQUIRER, …); with companyKey, the role that company plays. */
  role?: string;
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
 * the (type, date) or type index, the date index, or the event id index when nothing narrows it.
 * The hints keep it so on a small or empty graph, where the planner might find a label scan cheaper.
 */
export function eventListStatement(filter: EventFilter): Statement {
  const vocabulary = eventVocabulary();
  const type = filter.type === undefined ? null : vocabulary.typeNames.get(filter.type);
  if (type === undefined) throw new UnknownFilterValueError(`unknown event type ${filter.type}`);
  if (filter.role !== undefined && !vocabulary.roleTypes.includes(filter.role)) {
    throw new UnknownFilterValueError(`unknown role ${filter.role}`);
  }
  const dateRange = [
    filter.from !== undefined ? 'e.date >= $from' : '',
    filter.to !== undefined ? 'e.date <= $to' : '',
  ].filter(Boolean);

  let anchor: string;
  if (filter.companyKey !== undefined) {
    const roles = filter.role ? [filter.role] : vocabulary.roleTypes;
    anchor = `MATCH (c:Company {key: $companyKey})<-[:${roles.join('|')}]-(e:Event) USING INDEX c:Company(key)
      WITH DISTINCT e`;
  } else if (type !== null) {
    const index = dateRange.length > 0 ? 'e:Event(type, date)' : 'e:Event(type)';
    anchor = `MATCH (e:Event) USING INDEX ${index} WHERE ${['e.type = $type', ...dateRange].join(' AND ')}`;
  } else if (dateRange.length > 0) {
    anchor = `MATCH (e:Event) USING INDEX e:Event(date) WHERE ${dateRange.join(' AND ')}`;
  } else if (filter.role) {
    anchor = `MATCH (e:Event)-[:${filter.role}]->() USING INDEX e:Event(id) WHERE e.id IS NOT NULL WITH DISTINCT e`;
  } else {
    anchor = 'MATCH (e:Event) USING INDEX e:Event(id) WHERE e.id IS NOT NULL';
  }
  if (filter.role && filter.companyKey === undefined && (type !== null || dateRange.length > 0)) {
    anchor += ` AND EXISTS { (e)-[:${filter.role}]->() }`;
  }

  const cursor = filter.cursor === undefined ? null : decodeCursor(filter.cursor);
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
    params: {
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
    },
  };
}

/** Events newest first (undated last), then by id; `nextCursor` continues after the last item. */
export async function listEvents(reader: GraphReader, filter: EventFilter): Promise<EventPage> {
  const [rows = []] = await readRows(reader, eventListStatement(filter));
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  const items = page.map((r) => toEventSummary(r.event));
  return {
    items,
    nextCursor:
      rows.length > filter.limit && last
        ? encodeCursor({ sortKey: str(last.sortKey) ?? '', id: String((last.event as { id: unknown }).id) })
        : null,
  };
}
