/**
 * Reads the real-document development set through the product (`readDocument`, as the workers do) and
 * scores its records against the team's gold facts (data/realdocs). The documents themselves stay in
 * the datasets folder: real PDFs under real-pdfs/, corpus texts under corpus/.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { toDueeFinDocument } from '../assemble/index.js';
import { projectRoot } from '../config/index.js';
import type { SentenceExtractor } from '../extract/index.js';
import { loadEventRoles } from '../link/index.js';
import { isDocumentInputError } from '../parse/index.js';
import { readStandalone } from '../pipeline/index.js';
import type { DocumentParser } from './parse-cache.js';
import {
  type GoldDocument,
  loadRealDocsGold,
  type PredictedDocument,
  type RealDocsScore,
  readCorpusTexts,
  scoreRealDocs,
} from './realdocs.js';

export const REALDOCS_GOLD_DIR = path.join(projectRoot, 'data', 'realdocs');
/** Document-level event annotations of corpus texts made by the team, in train and held-out parts. */
export const TEAM_EVENTS_DIR = path.join(projectRoot, 'data', 'team-events');

export interface RealDocsRun {
  score: RealDocsScore;
  documents: number;
  pages: number;
  seconds: number;
  /** Gold documents whose source is not in the datasets folder, or could not be read, with why. */
  skipped: string[];
  /** What the product predicted for each document read (id → duee-fin output). */
  predictions: Map<string, PredictedDocument>;
}

async function sourceBytes(
  doc: GoldDocument,
  datasetsDir: string,
  corpus: ReadonlyMap<string, string>,
): Promise<{ bytes: Uint8Array; fileName: string } | string> {
  if (doc.source.startsWith('corpus/')) {
    const text = corpus.get(doc.id);
    return text === undefined
      ? `${doc.id}: not in the corpus`
      : { bytes: new TextEncoder().encode(text), fileName: `${doc.id}.txt` };
  }
  const file = path.join(datasetsDir, doc.source);
  if (!existsSync(file)) return `${doc.id}: ${file} is missing`;
  return { bytes: new Uint8Array(await readFile(file)), fileName: path.basename(file) };
}

/**
 * Reads every gold document of `goldDir` (those `keep` accepts) with the extractor, kind undeclared (the
 * parser tells it), and scores the records.
 */
export async function runRealDocs(
  extractor: SentenceExtractor,
  datasetsDir: string,
  goldDir = REALDOCS_GOLD_DIR,
  keep: (doc: GoldDocument) => boolean = () => true,
  parse?: DocumentParser,
): Promise<RealDocsRun> {
  const gold = (await loadRealDocsGold(goldDir)).filter((doc) => doc.scope !== 'skip' && keep(doc));
  const corpusIds = gold.filter((d) => d.source.startsWith('corpus/')).map((d) => d.id);
  const corpus = existsSync(path.join(datasetsDir, 'corpus'))
    ? await readCorpusTexts(datasetsDir, corpusIds)
    : new Map<string, string>();
  const eventTypes = loadEventRoles();
  const predictions = new Map<string, PredictedDocument>();
  const skipped: string[] = [];
  const scored: GoldDocument[] = [];
  let pages = 0;
  const started = performance.now();
  for (const doc of gold) {
    const source = await sourceBytes(doc, datasetsDir, corpus);
    if (typeof source === 'string') {
      skipped.push(source);
      continue;
    }
    try {
      const { parsed, graph } = await readStandalone(source, {
        extractor,
        eventTypes,
        ...(parse ? { parse } : {}),
      });
      pages += parsed.pages.length;
      predictions.set(doc.id, toDueeFinDocument(doc.id, parsed, graph, eventTypes));
    } catch (error) {
      if (!isDocumentInputError(error)) throw error;
      // Unreadable (corrupt, or a scan OCR found nothing on) is scored as an empty prediction: its facts are missed.
      skipped.push(`${doc.id}: ${error.message}`);
    }
    scored.push(doc);
  }
  return {
    score: scoreRealDocs(scored, predictions),
    documents: scored.length,
    pages,
    seconds: (performance.now() - started) / 1000,
    skipped,
    predictions,
  };
}
