import { eventVocabulary } from './allow-lists.js';
import { EVENT_PROJECTION, type EventSummary, entityLabelsParam, toEventSummary } from './event-summary.js';
import { type GraphReader, int, num, readRows, type Statement, str } from './statement.js';

export interface BrokerRating {
  broker: string | null;
  rating: string;
  change: string | null;
  targetPrice: number | null;
  /** The high end of a stated target range (low end `targetPrice`). */
  targetPriceHigh: number | null;
  currency: string | null;
  date: string | null;
  documentId: string;
  /** The report's forecasts (by metric and year), values in 元, 元/股 or 倍. */
  forecasts: ReportForecast[];
}

export interface ReportForecast {
  metric: string;
  year: number;
  estimate: boolean;
  value: number;
  unit: string;
}

/** Forecasts are stored as parallel lists on RATES (see document-graph-writer); zip them back. */
function toForecasts(r: Record<string, unknown>): ReportForecast[] {
  const metrics = (r.forecastMetrics as unknown[] | null) ?? [];
  const years = (r.forecastYears as unknown[] | null) ?? [];
  const estimates = (r.forecastEstimates as unknown[] | null) ?? [];
  const values = (r.forecastValues as unknown[] | null) ?? [];
  const units = (r.forecastUnits as unknown[] | null) ?? [];
  return metrics.map((metric, i) => ({
    metric: String(metric),
    year: num(years[i]) ?? 0,
    estimate: estimates[i] === true,
    value: num(values[i]) ?? 0,
    unit: String(units[i] ?? ''),
  }));
}

const FORECAST_PROJECTION = `forecastMetrics: r.forecastMetrics, forecastYears: r.forecastYears,
  forecastEstimates: r.forecastEstimates, forecastValues: r.forecastValues, forecastUnits: r.forecastUnits`;

export interface CompanyProfile {
  key: string;
  name: string;
  code: string | null;
  exchange: string | null;
  shortNames: string[];
  /** The latest rating of each broker, newest first. */
  ratings: BrokerRating[];
  eventCounts: { type: string; typeKey: string; count: number }[];
  documentCount: number;
}

function toBrokerRating(r: Record<string, unknown>): BrokerRating {
  return {
    broker: str(r.broker),
    rating: String(r.rating),
    change: str(r.change),
    targetPrice: num(r.targetPrice),
    targetPriceHigh: num(r.targetPriceHigh),
    currency: str(r.currency),
    date: str(r.date),
    documentId: String(r.documentId),
    forecasts: toForecasts(r),
  };
}

/**
 * Events of a company: the ones it plays a role in (pledgor, acquirer, …) and the ones its own
 * announcements (or reports covering it) tell, such as its shareholder's pledge of its shares.
 */
const companyEvents = () =>
  `CALL (c) {
     MATCH (c)<-[:${eventVocabulary().roleTypes.join('|')}]-(e:Event) RETURN e
     UNION
     MATCH (c)<-[:ISSUED_BY]-(:Document)<-[:REPORTED_IN]-(e:Event) RETURN e
   }`;

export function companyProfileStatement(key: string): Statement {
  return {
    text: `MATCH (c:Company {key: $key}) USING INDEX c:Company(key)
      RETURN c { .key, .name, .code, .exchange, shortNames: coalesce(c.shortNames, []) } AS company,
        COLLECT {
          MATCH (d:Document)-[r:RATES]->(c)
          OPTIONAL MATCH (b:Broker)-[:PUBLISHED]->(d)
          WITH b.name AS broker, r, d ORDER BY coalesce(r.date, d.publishedAt, '') DESC, d.id ASC
          WITH broker, head(collect({rating: r.rating, change: r.change, targetPrice: r.targetPrice,
                                     targetPriceHigh: r.targetPriceHigh, currency: r.currency, date: coalesce(r.date, d.publishedAt),
                                     documentId: d.id, ${FORECAST_PROJECTION}})) AS latest
          RETURN latest { .*, broker: broker } AS x
          ORDER BY coalesce(x.date, '') DESC, coalesce(x.broker, '') ASC
        } AS ratings,
        COLLECT {
          ${companyEvents()}
          WITH e.type AS type, e.typeKey AS typeKey, count(*) AS n
          RETURN {type: type, typeKey: typeKey, count: n} AS x ORDER BY x.count DESC, x.type ASC
        } AS eventCounts,
        COUNT { (:Document)-[:ISSUED_BY]->(c) } AS documentCount`,
    params: { key },
  };
}

/** Names, codes, latest rating per broker and event counts by type; null when no such company. */
export async function getCompanyProfile(reader: GraphReader, key: string): Promise<CompanyProfile | null> {
  const [rows = []] = await readRows(reader, companyProfileStatement(key));
  const row = rows[0];
  if (!row) return null;
  const c = row.company as Record<string, unknown>;
  return {
    key: String(c.key),
    name: String(c.name ?? c.key),
    code: str(c.code),
    exchange: str(c.exchange),
    shortNames: (c.shortNames as unknown[]).map(String),
    ratings: (row.ratings as Record<string, unknown>[]).map(toBrokerRating),
    eventCounts: (row.eventCounts as Record<string, unknown>[]).map((x) => ({
      type: String(x.type),
      typeKey: String(x.typeKey),
      count: num(x.count) ?? 0,
    })),
    documentCount: num(row.documentCount) ?? 0,
  };
}

export interface Timeline {
  company: { key: string; name: string };
  /** Oldest first; undated events last, under date null. */
  days: { date: string | null; events: EventSummary[] }[];
  truncated: boolean;
}

export function companyTimelineStatement(key: string, limit: number): Statement {
  return {
    text: `MATCH (c:Company {key: $key}) USING INDEX c:Company(key)
      RETURN c { .key, .name } AS company,
        COLLECT {
          ${companyEvents()}
          RETURN ${EVENT_PROJECTION} AS event
          ORDER BY CASE WHEN e.date IS NULL THEN 1 ELSE 0 END, e.date ASC, e.id ASC
          LIMIT $limit
        } AS events`,
    params: { key, limit: int(limit + 1), ...entityLabelsParam() },
  };
}

/** A company's events grouped by date; null when no such company. */
export async function getCompanyTimeline(
  reader: GraphReader,
  key: string,
  limit: number,
): Promise<Timeline | null> {
  const [rows = []] = await readRows(reader, companyTimelineStatement(key, limit));
  const row = rows[0];
  if (!row) return null;
  const all = (row.events as unknown[]).map(toEventSummary);
  const days: Timeline['days'] = [];
  for (const event of all.slice(0, limit)) {
    const last = days.at(-1);
    if (last && last.date === event.date) last.events.push(event);
    else days.push({ date: event.date, events: [event] });
  }
  const c = row.company as Record<string, unknown>;
  return {
    company: { key: String(c.key), name: String(c.name ?? c.key) },
    days,
    truncated: all.length > limit,
  };
}

export interface RatingHistory {
  company: { key: string; name: string };
  /** Every rating of the company, oldest first; undated ones last. */
  ratings: BrokerRating[];
  truncated: boolean;
}

export function ratingHistoryStatement(key: string, limit: number): Statement {
  return {
    text: `MATCH (c:Company {key: $key}) USING INDEX c:Company(key)
      RETURN c { .key, .name } AS company,
        COLLECT {
          MATCH (d:Document)-[r:RATES]->(c)
          WITH d, r, coalesce(r.date, d.publishedAt) AS date
          RETURN {rating: r.rating, change: r.change, targetPrice: r.targetPrice,
                  targetPriceHigh: r.targetPriceHigh, currency: r.currency, date: date, documentId: d.id, ${FORECAST_PROJECTION},
                  broker: head(COLLECT { MATCH (b:Broker)-[:PUBLISHED]->(d) RETURN b.name })} AS x
          ORDER BY CASE WHEN x.date IS NULL THEN 1 ELSE 0 END, x.date ASC, x.documentId ASC
          LIMIT $limit
        } AS ratings`,
    params: { key, limit: int(limit + 1) },
  };
}

/** Rating and target-price history from research reports; null when no such company. */
export async function getRatingHistory(
  reader: GraphReader,
  key: string,
  limit: number,
): Promise<RatingHistory | null> {
  const [rows = []] = await readRows(reader, ratingHistoryStatement(key, limit));
  const row = rows[0];
  if (!row) return null;
  const c = row.company as Record<string, unknown>;
  const ratings = (row.ratings as Record<string, unknown>[]).map(toBrokerRating);
  return {
    company: { key: String(c.key), name: String(c.name ?? c.key) },
    ratings: ratings.slice(0, limit),
    truncated: ratings.length > limit,
  };
}
