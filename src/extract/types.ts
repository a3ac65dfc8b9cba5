/** Types shared by the extraction pipeline: model config, decoded spans and the extraction result. */

/** How the confidence of a span (or event) is combined from the probabilities involved. */
export type ConfidenceRule = 'geometric_mean' | 'min';

/** Per-head decode settings. */
export interface HeadDecoding {
  /** Sigmoid probability at or above which a start/end (or type) counts. */
  threshold: number;
  /** Longest span, in tokens, that a start may be paired with an end over. */
  maxSpanLen: number;
}

/** The model's interface and decode settings, validated once from `config.json` beside the .onnx. */
export interface ModelConfig {
  modelVersion: string;
  /** Longest token sequence the model takes; longer sentences are windowed. */
  maxLen: number;
  /** Tokens shared by neighbouring windows. */
  windowOverlap: number;
  eventTypes: readonly string[];
  roles: readonly string[];
  entityTypes: readonly string[];
  posTags: readonly string[];
  /** Roles an event type may have (by role name), in `roles` order. */
  validRoles: Readonly<Record<string, readonly string[]>>;
  /** Types the model learnt with no trigger annotation: their events are placed at their first argument. */
  triggerlessTypes: readonly string[];
  typeThreshold: number;
  /** Type threshold of the triggerless types: no trigger confirms their reading, so it may be stricter. */
  triggerlessTypeThreshold: number;
  /** A type also counts as detected when a trigger of that type is decoded. */
  typeFromTrigger: boolean;
  trigger: HeadDecoding;
  argument: HeadDecoding;
  entity: HeadDecoding;
  confidence: ConfidenceRule;
  /** Number of vocab.txt lines the model was trained with, when the config records it. */
  vocabSize?: number;
  /** AC F1 (%) on FewFC dev recorded at training time, when the config carries it. */
  recordedDevAcF1?: number;
  /** Version of the word features (word-features.ts) the model was trained with (`features.version`). */
  wordFeaturesVersion?: string;
  /** Version of the knowledge marks (knowledge-features.ts) the model was trained with, if it takes them. */
  knowledgeVersion?: string;
}

/** A decoded span over tokens: [start, end) token indices. */
export interface TokenSpan {
  start: number;
  end: number;
  confidence: number;
}

export interface LabelledTokenSpan extends TokenSpan {
  label: string;
}

/** One event decoded over tokens. */
export interface TokenEvent {
  type: string;
  /** Null when the type was detected and arguments found, but no trigger span passed the threshold. */
  trigger: TokenSpan | null;
  arguments: LabelledTokenSpan[];
  confidence: number;
}

/** Everything decoded for one token sequence. */
export interface TokenExtraction {
  entities: LabelledTokenSpan[];
  events: TokenEvent[];
}

/** Offsets below are UTF-16 indices into the original string: [start, end). */
export interface EntityMention {
  type: string;
  text: string;
  start: number;
  end: number;
  confidence: number;
}

export interface TriggerMention {
  text: string;
  start: number;
  end: number;
  confidence: number;
}

export interface ArgumentMention {
  role: string;
  text: string;
  start: number;
  end: number;
  confidence: number;
}

export interface EventMention {
  type: string;
  trigger: TriggerMention;
  arguments: ArgumentMention[];
  confidence: number;
}

/** Result for one text; matches schemas/extraction.schema.json. */
export interface ExtractionResult {
  modelVersion: string;
  entities: EntityMention[];
  events: EventMention[];
}

/** Raw logits of one batch, flat row-major with their dims. */
export interface ModelOutputs {
  typeLogits: LogitTensor;
  triggerLogits: LogitTensor;
  argumentLogits: LogitTensor;
  entityLogits: LogitTensor;
}

export interface LogitTensor {
  data: Float32Array;
  dims: readonly number[];
}
