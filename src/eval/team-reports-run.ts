/**
 * Reads the team's broker-report sample through the product, kind undeclared, and scores what the
 * documents say of themselves (kind, date, report fields). Report fields come from the parser, not the
 * model, so the documents are read with a reader that finds no events: no model is loaded.
 */
import path from 'node:path';
import { toDueeFinDocument } from '../assemble/index.js';
import { projectRoot } from '../config/index.js';
import type { SentenceExtractor } from '../extract/index.js';
import { loadEventRoles } from '../link/index.js';
import { readStandalone } from '../pipeline/index.js';
import { type PredictedDocument, readCorpusTexts } from './realdocs.js';
import {
  loadTeamReports,
  scoreTeamReports,
  type TeamReportDocument,
  type TeamReportsScore,
} from './team-reports.js';

export const TEAM_REPORTS_FILE = path.join(projectRoot, 'data', 'team-reports', 'reports.jsonl');

export type TeamReportsPart = 'dev' | 'held-out' | 'all';

/** A reader that finds nothing in any sentence: the fields scored here do not depend on the model. */
const NO_EVENTS: SentenceExtractor = {
  modelVersion: 'none',
  usesKnowledge: false,
  extract: async (texts) => texts.map(() => ({ modelVersion: 'none', entities: [], events: [] })),
};

export interface TeamReportsRun {
  part: TeamReportsPart;
  score: TeamReportsScore;
  seconds: number;
  /** Gold documents whose text is not in the datasets folder. */
  skipped: string[];
  predictions: Map<string, PredictedDocument>;
}

/** The first seeded sample's documents carry no batch; `first-sample` names them. */
export const FIRST_BATCH = 'first-sample';

export async function runTeamReports(
  datasetsDir: string,
  part: TeamReportsPart,
  file = TEAM_REPORTS_FILE,
  batch?: string,
): Promise<TeamReportsRun> {
  const gold = (await loadTeamReports(file))
    .filter((d) => part === 'all' || d.split === part)
    .filter((d) => batch === undefined || (d.batch ?? FIRST_BATCH) === batch);
  const texts = await readCorpusTexts(
    datasetsDir,
    gold.map((d) => d.id),
  );
  const eventTypes = loadEventRoles();
  const predictions = new Map<string, PredictedDocument>();
  const skipped: string[] = [];
  const scored: TeamReportDocument[] = [];
  const started = performance.now();
  for (const doc of gold) {
    const text = texts.get(doc.id);
    if (text === undefined) {
      skipped.push(`${doc.id}: not in the corpus`);
      continue;
    }
    const source = { bytes: new TextEncoder().encode(text), fileName: `${doc.id}.txt` };
    const { parsed, graph } = await readStandalone(source, { extractor: NO_EVENTS, eventTypes });
    predictions.set(doc.id, toDueeFinDocument(doc.id, parsed, graph, eventTypes));
    scored.push(doc);
  }
  return {
    part,
    score: scoreTeamReports(scored, predictions),
    seconds: (performance.now() - started) / 1000,
    skipped,
    predictions,
  };
}
