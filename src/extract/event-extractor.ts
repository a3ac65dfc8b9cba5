/**
 * The extraction pipeline: texts in; typed entity mentions and events, with UTF-16 offsets into each text
 * and confidences, out. One call composes tokenize (+ word features, windowing) → run (length-batched) →
 * decode (per window, then merged).
 */
import { join } from 'node:path';
import { defaultModelDir, eventSchemaFile } from '../config/index.js';
import { featureContractMismatch } from './feature-contract.js';
import { type KnownNames, unmarked } from './knowledge-features.js';
import { batchByLength, type LengthBatcherOptions } from './length-batcher.js';
import { loadModelConfig } from './model-config.js';
import type { Precision } from './model-paths.js';
import { loadModelRunner, type ModelRunner } from './model-runner.js';
import type { Int64Feed, OnnxSessionOptions } from './onnx-session.js';
import { packSentences } from './sentence-splitter.js';
import { checkOutputShapes, decodeRow } from './span-decoder.js';
import { type EncodedText, Tokenizer } from './tokenizer.js';
import type {
  ExtractionResult,
  LabelledTokenSpan,
  ModelConfig,
  ModelOutputs,
  TokenExtraction,
  TokenSpan,
} from './types.js';
import { mergeWindows, planWindows, type TokenWindow } from './windowing.js';
import { wordFeatures } from './word-features.js';

export interface EventExtractorOptions {
  /**
   * Folder holding config.json, vocab.txt and the .onnx files.
   * @defaultValue models/finkg-small in the repository
   */
  modelDir?: string;
  /**
   * Which model file to run: int8 → model.int8.onnx, fp32 → model.onnx.
   * @defaultValue 'int8'
   */
  precision?: Precision;
  /**
   * Event schema giving roles per type where config.json does not.
   * @defaultValue schemas/events.json in the repository
   */
  schemaPath?: string;
  /**
   * onnxruntime session settings (threads).
   * @defaultValue {}
   */
  session?: OnnxSessionOptions;
  /**
   * Batch sizes for the runs.
   * @defaultValue {}
   */
  batching?: LengthBatcherOptions;
  /**
   * Run the model in its two parts (encoder, then heads for detected types only) when the folder has
   * them; the events are the same, only slower without.
   * @defaultValue true
   */
  parts?: boolean;
}

/** Per call: what the model is told it already knows. */
export interface ExtractOptions {
  /**
   * Known names marked in the text for a model with the knowledge input (ignored by one without).
   * @defaultValue none: nothing is marked
   */
  gazetteer?: KnownNames;
}

/** Model input features of one window, indexed from the window's start. */
interface WindowFeatures {
  seg: number[];
  pos: number[];
  kb: number[];
}

/** One text prepared for the model. */
interface PreparedText {
  encoded: EncodedText;
  windows: TokenWindow[];
  features: WindowFeatures[];
}

/** One window of one text: the unit that is batched and run. */
interface WindowJob {
  text: number;
  window: number;
}

export class EventExtractor {
  private constructor(
    readonly config: ModelConfig,
    private readonly tokenizer: Tokenizer,
    private readonly runner: ModelRunner,
    private readonly batching: LengthBatcherOptions,
    /** Whether the model takes the knowledge input `kb_ids`. */
    readonly usesKnowledge: boolean,
  ) {}

  /** Load config (with the event schema), tokenizer and model, then check they fit together. */
  static async load(options: EventExtractorOptions = {}): Promise<EventExtractor> {
    const dir = options.modelDir ?? defaultModelDir();
    const [config, tokenizer] = await Promise.all([
      loadModelConfig(join(dir, 'config.json'), options.schemaPath ?? eventSchemaFile()),
      Tokenizer.fromVocabFile(join(dir, 'vocab.txt')),
    ]);
    const runner = await loadModelRunner(dir, config, {
      precision: options.precision ?? 'int8',
      ...(options.session ? { session: options.session } : {}),
      ...(options.parts === undefined ? {} : { parts: options.parts }),
    });
    const usesKnowledge = runner.inputNames.includes('kb_ids');
    const mismatch = featureContractMismatch(config, {
      wordFeatures: runner.inputNames.some((name) => name === 'seg_ids' || name === 'pos_ids'),
      knowledge: usesKnowledge,
    });
    if (mismatch !== undefined) throw new Error(mismatch);
    if (config.vocabSize !== undefined && config.vocabSize !== tokenizer.size) {
      throw new Error(`vocab.txt has ${tokenizer.size} tokens but config.json says ${config.vocabSize}`);
    }
    return new EventExtractor(config, tokenizer, runner, options.batching ?? {}, usesKnowledge);
  }

  get modelVersion(): string {
    return this.config.modelVersion;
  }

  /** The ONNX files it runs: the whole model, or its two parts. */
  get modelFiles(): readonly string[] {
    return this.runner.files;
  }

  async extract(texts: readonly string[], options: ExtractOptions = {}): Promise<ExtractionResult[]> {
    const decoded = await this.extractTokens(texts, options);
    return texts.map((text, i) => this.toResult(text, decoded[i] as Decoded));
  }

  /**
   * Like `extract`, for texts of any length: a text longer than the model's window is first cut into
   * chunks of whole sentences (windowing then only handles single over-long sentences).
   */
  async extractDocuments(
    texts: readonly string[],
    options: ExtractOptions = {},
  ): Promise<ExtractionResult[]> {
    const chunksPerText = texts.map((text) =>
      [...text].length <= this.config.maxLen ? [{ text, start: 0 }] : packSentences(text, this.config.maxLen),
    );
    const results = await this.extract(
      chunksPerText.flat().map((chunk) => chunk.text),
      options,
    );
    let next = 0;
    return chunksPerText.map((chunks) => {
      const merged: ExtractionResult = { modelVersion: this.config.modelVersion, entities: [], events: [] };
      for (const chunk of chunks) {
        const part = results[next++] as ExtractionResult;
        const move = <T extends { start: number; end: number }>(m: T): T => ({
          ...m,
          start: m.start + chunk.start,
          end: m.end + chunk.start,
        });
        merged.entities.push(...part.entities.map(move));
        merged.events.push(
          ...part.events.map((ev) => ({
            ...ev,
            trigger: move(ev.trigger),
            arguments: ev.arguments.map(move),
          })),
        );
      }
      return merged;
    });
  }

  /** Token-level results per text, with the encoding that maps tokens back to the text. */
  async extractTokens(texts: readonly string[], options: ExtractOptions = {}): Promise<Decoded[]> {
    const prepared = texts.map((text) => this.prepare(text, options.gazetteer));
    const jobs: WindowJob[] = [];
    prepared.forEach((p, text) => {
      p.windows.forEach((_, window) => {
        jobs.push({ text, window });
      });
    });
    const perWindow: TokenExtraction[][] = prepared.map((p) =>
      p.windows.map(() => ({ entities: [], events: [] })),
    );
    const lengths = jobs.map((job) => windowOf(prepared, job).end - windowOf(prepared, job).start);
    for (const batch of batchByLength(lengths, this.batching)) {
      const batchJobs = batch.map((i) => jobs[i] as WindowJob);
      const outputs = await this.run(prepared, batchJobs);
      const { batch: rows } = checkOutputShapes(outputs, this.config);
      if (rows !== batchJobs.length) throw new Error(`model returned ${rows} rows for ${batchJobs.length}`);
      batchJobs.forEach((job, row) => {
        const w = windowOf(prepared, job);
        (perWindow[job.text] as TokenExtraction[])[job.window] = decodeRow(
          outputs,
          this.config,
          row,
          w.end - w.start,
        );
      });
    }
    return prepared.map((p, i) => ({
      encoded: p.encoded,
      tokens: mergeWindows(p.windows, perWindow[i] as TokenExtraction[], p.encoded.ids.length),
    }));
  }

  private prepare(text: string, gazetteer: KnownNames | undefined): PreparedText {
    const encoded = this.tokenizer.encode(text);
    const windows = planWindows(encoded.ids.length, this.config.maxLen, this.config.windowOverlap);
    // jieba depends on context, so each window gets the features of exactly its own text, as in training.
    const features = windows.map((w) => {
      const slice = text.slice(encoded.offsets[w.start] as number, encoded.offsets[w.end] as number);
      const kb = this.usesKnowledge && gazetteer ? gazetteer.mark(slice) : unmarked(slice);
      return { ...wordFeatures(slice), kb };
    });
    return { encoded, windows, features };
  }

  private async run(prepared: readonly PreparedText[], jobs: readonly WindowJob[]): Promise<ModelOutputs> {
    const width = Math.max(
      1,
      ...jobs.map((job) => windowOf(prepared, job).end - windowOf(prepared, job).start),
    );
    const dims = [jobs.length, width] as const;
    const inputIds = new BigInt64Array(jobs.length * width);
    const mask = new BigInt64Array(jobs.length * width);
    const seg = new BigInt64Array(jobs.length * width);
    const pos = new BigInt64Array(jobs.length * width);
    const kb = new BigInt64Array(jobs.length * width);
    jobs.forEach((job, row) => {
      const p = prepared[job.text] as PreparedText;
      const w = windowOf(prepared, job);
      for (let i = w.start; i < w.end; i++) {
        const at = row * width + (i - w.start);
        inputIds[at] = BigInt(p.encoded.ids[i] as number);
        mask[at] = 1n;
        const f = p.features[job.window] as WindowFeatures;
        seg[at] = BigInt(f.seg[i - w.start] as number);
        pos[at] = BigInt(f.pos[i - w.start] as number);
        kb[at] = BigInt(f.kb[i - w.start] as number);
      }
    });
    const feed = (data: BigInt64Array): Int64Feed => ({ data, dims });
    const feeds = {
      input_ids: feed(inputIds),
      attention_mask: feed(mask),
      seg_ids: feed(seg),
      pos_ids: feed(pos),
    };
    return this.runner.run(this.usesKnowledge ? { ...feeds, kb_ids: feed(kb) } : feeds);
  }

  private toResult(text: string, decoded: Decoded): ExtractionResult {
    const { offsets } = decoded.encoded;
    const place = (span: TokenSpan) => {
      const start = offsets[span.start] as number;
      const end = offsets[span.end] as number;
      return { text: text.slice(start, end), start, end, confidence: span.confidence };
    };
    const byPosition = (a: { start: number; end: number }, b: { start: number; end: number }) =>
      a.start - b.start || a.end - b.end;
    return {
      modelVersion: this.config.modelVersion,
      entities: decoded.tokens.entities
        .map((e: LabelledTokenSpan) => ({ type: e.label, ...place(e) }))
        .sort(byPosition),
      // Events need a trigger in the result schema. A type the model learnt without triggers (the team's
      // annotations name none) is placed at its first argument, as rule records are; the trigger-less events
      // of other types only count in `finkg eval`.
      events: decoded.tokens.events
        .flatMap((ev) => {
          const trigger =
            ev.trigger ??
            (this.config.triggerlessTypes.includes(ev.type)
              ? [...ev.arguments].sort((a, b) => a.start - b.start)[0]
              : undefined);
          return trigger
            ? [
                {
                  ...ev,
                  trigger: { ...trigger, confidence: ev.trigger ? trigger.confidence : ev.confidence },
                },
              ]
            : [];
        })
        .map((ev) => ({
          type: ev.type,
          trigger: place(ev.trigger),
          arguments: ev.arguments.map((a) => ({ role: a.label, ...place(a) })).sort(byPosition),
          confidence: ev.confidence,
        }))
        .sort((a, b) => byPosition(a.trigger, b.trigger) || a.type.localeCompare(b.type)),
    };
  }
}

/** Token-level extraction of one text plus its encoding. */
export interface Decoded {
  encoded: EncodedText;
  tokens: TokenExtraction;
}

function windowOf(prepared: readonly PreparedText[], job: WindowJob): TokenWindow {
  return (prepared[job.text] as PreparedText).windows[job.window] as TokenWindow;
}
