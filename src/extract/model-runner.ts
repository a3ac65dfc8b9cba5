/**
 * Runs the ONNX model on a batch and returns its four outputs in the whole model's layout.
 *
 * Two ways, same results for every event type the decoder reads:
 * - whole: `model[.int8].onnx`, trigger and argument heads for all event types of every row;
 * - in parts, when the model folder has them: the encoder (hidden states, type and entity logits), then
 *   the trigger/argument heads only for the (row, type) pairs whose type passes the type threshold. The
 *   heads are conditioned on the type, so each pair costs about as much as a quarter of the encoder;
 *   most sentences have one or two types of ten. Other types get logits of "nothing here", which the
 *   decoder would have dropped anyway since only detected types are read.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Precision } from './model-paths.js';
import { modelFileName } from './model-paths.js';
import {
  type Feed,
  type Int64Feed,
  loadOnnxSession,
  type OnnxModelSession,
  type OnnxSessionOptions,
} from './onnx-session.js';
import { sigmoid } from './span-decoder.js';
import type { ModelConfig, ModelOutputs } from './types.js';

export const OUTPUT_NAMES = ['type_logits', 'trigger_logits', 'argument_logits', 'entity_logits'] as const;
const ENCODER_OUTPUTS = ['hidden', 'type_logits', 'entity_logits'] as const;
const PAIR_OUTPUTS = ['pair_trigger_logits', 'pair_argument_logits'] as const;

/** File names of the parts, by precision (the export writes the int8 ones). */
export function partFileNames(precision: Precision): { encoder: string; pairHeads: string } {
  const suffix = precision === 'int8' ? '.int8.onnx' : '.onnx';
  return { encoder: `model.encoder${suffix}`, pairHeads: `model.pair-heads${suffix}` };
}

/** Logit of a type the heads were not asked about: sigmoid ≈ 0, below any threshold. */
const NOT_ASKED = -1e4;

export interface ModelRunner {
  /** The files it runs, for messages. */
  readonly files: readonly string[];
  /** The model's inputs (the encoder's, when in parts). */
  readonly inputNames: readonly string[];
  run(feeds: Readonly<Record<string, Int64Feed>>): Promise<ModelOutputs>;
}

function requireOutputs(session: OnnxModelSession, names: readonly string[]): void {
  const missing = names.filter((name) => !session.outputNames.includes(name));
  if (missing.length > 0) throw new Error(`model ${session.path} lacks outputs [${missing.join(', ')}]`);
}

class WholeModelRunner implements ModelRunner {
  constructor(private readonly session: OnnxModelSession) {
    requireOutputs(session, OUTPUT_NAMES);
  }

  get files(): readonly string[] {
    return [this.session.path];
  }

  get inputNames(): readonly string[] {
    return this.session.inputNames;
  }

  async run(feeds: Readonly<Record<string, Int64Feed>>): Promise<ModelOutputs> {
    const out = await this.session.run(feeds, OUTPUT_NAMES);
    return {
      typeLogits: out.type_logits as ModelOutputs['typeLogits'],
      triggerLogits: out.trigger_logits as ModelOutputs['triggerLogits'],
      argumentLogits: out.argument_logits as ModelOutputs['argumentLogits'],
      entityLogits: out.entity_logits as ModelOutputs['entityLogits'],
    };
  }
}

class PairedModelRunner implements ModelRunner {
  constructor(
    private readonly encoder: OnnxModelSession,
    private readonly pairHeads: OnnxModelSession,
    private readonly config: Pick<ModelConfig, 'typeThreshold' | 'roles'>,
  ) {
    requireOutputs(encoder, ENCODER_OUTPUTS);
    requireOutputs(pairHeads, PAIR_OUTPUTS);
  }

  get files(): readonly string[] {
    return [this.encoder.path, this.pairHeads.path];
  }

  get inputNames(): readonly string[] {
    return this.encoder.inputNames;
  }

  async run(feeds: Readonly<Record<string, Int64Feed>>): Promise<ModelOutputs> {
    const enc = await this.encoder.run(feeds, ENCODER_OUTPUTS);
    const hidden = enc.hidden as NonNullable<typeof enc.hidden>;
    const typeLogits = enc.type_logits as ModelOutputs['typeLogits'];
    const [batch, types] = typeLogits.dims as [number, number];
    const length = hidden.dims[1] as number;
    const roles = this.config.roles.length;
    const rows: bigint[] = [];
    const typeIds: bigint[] = [];
    for (let b = 0; b < batch; b++) {
      for (let t = 0; t < types; t++) {
        if (sigmoid(typeLogits.data[b * types + t] as number) >= this.config.typeThreshold) {
          rows.push(BigInt(b));
          typeIds.push(BigInt(t));
        }
      }
    }
    const trigger = new Float32Array(batch * types * length * 2).fill(NOT_ASKED);
    const argument = new Float32Array(batch * types * length * roles * 2).fill(NOT_ASKED);
    if (rows.length > 0) {
      const pairFeeds: Record<string, Feed> = {
        hidden: { data: hidden.data, dims: hidden.dims },
        pair_rows: { data: BigInt64Array.from(rows), dims: [rows.length] },
        pair_types: { data: BigInt64Array.from(typeIds), dims: [rows.length] },
      };
      // Heads with their own attention blocks read the padding mask too (models without them lack the input).
      const mask = feeds.attention_mask;
      if (this.pairHeads.inputNames.includes('attention_mask') && mask) pairFeeds.attention_mask = mask;
      const out = await this.pairHeads.run(pairFeeds, PAIR_OUTPUTS);
      const pairTrigger = (out.pair_trigger_logits as ModelOutputs['triggerLogits']).data;
      const pairArgument = (out.pair_argument_logits as ModelOutputs['argumentLogits']).data;
      const trigSize = length * 2;
      const argSize = length * roles * 2;
      rows.forEach((row, p) => {
        const at = Number(row) * types + Number(typeIds[p]);
        trigger.set(pairTrigger.subarray(p * trigSize, (p + 1) * trigSize), at * trigSize);
        argument.set(pairArgument.subarray(p * argSize, (p + 1) * argSize), at * argSize);
      });
    }
    return {
      typeLogits,
      triggerLogits: { data: trigger, dims: [batch, types, length, 2] },
      argumentLogits: { data: argument, dims: [batch, types, length, roles, 2] },
      entityLogits: enc.entity_logits as ModelOutputs['entityLogits'],
    };
  }
}

export interface ModelRunnerOptions {
  precision: Precision;
  session?: OnnxSessionOptions;
  /**
   * Use the parts when the folder has them. They give the same events, so this is for comparison only.
   * @defaultValue true
   */
  parts?: boolean;
}

/**
 * The runner for a model folder: in parts when both part files of the precision are there and the
 * decoder reads only detected types (a config with `typeFromTrigger` needs every type's triggers).
 */
export async function loadModelRunner(
  dir: string,
  config: Pick<ModelConfig, 'typeThreshold' | 'typeFromTrigger' | 'roles'>,
  options: ModelRunnerOptions,
): Promise<ModelRunner> {
  const parts = partFileNames(options.precision);
  const partPaths = [join(dir, parts.encoder), join(dir, parts.pairHeads)] as const;
  if ((options.parts ?? true) && !config.typeFromTrigger && partPaths.every((p) => existsSync(p))) {
    const [encoder, pairHeads] = await Promise.all(partPaths.map((p) => loadOnnxSession(p, options.session)));
    return new PairedModelRunner(encoder as OnnxModelSession, pairHeads as OnnxModelSession, config);
  }
  return new WholeModelRunner(
    await loadOnnxSession(join(dir, modelFileName(options.precision)), options.session),
  );
}
