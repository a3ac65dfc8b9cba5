/**
 * The model's reading of documents' sentences kept on disk between runs of an evaluation, so that
 * re-scoring after a change to linking or assembly rules runs no model, and after a change to parsing only
 * on the documents whose sentences changed. Entries are keyed by the model (its ONNX files, vocabulary and
 * loaded config), the extraction code itself, and the call's texts and known names: a new model, a changed
 * decoder or another gazetteer never reads a stale entry.
 */
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventExtractor, ExtractOptions } from './event-extractor.js';
import type { ExtractionResult } from './types.js';

/** What reading a document needs of the model: the cache and the extractor both provide it. */
export type SentenceExtractor = Pick<EventExtractor, 'extract' | 'usesKnowledge' | 'modelVersion'>;

interface CacheLine {
  key: string;
  results: ExtractionResult[];
}

export class CachedExtractor implements SentenceExtractor {
  private constructor(
    private readonly extractor: EventExtractor,
    private readonly file: string,
    private readonly entries: Map<string, ExtractionResult[]>,
  ) {}

  /** Opens (or starts) the cache of `extractor`'s model and code under `dir`. */
  static async open(extractor: EventExtractor, dir: string): Promise<CachedExtractor> {
    const file = path.join(dir, `${await modelKey(extractor)}.jsonl`);
    const entries = new Map<string, ExtractionResult[]>();
    const raw = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    for (const line of raw.split('\n')) {
      // A run killed mid-write leaves a cut last line: that call is run again.
      if (!line) continue;
      try {
        const { key, results } = JSON.parse(line) as CacheLine;
        entries.set(key, results);
      } catch {}
    }
    await mkdir(dir, { recursive: true });
    return new CachedExtractor(extractor, file, entries);
  }

  get usesKnowledge(): boolean {
    return this.extractor.usesKnowledge;
  }

  get modelVersion(): string {
    return this.extractor.modelVersion;
  }

  /** Sentences read from the cache and by the model since opening. */
  readonly counts = { cached: 0, read: 0 };

  /**
   * One entry per call, not per sentence: the int8 model quantises each batch's activations with one
   * scale, so a sentence's reading depends on the sentences batched with it. Caching the call whole keeps
   * every result exactly what the model gives for the same call.
   */
  async extract(texts: readonly string[], options: ExtractOptions = {}): Promise<ExtractionResult[]> {
    const key = this.keyOf(texts, options);
    const cached = this.entries.get(key);
    if (cached) {
      this.counts.cached += texts.length;
      return cached;
    }
    const results = await this.extractor.extract(texts, options);
    this.entries.set(key, results);
    await appendFile(this.file, `${JSON.stringify({ key, results } satisfies CacheLine)}\n`);
    this.counts.read += texts.length;
    return results;
  }

  /** A call's key: its texts and the names marked for the model in them. */
  private keyOf(texts: readonly string[], options: ExtractOptions): string {
    const hash = createHash('sha256');
    if (this.usesKnowledge && options.gazetteer) {
      const names = options.gazetteer.entries().map((n) => `${n.name}\t${n.kind}`);
      hash.update(names.sort().join('\n'));
    }
    for (const text of texts) hash.update('\0').update(text);
    return hash.digest('base64url');
  }
}

/** Hash of what decides a sentence's reading: the model files, the vocabulary, the config, this folder's code. */
async function modelKey(extractor: EventExtractor): Promise<string> {
  const hash = createHash('sha256');
  const files = [...extractor.modelFiles];
  const modelDir = path.dirname(files[0] as string);
  files.push(path.join(modelDir, 'vocab.txt'));
  const codeDir = path.dirname(fileURLToPath(import.meta.url));
  for (const name of (await readdir(codeDir)).filter((f) => f.endsWith('.js')).sort()) {
    files.push(path.join(codeDir, name));
  }
  for (const file of files) hash.update(path.basename(file)).update(await readFile(file));
  hash.update(JSON.stringify(extractor.config));
  return hash.digest('hex').slice(0, 24);
}
