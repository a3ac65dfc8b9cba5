/**
 * Reads and validates `config.json` (shipped beside the .onnx) together with the event schema, once, at
 * load. Both are outside input: every field used later is checked here, so decoding can trust them.
 */
import { readFile } from 'node:fs/promises';
import { isModelType, readEventSchemaFile } from '../vocabulary/event-schema.js';
import type { ConfidenceRule, HeadDecoding, ModelConfig } from './types.js';

export class ModelConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** First present key among spellings (the training side writes snake_case; camelCase is accepted too). */
function field(obj: Json, ...names: string[]): unknown {
  for (const name of names) if (obj[name] !== undefined) return obj[name];
  return undefined;
}

function stringList(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new ModelConfigError(`${what} must be a list of strings`);
  }
  if (new Set(value).size !== value.length) throw new ModelConfigError(`${what} has duplicates`);
  return value as string[];
}

function number(value: unknown, what: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new ModelConfigError(`${what} must be a number in [${min}, ${max}], got ${JSON.stringify(value)}`);
  }
  return value;
}

function integer(value: unknown, what: string, min: number): number {
  if (!Number.isInteger(value) || (value as number) < min) {
    throw new ModelConfigError(`${what} must be an integer ≥ ${min}, got ${JSON.stringify(value)}`);
  }
  return value as number;
}

/** Threshold of one head: a number, or an object keyed by head name. */
function threshold(thresholds: unknown, head: string, fallback: number): number {
  if (typeof thresholds === 'number') return number(thresholds, 'threshold', 0, 1);
  if (isObject(thresholds) && thresholds[head] !== undefined) {
    return number(thresholds[head], `thresholds.${head}`, 0, 1);
  }
  return fallback;
}

function head(raw: Json, name: string, defaults: HeadDecoding): HeadDecoding {
  const thresholds = field(raw, 'thresholds', 'decode_thresholds', 'threshold');
  const decode = field(raw, 'decode', 'decoding');
  const spans = field(raw, 'max_span', 'maxSpan', 'max_span_len', 'maxSpanLen');
  const fromDecode = isObject(decode) ? field(decode, 'thresholds', 'threshold') : undefined;
  const spansFromDecode = isObject(decode) ? field(decode, 'max_span', 'maxSpan') : undefined;
  const maxSpan = isObject(spans)
    ? spans[name]
    : isObject(spansFromDecode)
      ? spansFromDecode[name]
      : undefined;
  return {
    threshold: threshold(fromDecode ?? thresholds, name, defaults.threshold),
    maxSpanLen: maxSpan === undefined ? defaults.maxSpanLen : integer(maxSpan, `max_span.${name}`, 1),
  };
}

/** The event schema (schemas/events.json): type order, role order and roles per type. */
export interface EventSchema {
  eventTypes: string[];
  roles: string[];
  entityTypes: string[];
  rolesByType: Record<string, string[]>;
  /** Entity types that may fill each role (union over the event types that have it; [] for values). */
  roleEntityTypes: Record<string, string[]>;
}

export function parseEventSchema(raw: unknown): EventSchema {
  if (!isObject(raw) || !Array.isArray(raw.eventTypes))
    throw new ModelConfigError('event schema lacks eventTypes');
  const roles = stringList(raw.roleOrder, 'event schema roleOrder');
  const entityTypes = stringList(raw.entityTypes ?? [], 'event schema entityTypes');
  const rolesByType: Record<string, string[]> = {};
  const roleEntityTypes: Record<string, string[]> = {};
  const eventTypes: string[] = [];
  for (const entry of raw.eventTypes) {
    if (!isObject(entry) || typeof entry.name !== 'string' || !Array.isArray(entry.roles)) {
      throw new ModelConfigError('each event schema type needs a name and roles');
    }
    const typeRoles = entry.roles.map((r) => (isObject(r) ? r.name : r));
    const names = stringList(typeRoles, `roles of ${entry.name}`);
    const unknown = names.filter((r) => !roles.includes(r));
    if (unknown.length > 0)
      throw new ModelConfigError(`${entry.name} has roles not in roleOrder: ${unknown}`);
    rolesByType[entry.name] = names;
    for (const r of entry.roles) {
      if (!isObject(r) || typeof r.name !== 'string') continue;
      const fillers = stringList(r.entityTypes ?? [], `entityTypes of ${entry.name}.${r.name}`);
      roleEntityTypes[r.name] = [...new Set([...(roleEntityTypes[r.name] ?? []), ...fillers])];
    }
    if (isModelType(entry)) eventTypes.push(entry.name);
  }
  return { eventTypes, roles, entityTypes, rolesByType, roleEntityTypes };
}

/**
 * Build the validated config. Labels come from `config.json`; where it lacks a list, the schema's order is
 * used. Roles per type come from the config when it has them, else from the schema.
 */
export function parseModelConfig(raw: unknown, schema: EventSchema | undefined): ModelConfig {
  if (!isObject(raw)) throw new ModelConfigError('config.json must hold an object');
  const labels = isObject(raw.labels) ? raw.labels : raw;
  const eventTypes = stringList(
    field(labels, 'event_types', 'eventTypes') ?? schema?.eventTypes,
    'event_types',
  );
  const roles = stringList(field(labels, 'roles', 'role_order', 'roleOrder') ?? schema?.roles, 'roles');
  const entityTypes = stringList(
    field(labels, 'entity_types', 'entityTypes') ?? schema?.entityTypes,
    'entity_types',
  );
  const features = isObject(raw.features) ? raw.features : raw;
  const posTags = stringList(field(features, 'pos_tags', 'posTags') ?? [], 'pos_tags');
  const wordFeaturesVersion = isObject(raw.features) ? field(raw.features, 'version') : undefined;
  if (wordFeaturesVersion !== undefined && typeof wordFeaturesVersion !== 'string')
    throw new ModelConfigError('features.version must be a string');
  const knowledge = field(features, 'knowledge');
  const knowledgeVersion = isObject(knowledge) ? field(knowledge, 'version') : undefined;
  if (knowledgeVersion !== undefined && typeof knowledgeVersion !== 'string')
    throw new ModelConfigError('features.knowledge.version must be a string');

  const rawValid = field(labels, 'valid_roles', 'validRoles') ?? field(raw, 'valid_roles', 'validRoles');
  if (rawValid !== undefined && !isObject(rawValid))
    throw new ModelConfigError('validRoles must be an object');
  const validRoles: Record<string, string[]> = {};
  for (const type of eventTypes) {
    const list = isObject(rawValid) ? rawValid[type] : schema?.rolesByType[type];
    if (list === undefined) throw new ModelConfigError(`no valid roles for event type ${type}`);
    const names = stringList(list, `valid roles of ${type}`);
    const unknown = names.filter((r) => !roles.includes(r));
    if (unknown.length > 0) throw new ModelConfigError(`valid roles of ${type} not in roles: ${unknown}`);
    validRoles[type] = roles.filter((r) => names.includes(r));
  }

  const triggerlessTypes = stringList(field(labels, 'triggerlessTypes') ?? [], 'triggerlessTypes');
  const notTypes = triggerlessTypes.filter((t) => !eventTypes.includes(t));
  if (notTypes.length > 0) throw new ModelConfigError(`triggerlessTypes not in event types: ${notTypes}`);

  const maxLen = integer(field(raw, 'max_len', 'maxLen'), 'max_len', 2);
  const overlapRaw = field(raw, 'window_overlap', 'windowOverlap');
  const windowOverlap =
    overlapRaw === undefined
      ? Math.min(64, Math.floor(maxLen / 4))
      : integer(overlapRaw, 'window_overlap', 0);
  if (windowOverlap >= maxLen) throw new ModelConfigError('window_overlap must be below max_len');

  const decode = isObject(field(raw, 'decode', 'decoding'))
    ? (field(raw, 'decode', 'decoding') as Json)
    : raw;
  const ruleRaw = field(decode, 'confidence', 'confidence_rule') ?? 'geometric_mean';
  if (ruleRaw !== 'geometric_mean' && ruleRaw !== 'min') {
    throw new ModelConfigError(`confidence must be geometric_mean or min, got ${JSON.stringify(ruleRaw)}`);
  }
  const typeFromTriggerRaw = field(decode, 'type_from_trigger', 'typeFromTrigger') ?? false;
  if (typeof typeFromTriggerRaw !== 'boolean')
    throw new ModelConfigError('type_from_trigger must be a boolean');

  const version = field(raw, 'model_version', 'modelVersion', 'version') ?? 'unknown';
  if (typeof version !== 'string') throw new ModelConfigError('model_version must be a string');

  const thresholds = field(decode, 'thresholds', 'threshold');
  const config: ModelConfig = {
    modelVersion: version,
    maxLen,
    windowOverlap,
    eventTypes,
    roles,
    entityTypes,
    posTags,
    validRoles,
    triggerlessTypes,
    typeThreshold: threshold(thresholds, 'type', 0.5),
    triggerlessTypeThreshold: threshold(thresholds, 'triggerlessType', threshold(thresholds, 'type', 0.5)),
    typeFromTrigger: typeFromTriggerRaw,
    trigger: head(raw, 'trigger', { threshold: 0.5, maxSpanLen: 6 }),
    // 16 like models/training/config (longer argument spans were nearly all false starts on FewFC dev).
    argument: head(raw, 'argument', { threshold: 0.5, maxSpanLen: 16 }),
    entity: head(raw, 'entity', { threshold: 0.5, maxSpanLen: 48 }),
    confidence: ruleRaw as ConfidenceRule,
  };
  const vocabSize = field(raw, 'vocabSize', 'vocab_size');
  if (vocabSize !== undefined) config.vocabSize = integer(vocabSize, 'vocabSize', 3);
  if (wordFeaturesVersion !== undefined) config.wordFeaturesVersion = wordFeaturesVersion;
  if (knowledgeVersion !== undefined) config.knowledgeVersion = knowledgeVersion;
  const recorded = recordedAcF1(raw);
  if (recorded !== undefined) config.recordedDevAcF1 = recorded;
  return config;
}

/**
 * AC F1 (%) on FewFC dev, if the config records it: `training.devAtBest`
 * as the training side writes it, or a top-level `dev_metrics`/`metrics`.
 */
function recordedAcF1(raw: Json): number | undefined {
  const training = isObject(raw.training) ? raw.training : {};
  const metrics = field(training, 'devAtBest') ?? field(raw, 'dev_metrics', 'metrics', 'eval');
  if (!isObject(metrics)) return undefined;
  const nested = field(metrics, 'fewfc_dev', 'fewfc');
  const fewfc = isObject(nested) ? nested : metrics;
  const ac = field(fewfc, 'AC', 'ac', 'ac_f1', 'AC_f1');
  const value = isObject(ac) ? field(ac, 'f1', 'F1') : ac;
  return typeof value === 'number' ? value : undefined;
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ModelConfigError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}

/** The model's view of the event schema file (read by src/vocabulary/event-schema.ts). */
export async function loadEventSchema(schemaPath: string): Promise<EventSchema> {
  return parseEventSchema(readEventSchemaFile(schemaPath));
}

/** Load `config.json` and the event schema, then validate them together. */
export async function loadModelConfig(configPath: string, schemaPath?: string): Promise<ModelConfig> {
  const [configText, schema] = await Promise.all([
    readFile(configPath, 'utf8'),
    schemaPath ? loadEventSchema(schemaPath) : Promise.resolve(undefined),
  ]);
  return parseModelConfig(parseJson(configText, configPath), schema);
}
