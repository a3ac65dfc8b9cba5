/**
 * The knowledge the model is trained and scored with, read from the training splits in the datasets
 * folder (never copied into the repository): organisation and person names that fill FewFC train
 * arguments, and FinNER train mentions of companies, organisations, government bodies and people.
 *
 * Training marks each training record with the names of the *other* folds (record index % folds), so
 * the model sees names it knows and names it does not in about the share it meets on unseen text.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eventSchemaFile } from '../config/index.js';
import { type KnowledgeKind, type KnownName, KnownNames } from '../extract/knowledge-features.js';
import { type EventSchema, loadEventSchema } from '../extract/model-config.js';
import { FINNER_TYPE_MAP } from './entity-evaluation.js';
import { readFewfcSplit } from './fewfc-dataset.js';

export const KNOWLEDGE_FOLDS = 5;

/** A name with the training record it came from, for leaving folds out. */
export interface SourcedEntry extends KnownName {
  source: 'fewfc' | 'finner';
  index: number;
}

const ORG_TYPES = new Set(['company', 'organization', 'government']);

/** The kind of a set of entity types: org or person when all of them agree, else none. */
export function kindOfEntityTypes(types: readonly string[]): KnowledgeKind | undefined {
  if (types.length === 0) return undefined;
  if (types.every((t) => ORG_TYPES.has(t))) return 'org';
  if (types.every((t) => t === 'person')) return 'person';
  return undefined;
}

export async function readTrainingGazetteerEntries(
  datasetsDir: string,
  schema: Pick<EventSchema, 'roleEntityTypes'>,
): Promise<SourcedEntry[]> {
  const out: SourcedEntry[] = [];
  const fewfc = await readFewfcSplit(datasetsDir, 'train');
  fewfc.forEach((record, index) => {
    for (const event of record.events) {
      for (const [role, args] of Object.entries(event.args ?? {})) {
        const kind = kindOfEntityTypes(schema.roleEntityTypes[role] ?? []);
        if (!kind) continue;
        for (const arg of args) out.push({ name: arg.word, kind, source: 'fewfc', index });
      }
    }
  });
  const finnerPath = join(datasetsDir, 'finner-bbt', 'train_list.json');
  const finner = JSON.parse(await readFile(finnerPath, 'utf8')) as unknown;
  if (!Array.isArray(finner)) throw new Error(`${finnerPath}: expected a JSON array`);
  finner.forEach((record, index) => {
    const labels = (record as { labels?: unknown }).labels;
    if (!Array.isArray(labels)) return;
    for (const label of labels) {
      if (typeof label !== 'string') continue;
      const cut = label.lastIndexOf(':');
      const type = cut < 0 ? undefined : FINNER_TYPE_MAP[label.slice(cut + 1)];
      const kind = type ? kindOfEntityTypes([type]) : undefined;
      if (kind) out.push({ name: label.slice(0, cut), kind, source: 'finner', index });
    }
  });
  return out;
}

/** Every training name: what `finkg eval` and the model tests tell a model with the knowledge input. */
export async function readTrainingKnownNames(
  datasetsDir: string,
  schemaPath = eventSchemaFile(),
): Promise<KnownNames> {
  return KnownNames.of(await readTrainingGazetteerEntries(datasetsDir, await loadEventSchema(schemaPath)));
}

/** Entries without those of one fold (`fold` undefined keeps all). */
export function leaveFoldOut(
  entries: readonly SourcedEntry[],
  fold: number | undefined,
  folds = KNOWLEDGE_FOLDS,
): SourcedEntry[] {
  return fold === undefined ? [...entries] : entries.filter((e) => e.index % folds !== fold);
}
