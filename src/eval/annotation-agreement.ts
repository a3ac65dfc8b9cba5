/**
 * Agreement of two annotators who read the same documents independently: the second's records scored
 * against the first's with the real-document scorer (role–argument F1 is symmetric), and the share of
 * documents where both saw the same event types.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type GoldDocument, type PredictedDocument, type RealDocsScore, scoreRealDocs } from './realdocs.js';

export interface AgreementReport {
  /** Documents both annotators read as documents (neither marked them skip). */
  documents: number;
  /** Documents one annotator skipped and the other annotated. */
  skipDisagreements: string[];
  score: RealDocsScore;
  /** Documents where both found the same set of event types (none included). */
  sameTypes: number;
}

function asPrediction(doc: GoldDocument): PredictedDocument {
  return {
    event_list: doc.events.map((e) => ({
      event_type: e.event_type,
      // A product states one value; a range the second annotator wrote stands by its upper bound.
      arguments: e.arguments.map(({ value, ...a }) => ({
        ...a,
        ...(value === undefined ? {} : { value: typeof value === 'object' ? value.max : value }),
      })),
    })),
    document: { kind: doc.kind, issuer: doc.issuer, date: doc.date },
  };
}

const typesOf = (doc: GoldDocument) => [...new Set(doc.events.map((e) => e.event_type))].sort().join(',');

export function annotationAgreement(
  first: readonly GoldDocument[],
  second: readonly GoldDocument[],
): AgreementReport {
  const other = new Map(second.map((d) => [d.id, d]));
  const both = first.filter((d) => other.has(d.id));
  const read = both.filter((d) => d.scope !== 'skip' && other.get(d.id)?.scope !== 'skip');
  const predictions = new Map(read.map((d) => [d.id, asPrediction(other.get(d.id) as GoldDocument)]));
  return {
    documents: read.length,
    skipDisagreements: both
      .filter((d) => (d.scope === 'skip') !== (other.get(d.id)?.scope === 'skip'))
      .map((d) => d.id),
    score: scoreRealDocs(read, predictions),
    sameTypes: read.filter((d) => typesOf(d) === typesOf(other.get(d.id) as GoldDocument)).length,
  };
}

/** The two independent annotations of the double-annotated sample, kept in `<dir>/agreement/`. */
export async function readDoubleAnnotation(dir: string): Promise<[GoldDocument[], GoldDocument[]]> {
  const read = async (name: string) =>
    (await readFile(path.join(dir, 'agreement', `${name}.jsonl`), 'utf8'))
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as GoldDocument);
  return [await read('first'), await read('second')];
}
