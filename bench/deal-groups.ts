/**
 * The real deals bench/cross-document-groups.json lists (documents that tell one deal) and how their
 * documents are read: samples/… from the repository, real-pdfs/… from the PDF folder, corpus:<stem>:<line>
 * from the corpus under the datasets folder. Shared by the benchmarks that read real traffic.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { defaultDatasetsDir, projectRoot } from '../src/config/index.js';
import { readCorpusTexts } from '../src/eval/realdocs.js';
import { type Submission, type SubmitDeps, submitDocument } from '../src/ingest/index.js';

/** A document to read: `label` names it in the output (a path relative to the project, or a corpus id). */
export interface BenchDocument {
  label: string;
  fileName: string;
  bytes: () => Uint8Array;
}

/** Documents telling one real deal, which should be one Event of `type`. */
export interface DealGroup {
  deal: string;
  type: string;
  documents: string[];
}

export const DEFAULT_GROUPS_FILE = path.join(projectRoot, 'bench', 'cross-document-groups.json');
export const DEFAULT_PDFS_DIR = path.join(projectRoot, '..', 'shared', 'data', 'real-pdfs');

export function readDealGroups(file: string): DealGroup[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { groups: DealGroup[] }).groups;
}

export const fileDocument = (file: string): BenchDocument => ({
  label: path.relative(projectRoot, file),
  fileName: path.basename(file),
  bytes: () => new Uint8Array(readFileSync(file)),
});

/** A group's document references as documents to read (`pdfs`: the real-pdfs folder). */
export async function groupDocuments(refs: readonly string[], pdfs: string): Promise<BenchDocument[]> {
  const corpus = await readCorpusTexts(
    defaultDatasetsDir(),
    refs.filter((r) => r.startsWith('corpus:')),
  );
  return refs.map((ref) => {
    if (ref.startsWith('corpus:')) {
      const text = corpus.get(ref);
      if (text === undefined) throw new Error(`${ref}: not in the corpus`);
      return { label: ref, fileName: `${ref}.txt`, bytes: () => new TextEncoder().encode(text) };
    }
    if (ref.startsWith('real-pdfs/')) return fileDocument(path.join(pdfs, ref.slice('real-pdfs/'.length)));
    return fileDocument(path.join(projectRoot, ref));
  });
}

/** The label a group reference has once read (files are labelled relative to the project). */
export function groupLabel(ref: string, pdfs: string): string {
  if (ref.startsWith('corpus:')) return ref;
  if (ref.startsWith('real-pdfs/'))
    return path.relative(projectRoot, path.join(pdfs, ref.slice('real-pdfs/'.length)));
  return ref;
}

/** Every document of the groups, each once, in the order the groups list them. */
export function allGroupDocuments(groups: readonly DealGroup[], pdfs: string): Promise<BenchDocument[]> {
  return groupDocuments([...new Set(groups.flatMap((g) => g.documents))], pdfs);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? filesUnder(full) : [full];
    });
}

/** The real PDFs of `pdfs` and the shipped samples: the whole real-traffic set. */
export function realPdfsAndSamples(pdfs: string): BenchDocument[] {
  return [
    ...filesUnder(pdfs).filter((f) => f.endsWith('.pdf')),
    ...filesUnder(path.join(projectRoot, 'samples')).filter((f) => /\.(pdf|html|txt)$/.test(f)),
  ].map(fileDocument);
}

/** Submits the documents in order, each without a kind (as an upload that declares none): their submissions. */
export async function submitBare(
  submit: SubmitDeps,
  documents: readonly BenchDocument[],
): Promise<Submission[]> {
  const submissions: Submission[] = [];
  for (const document of documents)
    submissions.push(
      await submitDocument(submit, { bytes: document.bytes(), kind: 'other', fileName: document.fileName }),
    );
  return submissions;
}
