import { ENTITY_LABELS, type EntityLabelName } from './allow-lists.js';
import { num, str } from './statement.js';

export interface Participant {
  role: string;
  roleKey: string;
  relationship: string;
  label: EntityLabelName;
  key: string;
  name: string;
  inferred: boolean;
}

export interface EventSummary {
  id: string;
  type: string;
  typeKey: string;
  trigger: string;
  date: string | null;
  /** The pipeline's normalised amount (a number in units of the currency) or null. */
  amount: { value: number; currency: string | null } | null;
  shares: number | null;
  /** A fraction: 8.5% is 0.085. */
  ratio: number | null;
  confidence: number;
  modelVersion: string | null;
  /** The first source (earliest published); \`sourceCount\` documents tell the event in all. */
  documentId: string;
  sourceCount: number;
  documentKind: string | null;
  publishedAt: string | null;
  participants: Participant[];
}

/** Cypher projection of an event bound to `e`, with the entities that fill its roles. */
export const EVENT_PROJECTION = `e { .id, .type, .typeKey, .trigger, .date, .amount, .currency, .shares, .ratio,
    .confidence, .modelVersion, .documentId, .documentKind, .publishedAt,
    sourceCount: COUNT { (e)-[:REPORTED_IN]->() },
    participants: COLLECT {
      MATCH (e)-[r]->(n) WHERE r.roleKey IS NOT NULL
      WITH r, n, head([l IN labels(n) WHERE l IN $entityLabels]) AS label WHERE label IS NOT NULL
      RETURN {role: r.role, roleKey: r.roleKey, relationship: type(r), label: label, key: n.key,
              name: coalesce(n.name, n.key), inferred: coalesce(r.inferred, false)} AS p
      ORDER BY p.roleKey, p.key, p.inferred
    } }`;

export const entityLabelsParam = () => ({ entityLabels: [...ENTITY_LABELS] });

export function toEventSummary(raw: unknown): EventSummary {
  const e = raw as Record<string, unknown>;
  const amount = num(e.amount);
  return {
    id: String(e.id),
    type: String(e.type),
    typeKey: String(e.typeKey),
    trigger: String(e.trigger ?? ''),
    date: str(e.date),
    amount: amount === null ? null : { value: amount, currency: str(e.currency) },
    shares: num(e.shares),
    ratio: num(e.ratio),
    confidence: num(e.confidence) ?? 0,
    modelVersion: str(e.modelVersion),
    documentId: String(e.documentId),
    sourceCount: num(e.sourceCount) ?? 1,
    documentKind: str(e.documentKind),
    publishedAt: str(e.publishedAt),
    participants: distinctParticipants((e.participants as Record<string, unknown>[] | undefined) ?? []).map(
      (p) => ({
        role: String(p.role),
        roleKey: String(p.roleKey),
        relationship: String(p.relationship),
        label: p.label as EntityLabelName,
        key: String(p.key),
        name: String(p.name),
        inferred: Boolean(p.inferred),
      }),
    ),
  };
}

/**
 * Several documents telling one event may each name the same party in the same role: it is one
 * participant, inferred only when no document read it (rows come sorted, read ones first).
 */
function distinctParticipants(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  const seen = new Set<string>();
  return rows.filter((p) => {
    const id = `${p.relationship}|${p.roleKey}|${p.label}|${p.key}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
