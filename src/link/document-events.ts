import type { DocumentKind } from '../parse/index.js';
import type { EventTypeInfo } from './event-roles.js';
import type { EventArgumentRow, LinkedEntity, LinkedEvent, Provenance } from './graph-document.js';
import { normalizeArgumentValue } from './value-normalizer.js';

/** One event as the model read it in one sentence, already linked. */
export interface SentenceEvent {
  type: string;
  typeKey: string;
  trigger: string;
  confidence: number;
  mention: Provenance;
  sentenceText: string;
  arguments: EventArgumentRow[];
}

export interface MergeContext {
  documentId: string;
  kind: DocumentKind;
  publishedAt?: string;
  issuer?: LinkedEntity;
  eventTypes: ReadonlyMap<string, EventTypeInfo>;
}

/** Words that date an event by the announcement itself. */
const DATED_BY_ANNOUNCEMENT = /近日|日前|本月|本周|今日|当日|于今天/;
/** Words an announcement uses for its issuer when it is the actor. */
const SELF_REFERENCE = /(^|[，,。；\s])(本?公司|上市公司|本行|本集团)/;
/** Roles that the issuer fills when an announcement tells its own event without naming itself. */
const ISSUER_ROLES = ['sub-org', 'sub'];

/**
 * Merges the sentence-level events of a document into document-level events. An announcement tells
 * one event in its title and again across body sentences: mentions of the same type merge unless they
 * name different parties in the same role. News mentions merge only when they share a party, since a
 * news item often reports several unrelated deals of one type.
 */
export function mergeDocumentEvents(events: readonly SentenceEvent[], ctx: MergeContext): LinkedEvent[] {
  const clusters: SentenceEvent[][] = [];
  for (const event of events) {
    const home = clusters.find(
      (cluster) => cluster[0]?.type === event.type && compatible(cluster, event, ctx.kind),
    );
    if (home) home.push(event);
    else clusters.push([event]);
  }
  return clusters.map((cluster, i) => toLinkedEvent(cluster, `${ctx.documentId}:e${i}`, ctx));
}

function partiesOf(events: readonly SentenceEvent[]): Map<string, Set<string>> {
  const parties = new Map<string, Set<string>>();
  for (const e of events) {
    for (const a of e.arguments) {
      if (!a.entityKey) continue;
      const set = parties.get(a.role) ?? new Set<string>();
      set.add(a.entityKey);
      parties.set(a.role, set);
    }
  }
  return parties;
}

function compatible(cluster: readonly SentenceEvent[], event: SentenceEvent, kind: DocumentKind): boolean {
  const existing = partiesOf(cluster);
  const incoming = partiesOf([event]);
  let shared = false;
  for (const [role, keys] of incoming) {
    const known = existing.get(role);
    if (!known) continue;
    const overlap = [...keys].some((k) => known.has(k));
    if (!overlap) return false;
    shared = true;
  }
  return kind === 'announcement' || kind === 'research_report' ? true : shared;
}

function toLinkedEvent(cluster: readonly SentenceEvent[], id: string, ctx: MergeContext): LinkedEvent {
  const best = cluster.reduce((a, b) => (b.confidence > a.confidence ? b : a));
  const args: EventArgumentRow[] = [];
  const seen = new Set<string>();
  // Most confident mentions first, so the value an event keeps for a role is the surest reading.
  for (const event of [...cluster].sort((a, b) => b.confidence - a.confidence)) {
    for (const a of event.arguments) {
      const identity = `${a.role}|${a.entityKey ?? a.value ?? a.text}`;
      if (seen.has(identity)) continue;
      seen.add(identity);
      args.push(a);
    }
  }

  const info = ctx.eventTypes.get(best.type);
  const roles = new Set(args.map((a) => a.role));

  // The issuer acts in its own announcement even when a sentence just says "公司".
  if (ctx.kind === 'announcement' && ctx.issuer) {
    const role = ISSUER_ROLES.find((r) => info?.roles.has(r));
    const selfSentence = cluster.find((e) => SELF_REFERENCE.test(e.sentenceText));
    if (role && !roles.has(role) && !roles.has('sub-per') && selfSentence) {
      args.push({
        ...selfSentence.mention,
        text: ctx.issuer.shortNames?.[0] ?? ctx.issuer.name,
        role,
        roleKey: info?.roles.get(role)?.key ?? role,
        entityKey: ctx.issuer.key,
        label: 'Company',
        inferred: true,
      });
    }
  }
  if (!roles.has('date') && ctx.publishedAt && info?.roles.has('date')) {
    const dated = cluster.find((e) => DATED_BY_ANNOUNCEMENT.test(e.sentenceText));
    if (dated) {
      args.push({
        ...dated.mention,
        text: ctx.publishedAt,
        role: 'date',
        roleKey: info.roles.get('date')?.key ?? 'date',
        value: ctx.publishedAt,
        inferred: true,
      });
    }
  }

  const linked: LinkedEvent = {
    id,
    type: best.type,
    typeKey: best.typeKey,
    trigger: best.trigger,
    confidence: best.confidence,
    mentions: cluster.map((e) => e.mention).sort((a, b) => a.sentence - b.sentence || a.start - b.start),
    arguments: args,
  };
  // Event-level values: the first argument of each kind that normalises.
  for (const a of args) {
    const value = normalizeArgumentValue(a.role, a.inferred ? (a.value ?? a.text) : a.text, ctx.publishedAt);
    if (!value) continue;
    if (value.date && linked.date === undefined) linked.date = value.date;
    if (value.amount !== undefined && linked.amount === undefined) {
      linked.amount = value.amount;
      if (value.currency) linked.currency = value.currency;
    }
    if (value.shares !== undefined && linked.shares === undefined) linked.shares = value.shares;
    if (value.ratio !== undefined && linked.ratio === undefined) linked.ratio = value.ratio;
  }
  return linked;
}
