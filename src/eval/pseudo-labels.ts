/**
 * Self-training data: the product reads corpus texts the team has not annotated, with decode thresholds raised
 * above the served ones, and what it stores becomes pseudo-labels in the team-events record layout
 * (data/team-events/README.md), so training reads them as it reads the team's annotations
 * (models/training/team_events.py). Texts annotated by the team (either part) or in the real-document set, and
 * near-duplicates of them, are never labelled: the held-out part must stay unseen.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { toDueeFinDocument } from '../assemble/index.js';
import type { EventExtractor } from '../extract/index.js';
import { type EventTypeInfo, type GraphDocument, loadEventRoles } from '../link/index.js';
import { isDocumentInputError, type ParsedDocument } from '../parse/index.js';
import { readStandalone } from '../pipeline/index.js';
import {
  type GoldDocument,
  loadRealDocsGold,
  type PredictedDocument,
  type RealDocsScore,
  readCorpusTexts,
  scoreRealDocs,
} from './realdocs.js';
import { TEAM_EVENTS_DIR } from './realdocs-run.js';

/**
 * How confident a stored fact must be to become a pseudo-label: the event's confidence (its type and trigger
 * probabilities as the product combines them) and each argument's. Both well above the served decode
 * thresholds, so the labels are the part of the product's output it is surest of.
 */
export interface LabelThresholds {
  event: number;
  argument: number;
}

interface Scored {
  confidence: number;
}

/**
 * The events at or above `t.event`, each with only its arguments at or above `t.argument`; an event left with no
 * argument that fills a document role is dropped. One rule for the records scored and the records written.
 */
export function confidentEvents<
  A extends Scored & { documentRole?: string },
  E extends Scored & { arguments: A[] },
>(events: readonly E[], t: LabelThresholds): E[] {
  return events
    .filter((e) => e.confidence >= t.event)
    .map((e) => ({ ...e, arguments: e.arguments.filter((a) => a.confidence >= t.argument) }))
    .filter((e) => e.arguments.some((a) => a.documentRole));
}

/** One corpus line offered for labelling. */
export interface CorpusCandidate {
  id: string;
  source: string;
  origin: string;
  text: string;
  /** How many of the new types' keywords the text holds (0: taken only to fill the quota). */
  keywords: number;
}

/** Wording that hints at an event of a type FewFC lacks: such texts are labelled first. */
const TYPE_KEYWORDS: readonly RegExp[] = [
  /解除质押|解押/,
  /回购/,
  /增持/,
  /辞职|辞去|聘任|任命|离任|卸任/,
  /融资|[A-D]\+?轮|天使轮/,
  /IPO|挂牌|过会|首发上市|登陆/,
  /破产|清算/,
  /亏损|净亏/,
  /约谈/,
  /处罚|罚款|罚单|警示函/,
];
/** Forum posts and sentiment sets hold no statements of events; FDDC's announcements are an evaluation set. */
const SKIPPED_ORIGINS = /Financial-Sentiment-Analysis|\/finfe\/|DataSetThere\/FinFE|Alexzsh\/FDDC/;
const MIN_CHARS = 60;
const MAX_CHARS = 2500;

const SHINGLE = 5;
/** Share of a text's 5-character shingles found in one annotated text above which the two are one text. */
const NEAR_DUPLICATE = 0.6;

function shingles(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= text.length; i++) out.add(text.slice(i, i + SHINGLE));
  return out;
}

/** Tells whether a text shares most of its shingles with one of the given texts. */
export class NearDuplicates {
  private readonly postings = new Map<string, number[]>();
  private readonly sizes: number[] = [];

  constructor(texts: Iterable<string>) {
    for (const text of texts) {
      const doc = this.sizes.length;
      const set = shingles(text);
      this.sizes.push(set.size);
      for (const s of set) {
        const list = this.postings.get(s);
        if (list) list.push(doc);
        else this.postings.set(s, [doc]);
      }
    }
  }

  has(text: string): boolean {
    const set = shingles(text);
    const shared = new Map<number, number>();
    for (const s of set)
      for (const doc of this.postings.get(s) ?? []) shared.set(doc, (shared.get(doc) ?? 0) + 1);
    for (const [doc, n] of shared) {
      if (n / Math.max(1, Math.min(set.size, this.sizes[doc] as number)) > NEAR_DUPLICATE) return true;
    }
    return false;
  }
}

const stableOrder = (id: string) => createHash('sha1').update(id).digest('hex');

/**
 * The corpus lines to label: news-like texts of 60–2,500 characters that no team annotation or real-document
 * record covers, nor repeats; those with keywords of the new types first (most keywords first), then the rest,
 * each group in a fixed pseudo-random order. At most `limit`.
 */
export async function pseudoLabelCandidates(
  datasetsDir: string,
  annotated: ReadonlyMap<string, string>,
  limit: number,
): Promise<CorpusCandidate[]> {
  const corpusDir = path.join(datasetsDir, 'corpus');
  const files = (await readdir(corpusDir)).filter((f) => f.endsWith('.jsonl')).sort();
  const pool: CorpusCandidate[] = [];
  for (const file of files) {
    const stem = file.slice(0, -'.jsonl'.length);
    const lines = (await readFile(path.join(corpusDir, file), 'utf8')).split('\n');
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      const id = `corpus:${stem}:${i}`;
      if (annotated.has(id)) return;
      const { source, text } = JSON.parse(line) as { source: string; text: string };
      if (SKIPPED_ORIGINS.test(source) || text.length < MIN_CHARS || text.length > MAX_CHARS) return;
      const keywords = TYPE_KEYWORDS.filter((k) => k.test(text)).length;
      pool.push({
        id,
        source: `corpus/${file}:${i}`,
        origin: source.split(':')[0] as string,
        text,
        keywords,
      });
    });
  }
  pool.sort((a, b) => b.keywords - a.keywords || stableOrder(a.id).localeCompare(stableOrder(b.id)));
  const copies = new NearDuplicates(annotated.values());
  const out: CorpusCandidate[] = [];
  for (const c of pool) {
    if (out.length >= limit) break;
    if (!copies.has(c.text)) out.push(c);
  }
  return out;
}

/** Ids and texts of every corpus document the team annotated: data/team-events (both parts) and data/realdocs. */
export async function annotatedCorpusTexts(
  datasetsDir: string,
  goldDirs: readonly string[],
): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const dir of goldDirs) {
    for (const doc of await loadRealDocsGold(dir)) if (doc.source.startsWith('corpus/')) ids.add(doc.id);
  }
  return readCorpusTexts(datasetsDir, [...ids]);
}

export interface PseudoArgument {
  role: string;
  /** The same role, under the name confidentEvents reads. */
  documentRole: string;
  argument: string;
  start: number;
  end: number;
  confidence: number;
}

export interface PseudoEvent {
  event_type: string;
  confidence: number;
  arguments: PseudoArgument[];
}

export interface PseudoRecord {
  id: string;
  source: string;
  origin: string;
  kind: string;
  scope: 'events';
  issuer: { name: string; code: string | null; aliases: string[] } | null;
  date: string | null;
  events: PseudoEvent[];
  annotator: string;
  labelled_by: { model: string; thresholds: LabelThresholds | 'served' };
  split: 'train';
}

/**
 * Everything the product stores for one text, in the team-events layout with each event's and argument's
 * confidence: the arguments read in the text (not filled from context) that fill a document role, at their
 * UTF-16 offsets in the corpus text. An argument whose span does not hold its text there is left out.
 */
export function readRecord(candidate: CorpusCandidate, graph: GraphDocument, model: string): PseudoRecord {
  const events: PseudoEvent[] = [];
  for (const event of graph.events) {
    const args: PseudoArgument[] = [];
    const seen = new Set<string>();
    for (const a of event.arguments) {
      if (!a.documentRole || a.inferred || candidate.text.slice(a.start, a.end) !== a.text) continue;
      const key = `${a.documentRole}\u0000${a.start}\u0000${a.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const role = a.documentRole;
      args.push({
        role,
        documentRole: role,
        argument: a.text,
        start: a.start,
        end: a.end,
        confidence: a.confidence,
      });
    }
    if (args.length)
      events.push({ event_type: event.documentType, confidence: event.confidence, arguments: args });
  }
  const issuer = graph.entities.find((e) => e.key === graph.document.issuerKey);
  return {
    id: candidate.id,
    source: candidate.source,
    origin: candidate.origin,
    kind: graph.document.kind,
    scope: 'events',
    issuer: issuer ? { name: issuer.name, code: issuer.code ?? null, aliases: [] } : null,
    date: graph.document.publishedAt ?? null,
    events,
    annotator: `model:${model}`,
    labelled_by: { model, thresholds: 'served' },
    split: 'train',
  };
}

/**
 * The pseudo-label of a read record: its confident events. A text the product found no event in is kept as a
 * negative (as the team's event-free documents are); one whose events all fall below the thresholds is
 * dropped (null): its sentences would teach "no event" where the model was only unsure.
 */
export function pseudoLabel(read: PseudoRecord, t: LabelThresholds): PseudoRecord | null {
  const events = confidentEvents(read.events, t);
  if (read.events.length && !events.length) return null;
  return { ...read, events, labelled_by: { model: read.labelled_by.model, thresholds: t } };
}

/**
 * Reads each candidate through the product (served thresholds): one read record per readable text, each also
 * handed to `onRecord` as soon as it is read (a long read can be stopped and what it read kept).
 */
export async function readCandidates(
  extractor: EventExtractor,
  eventTypes: ReadonlyMap<string, EventTypeInfo>,
  candidates: readonly CorpusCandidate[],
  onRecord: (record: PseudoRecord, done: number) => Promise<void> | void = () => {},
): Promise<{ records: PseudoRecord[]; unreadable: string[] }> {
  const records: PseudoRecord[] = [];
  const unreadable: string[] = [];
  for (const [i, c] of candidates.entries()) {
    try {
      const { graph } = await readStandalone(
        { bytes: new TextEncoder().encode(c.text), fileName: `${c.id}.txt` },
        { extractor, eventTypes },
      );
      const record = readRecord(c, graph, extractor.modelVersion);
      records.push(record);
      await onRecord(record, i + 1);
    } catch (error) {
      if (!isDocumentInputError(error)) throw error;
      unreadable.push(`${c.id}: ${error.message}`);
    }
  }
  return { records, unreadable };
}

/**
 * The pseudo-label file's records: the confident part of each read record, those with an event first, then
 * event-free ones up to `emptyShare` of them.
 */
export function pseudoLabels(
  read: readonly PseudoRecord[],
  t: LabelThresholds,
  emptyShare: number,
): PseudoRecord[] {
  const labelled = read.map((r) => pseudoLabel(r, t)).filter((r): r is PseudoRecord => r !== null);
  const withEvents = labelled.filter((r) => r.events.length);
  const empty = labelled.filter((r) => !r.events.length);
  const out = [...withEvents, ...empty.slice(0, Math.floor(emptyShare * withEvents.length))];
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

export interface ThresholdScore {
  thresholds: LabelThresholds;
  score: RealDocsScore;
}

/**
 * Precision of the confident records on the train part of the team's annotations (never the held-out part):
 * each document is read once at the served thresholds, then scored at every thresholds of `grid`. `sample`
 * documents at most, in a fixed pseudo-random order.
 */
export async function scoreOnTrainPart(
  extractor: EventExtractor,
  datasetsDir: string,
  grid: readonly LabelThresholds[],
  sample: number,
  progress: (done: number) => void = () => {},
): Promise<{ documents: number; scores: ThresholdScore[] }> {
  const gold = (await loadRealDocsGold(TEAM_EVENTS_DIR))
    .filter((d) => d.split === 'train' && d.scope !== 'skip' && d.source.startsWith('corpus/'))
    .sort((a, b) => stableOrder(a.id).localeCompare(stableOrder(b.id)))
    .slice(0, sample);
  const texts = await readCorpusTexts(
    datasetsDir,
    gold.map((d) => d.id),
  );
  const eventTypes = loadEventRoles();
  const read: { doc: GoldDocument; parsed: ParsedDocument; graph: GraphDocument }[] = [];
  for (const doc of gold) {
    const text = texts.get(doc.id);
    if (text === undefined) continue;
    const { parsed, graph } = await readStandalone(
      { bytes: new TextEncoder().encode(text), fileName: `${doc.id}.txt` },
      { extractor, eventTypes },
    );
    read.push({ doc, parsed, graph });
    progress(read.length);
  }
  const scores = grid.map((thresholds) => {
    const predictions = new Map<string, PredictedDocument>();
    for (const { doc, parsed, graph } of read) {
      const confident = { ...graph, events: confidentEvents(graph.events, thresholds) };
      predictions.set(doc.id, toDueeFinDocument(doc.id, parsed, confident, eventTypes));
    }
    return {
      thresholds,
      score: scoreRealDocs(
        read.map((r) => r.doc),
        predictions,
      ),
    };
  });
  return { documents: read.length, scores };
}
