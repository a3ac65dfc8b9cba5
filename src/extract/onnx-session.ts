/**
 * The one module that imports onnxruntime-node. A session is created once per model file and reused for
 * the life of the process; the loading promise is stored so concurrent first callers share one load.
 */
import { resolve } from 'node:path';
import * as ort from 'onnxruntime-node';
import type { LogitTensor } from './types.js';

export interface OnnxSessionOptions {
  /**
   * Threads used inside one operator (matrix products). 1 gives the per-core figures of the benchmark.
   * @defaultValue 0 (onnxruntime picks: one per physical core)
   */
  intraOpNumThreads?: number;
  /**
   * Threads running independent operators in parallel; our graphs are sequential, so 1 is enough.
   * @defaultValue 1
   */
  interOpNumThreads?: number;
  /**
   * Called with a message when feeds the model does not take are dropped.
   * @defaultValue console.warn
   */
  warn?: (message: string) => void;
}

/** An int64 input: ids [batch, length], or indices [pairs]. */
export interface Int64Feed {
  data: BigInt64Array;
  dims: readonly number[];
}

/** A float32 input: hidden states handed from one model part to the next. */
export interface Float32Feed {
  data: Float32Array;
  dims: readonly number[];
}

export type Feed = Int64Feed | Float32Feed;

/** A loaded model: run it with named feeds, get float outputs back by name. */
export class OnnxModelSession {
  private readonly warnedExtra = new Set<string>();

  constructor(
    private readonly session: ort.InferenceSession,
    readonly path: string,
    private readonly warn: (message: string) => void,
  ) {}

  get inputNames(): readonly string[] {
    return this.session.inputNames;
  }

  get outputNames(): readonly string[] {
    return this.session.outputNames;
  }

  /** Missing inputs throw with their names; extra ones are warned about once and dropped. */
  checkFeeds(feeds: Readonly<Record<string, Feed>>): Record<string, Feed> {
    const missing = this.session.inputNames.filter((name) => !(name in feeds));
    if (missing.length > 0) {
      throw new Error(`model ${this.path} needs inputs [${missing.join(', ')}] that were not given`);
    }
    const kept: Record<string, Feed> = {};
    for (const [name, feed] of Object.entries(feeds)) {
      if (this.session.inputNames.includes(name)) kept[name] = feed;
      else if (!this.warnedExtra.has(name)) {
        this.warnedExtra.add(name);
        this.warn(`model ${this.path} takes no input "${name}"; dropping it`);
      }
    }
    return kept;
  }

  async run(
    feeds: Readonly<Record<string, Feed>>,
    outputs?: readonly string[],
  ): Promise<Record<string, LogitTensor>> {
    const tensors: Record<string, ort.Tensor> = {};
    for (const [name, feed] of Object.entries(this.checkFeeds(feeds))) {
      tensors[name] =
        feed.data instanceof BigInt64Array
          ? new ort.Tensor('int64', feed.data, [...feed.dims])
          : new ort.Tensor('float32', feed.data, [...feed.dims]);
    }
    const wanted = outputs ?? this.session.outputNames;
    const missing = wanted.filter((name) => !this.session.outputNames.includes(name));
    if (missing.length > 0) throw new Error(`model ${this.path} has no outputs [${missing.join(', ')}]`);
    const result = await this.session.run(tensors, [...wanted]);
    const out: Record<string, LogitTensor> = {};
    for (const name of wanted) {
      const tensor = result[name];
      if (tensor?.type !== 'float32') throw new Error(`output ${name} is not a float32 tensor`);
      out[name] = { data: tensor.data as Float32Array, dims: tensor.dims };
    }
    return out;
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}

const sessions = new Map<string, Promise<OnnxModelSession>>();

/**
 * The session for `modelPath`, loading it on first use. Options only apply to the first load of a path.
 */
export function loadOnnxSession(
  modelPath: string,
  options: OnnxSessionOptions = {},
): Promise<OnnxModelSession> {
  const path = resolve(modelPath);
  let loading = sessions.get(path);
  if (!loading) {
    const warn = options.warn ?? ((message: string) => console.warn(message));
    loading = ort.InferenceSession.create(path, {
      intraOpNumThreads: options.intraOpNumThreads ?? 0,
      interOpNumThreads: options.interOpNumThreads ?? 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    }).then((session) => new OnnxModelSession(session, path, warn));
    // A failed load is not cached, so a later call can try again.
    loading.catch(() => sessions.delete(path));
    sessions.set(path, loading);
  }
  return loading;
}

/** Release the session of `modelPath`, if loaded, so that the next load starts fresh. */
export async function releaseOnnxSession(modelPath: string): Promise<void> {
  const path = resolve(modelPath);
  const loading = sessions.get(path);
  sessions.delete(path);
  if (loading) await (await loading).release();
}
