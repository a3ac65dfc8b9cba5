/**
 * Parsed PDFs kept on disk between runs of an evaluation: parsing the real-document set's 2,000 PDF pages
 * costs most of a cached run, and a change to assembly or linking rules does not change it. Entries are
 * keyed by the parser itself (every compiled module it imports, the installed packages' lock file and the
 * OCR models) and the call's bytes, hints and limits: a changed parser never reads a stale entry.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { projectRoot } from '../config/index.js';
import { type ParsedDocument, parseDocument } from '../parse/index.js';
import { fusedModelFiles } from '../parse/ocr/ocr-models.js';

export type DocumentParser = typeof parseDocument;

/** Only PDFs are kept: reading a text's entry costs about what parsing the text does. */
const CACHED_TYPES = /\.pdf$/i;

/** A parser that keeps each PDF's result under `dir` and reuses it while the parser is unchanged. */
export async function cachedParser(
  dir: string,
): Promise<DocumentParser & { counts: { cached: number; parsed: number } }> {
  const folder = path.join(dir, 'parsed', await parserKey());
  await mkdir(folder, { recursive: true });
  const counts = { cached: 0, parsed: 0 };
  const parse: DocumentParser = async (bytes, hints, limits) => {
    if (!CACHED_TYPES.test(hints?.fileName ?? '')) return parseDocument(bytes, hints, limits);
    const key = createHash('sha256')
      .update(JSON.stringify([hints, limits]))
      .update(bytes)
      .digest('base64url');
    const file = path.join(folder, `${key}.json.gz`);
    if (existsSync(file)) {
      counts.cached++;
      return JSON.parse(gunzipSync(await readFile(file)).toString('utf8')) as ParsedDocument;
    }
    const parsed = await parseDocument(bytes, hints, limits);
    counts.parsed++;
    // Written whole then renamed, so a run stopped mid-write leaves no cut entry.
    await writeFile(`${file}.tmp`, gzipSync(JSON.stringify(parsed)));
    await rename(`${file}.tmp`, file);
    return parsed;
  };
  return Object.assign(parse, { counts });
}

/** Hash of what decides a parse: the parser's compiled modules, the lock file, the fused OCR models. */
async function parserKey(): Promise<string> {
  const hash = createHash('sha256');
  const entry = fileURLToPath(new URL('../parse/index.js', import.meta.url));
  const files = [...(await moduleClosure(entry))].sort();
  files.push(path.join(projectRoot, 'package-lock.json'));
  const ocr = fusedModelFiles();
  if (ocr) files.push(ocr.detection, ocr.recognition);
  for (const file of files) {
    if (existsSync(file)) hash.update(path.relative(projectRoot, file)).update(await readFile(file));
  }
  return hash.digest('hex').slice(0, 24);
}

const RELATIVE_IMPORT = /(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

/** Every compiled module `entry` imports, directly or not, by relative path. */
async function moduleClosure(entry: string): Promise<Set<string>> {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const match of (await readFile(file, 'utf8')).matchAll(RELATIVE_IMPORT)) {
      pending.push(path.resolve(path.dirname(file), match[1] as string));
    }
  }
  return seen;
}
