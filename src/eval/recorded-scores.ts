/**
 * Document-level scores of the product on the team's annotations, recorded beside the model they were measured
 * with (`finkg eval --dataset team-events --record`), so a test can tell when a change to the model or to the
 * read path costs more than a tolerance. The figure depends on both, which is why it is measured through the
 * TypeScript pipeline and not written at export time with the model's own metrics.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RealDocsScore } from './realdocs.js';

export const RECORDED_SCORES_FILE = 'document-scores.json';

export interface RecordedScore {
  modelVersion: string;
  documents: number;
  /** Role–argument pairs, in percent. */
  precision: number;
  recall: number;
  f1: number;
  completeRecords: number;
  falseEventDocuments: number;
  command: string;
  measuredOn: string;
}

const percent = (x: number) => Math.round(10_000 * x) / 100;

export function readRecordedScores(modelDir: string): Record<string, RecordedScore> {
  const file = path.join(modelDir, RECORDED_SCORES_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, RecordedScore>) : {};
}

/** Records `score` under `key` (e.g. "team-events held-out"), keeping the other keys. */
export function recordScore(
  modelDir: string,
  key: string,
  modelVersion: string,
  score: RealDocsScore,
  documents: number,
  command: string,
): RecordedScore {
  const entry: RecordedScore = {
    modelVersion,
    documents,
    precision: percent(score.arguments.precision),
    recall: percent(score.arguments.recall),
    f1: percent(score.arguments.f1),
    completeRecords: percent(score.completeRecords.accuracy),
    falseEventDocuments: percent(score.falseEventDocuments.accuracy),
    command,
    measuredOn: new Date().toISOString().slice(0, 10),
  };
  const scores = { ...readRecordedScores(modelDir), [key]: entry };
  writeFileSync(path.join(modelDir, RECORDED_SCORES_FILE), `${JSON.stringify(scores, null, 1)}\n`);
  return entry;
}
