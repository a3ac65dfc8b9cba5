/**
 * Pure decoding of the model's raw logits into spans and events. No I/O, no onnxruntime: everything here
 * is driven by plain arrays so it can be unit-tested with hand-built logits.
 *
 * Layouts (row-major, from the ONNX contract): type [B,T]; trigger [B,T,L,2]; argument [B,T,L,R,2];
 * entity [B,L,E,2]; the last axis is (start, end).
 */
import type {
  ConfidenceRule,
  HeadDecoding,
  LabelledTokenSpan,
  LogitTensor,
  ModelConfig,
  ModelOutputs,
  TokenEvent,
  TokenExtraction,
  TokenSpan,
} from './types.js';

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function combineConfidence(rule: ConfidenceRule, probs: readonly number[]): number {
  if (probs.length === 0) return 0;
  if (rule === 'min') return Math.min(...probs);
  let logSum = 0;
  for (const p of probs) logSum += Math.log(Math.max(p, 1e-12));
  return Math.exp(logSum / probs.length);
}

/**
 * Pair each start at or above the threshold with the nearest end at or above it, at or after the start and
 * within `maxSpanLen` tokens. Starts with no such end give no span.
 */
export function decodeSpans(
  startProbs: ArrayLike<number>,
  endProbs: ArrayLike<number>,
  decoding: HeadDecoding,
  rule: ConfidenceRule,
): TokenSpan[] {
  const n = Math.min(startProbs.length, endProbs.length);
  const spans: TokenSpan[] = [];
  for (let s = 0; s < n; s++) {
    const ps = startProbs[s] as number;
    if (ps < decoding.threshold) continue;
    const last = Math.min(n, s + decoding.maxSpanLen) - 1;
    for (let e = s; e <= last; e++) {
      const pe = endProbs[e] as number;
      if (pe >= decoding.threshold) {
        spans.push({ start: s, end: e + 1, confidence: combineConfidence(rule, [ps, pe]) });
        break;
      }
    }
  }
  return spans;
}

/** Token distance between two spans: 0 when they overlap or touch. */
export function spanDistance(a: TokenSpan, b: TokenSpan): number {
  if (a.start >= b.end) return a.start - b.end;
  if (b.start >= a.end) return b.start - a.end;
  return 0;
}

/**
 * Build events of one type: one per trigger, each argument going to its nearest trigger (the earlier one
 * on a tie), so that arguments are never duplicated across events of the same type. With no trigger,
 * the arguments still form one trigger-less event (as the training side's decoder and the FewFC argument
 * metrics count them); with neither, there is no event.
 */
export function assembleEvents(
  type: string,
  typeProb: number,
  triggers: readonly TokenSpan[],
  args: readonly LabelledTokenSpan[],
  rule: ConfidenceRule,
): TokenEvent[] {
  const events: TokenEvent[] = triggers.map((trigger) => ({
    type,
    trigger,
    arguments: [],
    confidence: combineConfidence(rule, [typeProb, trigger.confidence]),
  }));
  if (events.length === 0) {
    return args.length === 0 ? [] : [{ type, trigger: null, arguments: [...args], confidence: typeProb }];
  }
  for (const arg of args) {
    let best = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    triggers.forEach((trigger, i) => {
      const d = spanDistance(arg, trigger);
      if (d < bestDistance) {
        best = i;
        bestDistance = d;
      }
    });
    events[best]?.arguments.push(arg);
  }
  return events;
}

/** Start/end probabilities along the token axis of a [.., L, .., 2] tensor, read with a stride. */
function startEndProbs(
  tensor: LogitTensor,
  base: number,
  stride: number,
  length: number,
): { start: Float64Array; end: Float64Array } {
  const start = new Float64Array(length);
  const end = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const at = base + i * stride;
    start[i] = sigmoid(tensor.data[at] as number);
    end[i] = sigmoid(tensor.data[at + 1] as number);
  }
  return { start, end };
}

function expectDims(name: string, tensor: LogitTensor, expected: readonly number[]): void {
  const ok =
    tensor.dims.length === expected.length && expected.every((d, i) => d < 0 || tensor.dims[i] === d);
  if (!ok)
    throw new Error(
      `${name} has dims [${tensor.dims}], expected [${expected.map((d) => (d < 0 ? '?' : d))}]`,
    );
}

/** Check that a batch's output shapes match the config's label counts. */
export function checkOutputShapes(
  outputs: ModelOutputs,
  config: ModelConfig,
): { batch: number; length: number } {
  const batch = outputs.typeLogits.dims[0] ?? 0;
  const length = outputs.entityLogits.dims[1] ?? 0;
  const t = config.eventTypes.length;
  expectDims('type_logits', outputs.typeLogits, [batch, t]);
  expectDims('trigger_logits', outputs.triggerLogits, [batch, t, length, 2]);
  expectDims('argument_logits', outputs.argumentLogits, [batch, t, length, config.roles.length, 2]);
  expectDims('entity_logits', outputs.entityLogits, [batch, length, config.entityTypes.length, 2]);
  return { batch, length };
}

/**
 * Decode row `b` of a batch whose real (unpadded) length is `length` tokens.
 * Shapes must have been checked with `checkOutputShapes`.
 */
export function decodeRow(
  outputs: ModelOutputs,
  config: ModelConfig,
  b: number,
  length: number,
): TokenExtraction {
  const padded = outputs.entityLogits.dims[1] as number;
  const types = config.eventTypes;
  const roles = config.roles;
  const rule = config.confidence;

  const entities: LabelledTokenSpan[] = [];
  const e = config.entityTypes.length;
  config.entityTypes.forEach((label, ei) => {
    const { start, end } = startEndProbs(outputs.entityLogits, (b * padded * e + ei) * 2, e * 2, length);
    for (const span of decodeSpans(start, end, config.entity, rule)) entities.push({ ...span, label });
  });

  const events: TokenEvent[] = [];
  types.forEach((type, ti) => {
    const row = b * types.length + ti;
    const typeProb = sigmoid(outputs.typeLogits.data[row] as number);
    const trig = startEndProbs(outputs.triggerLogits, row * padded * 2, 2, length);
    const triggers = decodeSpans(trig.start, trig.end, config.trigger, rule);
    const typeThreshold = config.triggerlessTypes.includes(type)
      ? config.triggerlessTypeThreshold
      : config.typeThreshold;
    const detected = typeProb >= typeThreshold || (config.typeFromTrigger && triggers.length > 0);
    if (!detected) return;
    const args: LabelledTokenSpan[] = [];
    for (const role of config.validRoles[type] ?? []) {
      const ri = roles.indexOf(role);
      if (ri < 0) continue;
      const base = (row * padded * roles.length + ri) * 2;
      const probs = startEndProbs(outputs.argumentLogits, base, roles.length * 2, length);
      for (const span of decodeSpans(probs.start, probs.end, config.argument, rule)) {
        args.push({ ...span, label: role });
      }
    }
    events.push(...assembleEvents(type, typeProb, triggers, args, rule));
  });
  return { entities, events };
}
