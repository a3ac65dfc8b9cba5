import os from 'node:os';
import path from 'node:path';
import { type ApiKeySpec, parseApiKeyList } from './api-keys.js';
import { ConfigError } from './config-error.js';
import {
  boolean,
  byteSize,
  directory,
  type EnvParser,
  integer,
  jvmSize,
  oneOf,
  text,
  url,
} from './env-parsers.js';
import { MODEL_DIR_IN_PROJECT, projectRoot } from './project-paths.js';

export interface Config {
  /** Redis for the job queue. Started locally by `finkg services up` when nothing answers here. */
  redisUrl: string;
  /** Key prefix of the BullMQ queues, so several deployments can share one Redis. */
  queuePrefix: string;
  neo4jUri: string;
  neo4jUser: string;
  neo4jPassword: string;
  neo4jDatabase: string;
  /** Heap and page cache of a locally started Neo4j. */
  neo4jHeap: string;
  neo4jPageCache: string;
  /** Redis and Neo4j data, stored documents and logs of locally started services. */
  dataDir: string;
  /** Downloaded server jars; shared by every data dir on the machine. */
  cacheDir: string;
  /** Annotated datasets for training and evaluation (never shipped). */
  datasetsDir: string;
  host: string;
  port: number;
  /** API keys and their roles from API_KEYS; none (with none in apiKeysFile) means no authentication. */
  apiKeys: ApiKeySpec[];
  /** A file of more `key:role` lines, read when the API starts; null when unset. */
  apiKeysFile: string | null;
  /** Lifetime of a dashboard sign-in, counted from sign-in (absolute, not renewed by use). */
  sessionTtlSeconds: number;
  modelDir: string;
  modelPrecision: 'int8' | 'fp32';
  /** onnxruntime intra-op threads per worker process. */
  modelThreads: number;
  /** jieba's finance user dictionary, read for the model's word features. */
  financeDictFile: string;
  /**
   * How often a processor re-reads the graph's company, organisation and person names, the knowledge the
   * model is told about; 0 uses no graph names.
   */
  knowledgeRefreshSeconds: number;
  /**
   * How often a worker re-reads every company of the graph, which it holds in memory to answer its
   * processors' company lookups (its own commits it re-reads at once); 0: each lookup queries the graph.
   */
  gazetteerRefreshSeconds: number;
  /** A file of more known names (`name<TAB>org|person` lines), read when a processor starts; null when unset. */
  knowledgeFile: string | null;
  /** A CSV of listed companies (code, short_name, full_name, exchange) that seeds company linking. */
  listedCompaniesFile: string | null;
  /** Documents one worker process reads at once (a processor child each). */
  workerConcurrency: number;
  /**
   * Jobs a worker holds beyond those it reads: read documents waiting for their graph write and the next
   * ones waiting to be read, so reading goes on while the graph is written and the documents read meanwhile
   * share a transaction. 0: a job holds its reading slot until its write is committed.
   */
  workerWriteAhead: number;
  /** Most documents a worker writes to the graph in one transaction (those its jobs have read meanwhile). */
  graphBatchDocuments: number;
  /** How long a read document that finds the worker's graph writer idle waits for others; 0: not at all. */
  graphBatchWaitMs: number;
  /**
   * How long a job stays locked to a worker without a renewal. A worker renews it while alive; when a
   * worker dies, its job is handed to another one after about this long.
   */
  jobLockSeconds: number;
  maxDocumentBytes: number;
  maxDocumentPages: number;
  /**
   * Seconds one document may spend being read (parse, extract, link, assemble); past it the processor
   * child is stopped and the job fails once as `[document_too_slow]`.
   */
  documentReadSeconds: number;
  /**
   * Heap of a processor child in MiB (V8 old space; the model's native memory comes on top). A document
   * that needs more fails once as `[document_too_large_in_memory]`.
   */
  documentMemoryMb: number;
  /** Read PDFs with no usable text layer by OCR; off, they fail with NO_TEXT_LAYER as before. */
  ocrEnabled: boolean;
  /** Most pages of one document read by OCR, and most seconds OCR may take on it. */
  ocrMaxPages: number;
  ocrTimeoutSeconds: number;
  /** Page images the API renders at once (GET /v1/documents/:id/pages/:page/image); more wait briefly, then 503. */
  pageImageRenders: number;
  /** Seconds to wait for a service to become ready. */
  startupTimeoutSeconds: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** JSON lines for services and their log files; one readable line per entry for people at a terminal. */
  logFormat: 'json' | 'human';
}

type Spec<T> = { [K in keyof T]: { env: string; parse: EnvParser<T[K]>; fallback: string } };

const spec: Spec<Config> = {
  redisUrl: { env: 'REDIS_URL', parse: url('redis:', 'rediss:'), fallback: 'redis://127.0.0.1:6379' },
  queuePrefix: { env: 'QUEUE_PREFIX', parse: text, fallback: 'finkg' },
  neo4jUri: {
    env: 'NEO4J_URI',
    parse: url('bolt:', 'bolt+s:', 'bolt+ssc:', 'neo4j:', 'neo4j+s:', 'neo4j+ssc:'),
    fallback: 'bolt://127.0.0.1:7687',
  },
  neo4jUser: { env: 'NEO4J_USER', parse: text, fallback: 'neo4j' },
  neo4jPassword: {
    env: 'NEO4J_PASSWORD',
    parse: (raw) => {
      // Neo4j 5 refuses passwords shorter than 8 characters.
      if (raw.length < 8) throw 'a password of at least 8 characters';
      return raw;
    },
    fallback: 'finkg-local',
  },
  neo4jDatabase: { env: 'NEO4J_DATABASE', parse: text, fallback: 'neo4j' },
  neo4jHeap: { env: 'NEO4J_HEAP', parse: jvmSize, fallback: '512m' },
  neo4jPageCache: { env: 'NEO4J_PAGECACHE', parse: jvmSize, fallback: '256m' },
  dataDir: { env: 'DATA_DIR', parse: directory(projectRoot), fallback: '.data' },
  cacheDir: {
    env: 'FINKG_CACHE_DIR',
    parse: directory(projectRoot),
    fallback: path.join(os.homedir(), '.cache', 'finkg'),
  },
  datasetsDir: { env: 'DATASETS_DIR', parse: directory(projectRoot), fallback: '../shared/data' },
  host: { env: 'HOST', parse: text, fallback: '127.0.0.1' },
  port: { env: 'PORT', parse: integer(1, 65535), fallback: '8080' },
  apiKeys: { env: 'API_KEYS', parse: parseApiKeyList, fallback: '' },
  apiKeysFile: {
    env: 'API_KEYS_FILE',
    parse: (raw) => (raw.trim() === '' ? null : directory(projectRoot)(raw)),
    fallback: '',
  },
  sessionTtlSeconds: { env: 'SESSION_TTL_SECONDS', parse: integer(60, 30 * 86400), fallback: '43200' },
  modelDir: { env: 'MODEL_DIR', parse: directory(projectRoot), fallback: MODEL_DIR_IN_PROJECT },
  modelPrecision: { env: 'MODEL_PRECISION', parse: oneOf('int8', 'fp32'), fallback: 'int8' },
  modelThreads: { env: 'MODEL_THREADS', parse: integer(1, 256), fallback: '1' },
  financeDictFile: {
    env: 'FINKG_FINANCE_DICT',
    parse: directory(projectRoot),
    fallback: 'models/lexicon/finance-dict.txt',
  },
  knowledgeRefreshSeconds: { env: 'KNOWLEDGE_REFRESH_SECONDS', parse: integer(0, 86400), fallback: '300' },
  gazetteerRefreshSeconds: { env: 'GAZETTEER_REFRESH_SECONDS', parse: integer(0, 86400), fallback: '10' },
  knowledgeFile: {
    env: 'KNOWLEDGE_FILE',
    parse: (raw) => (raw.trim() === '' ? null : directory(projectRoot)(raw)),
    fallback: '',
  },
  listedCompaniesFile: {
    env: 'LISTED_COMPANIES_FILE',
    parse: (raw) => (raw.trim() === '' ? null : directory(projectRoot)(raw)),
    fallback: '',
  },
  workerConcurrency: { env: 'WORKER_CONCURRENCY', parse: integer(1, 256), fallback: '1' },
  workerWriteAhead: { env: 'WORKER_WRITE_AHEAD', parse: integer(0, 1000), fallback: '0' },
  graphBatchDocuments: { env: 'GRAPH_BATCH_DOCUMENTS', parse: integer(1, 1000), fallback: '16' },
  graphBatchWaitMs: { env: 'GRAPH_BATCH_WAIT_MS', parse: integer(0, 10000), fallback: '0' },
  jobLockSeconds: { env: 'JOB_LOCK_SECONDS', parse: integer(5, 3600), fallback: '60' },
  maxDocumentBytes: { env: 'MAX_DOCUMENT_BYTES', parse: byteSize, fallback: '50m' },
  maxDocumentPages: { env: 'MAX_DOCUMENT_PAGES', parse: integer(1, 100000), fallback: '500' },
  documentReadSeconds: { env: 'DOCUMENT_READ_SECONDS', parse: integer(1, 86400), fallback: '300' },
  documentMemoryMb: { env: 'DOCUMENT_MEMORY_MB', parse: integer(64, 1_048_576), fallback: '2048' },
  ocrEnabled: { env: 'OCR_ENABLED', parse: boolean, fallback: 'true' },
  ocrMaxPages: { env: 'OCR_MAX_PAGES', parse: integer(1, 10000), fallback: '50' },
  ocrTimeoutSeconds: { env: 'OCR_TIMEOUT_SECONDS', parse: integer(1, 86400), fallback: '120' },
  pageImageRenders: { env: 'PAGE_IMAGE_RENDERS', parse: integer(1, 64), fallback: '2' },
  startupTimeoutSeconds: { env: 'STARTUP_TIMEOUT_SECONDS', parse: integer(1, 3600), fallback: '120' },
  logLevel: {
    env: 'LOG_LEVEL',
    parse: oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
    fallback: 'info',
  },
  logFormat: { env: 'LOG_FORMAT', parse: oneOf('json', 'human'), fallback: 'json' },
};

/** Every variable the service reads, with its default, for docs and `--help`. */
export const configVariables = Object.values(spec).map(({ env, fallback }) => ({ env, fallback }));

/**
 * Reads and validates the configuration once, at start-up. All problems are reported together,
 * each naming the variable and what it expects, so a bad deployment fails before it touches anything.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const config: Partial<Record<keyof Config, unknown>> = {};
  for (const key of Object.keys(spec) as (keyof Config)[]) {
    try {
      config[key] = parseSetting(key, env);
    } catch (problem) {
      problems.push(String(problem));
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config as Config;
}

/** One variable, parsed; throws its problem in words. */
function parseSetting<K extends keyof Config>(key: K, env: NodeJS.ProcessEnv): Config[K] {
  const { env: name, parse, fallback } = spec[key];
  const raw = env[name] ?? fallback;
  try {
    return parse(raw);
  } catch (expected) {
    const shown = /PASSWORD|API_KEYS$/.test(name) ? '(hidden)' : JSON.stringify(raw);
    throw `${name} must be ${String(expected)}; got ${shown}`;
  }
}

/**
 * One setting, for tools that need only it (the CLI's datasets folder, the word features' dictionary):
 * the others are not read, so an unrelated bad variable does not stop them.
 */
export function readSetting<K extends keyof Config>(key: K, env: NodeJS.ProcessEnv = process.env): Config[K] {
  try {
    return parseSetting(key, env);
  } catch (problem) {
    throw new ConfigError([String(problem)]);
  }
}

/** The annotated datasets folder (DATASETS_DIR, else ../shared/data beside the repository). */
export const defaultDatasetsDir = (): string => readSetting('datasetsDir');
