import type { Command } from 'commander';
import { closeOnSignals, startDocumentWorker } from '../../../workers/index.js';
import { loadConfig } from '../../config/index.js';
import { createLogger } from '../../log/logger.js';

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('run a document worker (start as many as you like, on as many hosts as you like)')
    .option('-c, --concurrency <n>', 'documents this process reads at once (WORKER_CONCURRENCY)')
    .action(async (options: { concurrency?: string }) => {
      const config = loadConfig({
        ...process.env,
        ...(options.concurrency ? { WORKER_CONCURRENCY: options.concurrency } : {}),
      });
      const log = createLogger(config, 'worker');
      closeOnSignals(await startDocumentWorker(config, log), log);
    });
}
