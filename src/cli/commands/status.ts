/** `finkg status <jobId>`: where one document job is, read straight from the queue. */

import type { Command } from 'commander';
import { loadConfig } from '../../config/index.js';
import { getJobStatus, type JobStatus } from '../../ingest/index.js';
import { createDocumentQueue, DOCUMENTS_QUEUE } from '../../queue/index.js';
import { reportOnce, requireRedis } from './require-redis.js';
import { summarizeResult } from './submit-reporter.js';

export function formatStatus(status: JobStatus): string {
  const lines: [string, string][] = [
    ['job', status.id],
    ['state', `${status.state} (stage ${status.stage}, ${Math.round(status.progress)}%)`],
    ['document', status.documentId ?? '-'],
    ['attempts', String(status.attemptsMade)],
    ['submitted', status.submittedAt],
  ];
  if (status.finishedAt) lines.push(['finished', status.finishedAt]);
  if (status.result !== undefined) lines.push(['result', summarizeResult(status.result)]);
  if (status.error) lines.push(['error', `[${status.error.code}] ${status.error.message}`]);
  return lines.map(([label, value]) => `${label.padEnd(10)}${value}`).join('\n');
}

export function registerStatusCommand(program: Command): void {
  program
    .command('status')
    .description('show a document job: state, stage, progress, result or error; exits 1 if unknown or failed')
    .argument('<jobId>', 'the id printed by `finkg submit` or returned by POST /v1/documents')
    .option('--json', 'print the status as JSON (the shape GET /v1/jobs/:id returns)')
    .action(async (jobId: string, options: { json?: boolean }) => {
      const config = loadConfig();
      await requireRedis(config);
      const queue = createDocumentQueue(config);
      queue.on('error', reportOnce('queue'));
      try {
        const status = await getJobStatus(queue, jobId);
        if (!status) throw new Error(`no job ${jobId} in queue ${config.queuePrefix}:${DOCUMENTS_QUEUE}`);
        console.log(options.json ? JSON.stringify(status, null, 2) : formatStatus(status));
        if (status.state === 'failed') process.exitCode = 1;
      } finally {
        await queue.close();
      }
    });
}
