/**
 * Records in DuEE-fin's document layout (`finkg extract --format duee-fin`): one line per document with
 * its event records under their document-level types and roles, and what the document says of itself.
 */
import type { EventTypeInfo, GraphDocument } from '../link/index.js';
import { documentValue } from '../normalize/index.js';
import type { ParsedDocument, Price } from '../parse/index.js';

export interface DueeFinArgument {
  role: string;
  /** The text as written (for a role filled from context, the issuer's name or the document's date). */
  argument: string;
  /** Yuan, shares, a fraction or an ISO date, where the role holds such a value. */
  value?: number | string;
}

export interface DueeFinEvent {
  event_type: string;
  trigger: string;
  arguments: DueeFinArgument[];
}

export interface DueeFinReport {
  broker: string | null;
  analysts: { name: string; certificate: string | null }[];
  rating: string | null;
  ratingChange: string | null;
  /** A stated range is {min, max} with `value` its low end. */
  targetPrice: { value: number; currency: string; min?: number; max?: number } | null;
  currentPrice: { value: number; currency: string; min?: number; max?: number } | null;
  forecasts: unknown[];
}

export interface DueeFinDocument {
  id: string;
  event_list: DueeFinEvent[];
  document: {
    kind: string;
    issuer: { name: string; code: string | null } | null;
    date: string | null;
    report: DueeFinReport | null;
  };
}

function reportOf(parsed: ParsedDocument): DueeFinReport | null {
  const r = parsed.header.researchReport;
  if (!r) return null;
  const price = (m: Price | undefined) =>
    m ? { value: m.value, currency: m.currency, ...(m.upper ? { min: m.value, max: m.upper } : {}) } : null;
  return {
    broker: r.broker ?? null,
    analysts: r.analysts
      .filter((a) => a.role === 'analyst')
      .map((a) => ({ name: a.name, certificate: a.certificateNo ?? null })),
    rating: r.rating?.raw ?? null,
    ratingChange: r.rating?.changeRaw ?? r.rating?.change ?? r.lostRatingChange?.changeRaw ?? null,
    targetPrice: price(r.targetPrice),
    currentPrice: price(r.currentPrice),
    forecasts: r.forecasts,
  };
}

/** One document's records in DuEE-fin's layout; arguments outside the record's roles are left out. */
export function toDueeFinDocument(
  id: string,
  parsed: ParsedDocument,
  graph: GraphDocument,
  eventTypes: ReadonlyMap<string, EventTypeInfo>,
): DueeFinDocument {
  const issuer = graph.entities.find((e) => e.key === graph.document.issuerKey);
  const publishedAt = graph.document.publishedAt;
  return {
    id,
    event_list: graph.events.map((event) => {
      const roles = eventTypes.get(event.type)?.documentRoles;
      const args: DueeFinArgument[] = [];
      for (const a of event.arguments) {
        if (!a.documentRole) continue;
        const text = a.inferred && a.entityKey === undefined ? (a.value ?? a.text) : a.text;
        const value = documentValue(roles?.get(a.documentRole)?.value, text, publishedAt);
        args.push({ role: a.documentRole, argument: text, ...(value ? { value: value.value } : {}) });
      }
      return { event_type: event.documentType, trigger: event.trigger, arguments: args };
    }),
    document: {
      kind: graph.document.kind,
      issuer: issuer ? { name: issuer.name, code: issuer.code ?? null } : null,
      date: publishedAt ?? null,
      report: reportOf(parsed),
    },
  };
}
