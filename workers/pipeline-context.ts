import type { Driver } from 'neo4j-driver';
import { type Config, loadConfig } from '../src/config/index.js';
import { EventExtractor, KnownNames } from '../src/extract/index.js';
import {
  createCompanyGazetteer,
  createNeo4jDriver,
  readKnownNames,
  warmUpCompanyGazetteer,
} from '../src/graph/index.js';
import { type EventTypeInfo, type Gazetteer, loadEventRoles } from '../src/link/index.js';
import { readListedCompanies, withListedCompanies } from '../src/link/listed-companies.js';
import { createLogger, type Logger } from '../src/log/logger.js';
import { type DocumentStore, FilesystemDocumentStore } from '../src/store/index.js';
import { KnowledgeCache } from './knowledge-cache.js';
import { PARENT_GAZETTEER_ENV, parentGazetteer } from './parent-gazetteer.js';

/** What a processor process holds for its lifetime: one model session, one Neo4j driver, known names. */
export interface PipelineContext {
  config: Config;
  log: Logger;
  store: DocumentStore;
  driver: Driver;
  gazetteer: Gazetteer;
  extractor: EventExtractor;
  knowledge: KnowledgeCache;
  eventTypes: ReadonlyMap<string, EventTypeInfo>;
}

let context: Promise<PipelineContext> | undefined;

/** Loaded once per process; concurrent first jobs share the one load. */
export function pipelineContext(): Promise<PipelineContext> {
  context ??= (async () => {
    const config = loadConfig();
    const driver = createNeo4jDriver(config);
    const log = createLogger(config, 'processor');
    // The worker answers lookups from the companies it holds in memory; else each is a graph query.
    const fromParent = process.env[PARENT_GAZETTEER_ENV] === '1';
    // Beside the model's load, so the first document's linking finds the lookup planned and connected.
    const warmUp = fromParent
      ? Promise.resolve()
      : warmUpCompanyGazetteer(driver, config.neo4jDatabase).catch((error: unknown) =>
          log.warn({ err: error }, 'gazetteer warm-up failed; the first lookup will plan it'),
        );
    const extractor = await EventExtractor.load({
      modelDir: config.modelDir,
      precision: config.modelPrecision,
      session: { intraOpNumThreads: config.modelThreads },
    });
    await warmUp;
    const fixed = config.knowledgeFile ? await KnownNames.fromTsvFile(config.knowledgeFile) : undefined;
    return {
      config,
      log,
      store: new FilesystemDocumentStore(`${config.dataDir}/documents`),
      driver,
      gazetteer: withListedCompanies(
        fromParent ? parentGazetteer() : createCompanyGazetteer(driver, config.neo4jDatabase),
        // Read and checked once per worker process: a bad file stops the worker with the line it is on.
        config.listedCompaniesFile ? await readListedCompanies(config.listedCompaniesFile) : [],
      ),
      extractor,
      knowledge: new KnowledgeCache(
        () => readKnownNames(driver, config.neo4jDatabase),
        config.knowledgeRefreshSeconds * 1000,
        log,
        fixed,
      ),
      eventTypes: loadEventRoles(),
    };
  })();
  context.catch(() => {
    // A failed load (e.g. a missing model) is retried by the next job rather than cached.
    context = undefined;
  });
  return context;
}
