import { loadConfig } from '../src/config/index.js';
import { createLogger } from '../src/log/logger.js';
import { closeOnSignals, startDocumentWorker } from './document-worker.js';

/** Entry point of a worker process: `node dist/workers/main.js` (or `finkg worker`). */
const config = loadConfig();
const log = createLogger(config, 'worker');
const worker = await startDocumentWorker(config, log);
closeOnSignals(worker, log);
