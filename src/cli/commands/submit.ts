/**
 * `finkg submit <paths...>`: queue documents straight onto the documents queue (no HTTP server
 * needed), optionally waiting for each one to go through the pipeline.
 */

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { QueueEvents } from 'bullmq';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { type Config, loadConfig } from '../../config/index.js';
import {
  collectFiles,
  DocumentTooLargeError,
  guessKind,
  InvalidSubmissionError,
  mimeTypeOf,
  type SubmitDeps,
  submitDocument,
  waitForJobs,
  watchWorkers,
} from '../../ingest/index.js';
import {
  createDocumentQueue,
  DOCUMENTS_QUEUE,
  DocumentJobSchema,
  redisConnectionOptions,
} from '../../queue/index.js';
import { FilesystemDocumentStore } from '../../store/index.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../../vocabulary/document-kinds.js';
import { reportOnce, requireRedis } from './require-redis.js';
import { BarReporter, describeOutcome, LineReporter, type SubmitReporter } from './submit-reporter.js';

export interface SubmitOptions {
  kind?: DocumentKind;
  wait?: boolean;
  /** With `wait`: stop (exit 1) when no worker consumes the queue, instead of waiting for one. */
  exitWithoutWorker?: boolean;
  publishedAt?: string;
}

const NO_WORKER =
  'no worker is consuming the queue, so the documents wait until one runs: start one with `npx finkg worker`';

const PUBLISHED_AT = new RegExp(DocumentJobSchema.properties.publishedAt.pattern ?? '.*');

export function parsePublishedAt(value: string): string {
  if (!PUBLISHED_AT.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InvalidArgumentError(
      'expected an ISO date (2025-03-28) or date-time (2025-03-28T09:30:00+08:00)',
    );
  }
  return value;
}

async function submitFile(
  deps: SubmitDeps,
  file: string,
  options: SubmitOptions,
): Promise<Awaited<ReturnType<typeof submitDocument>>> {
  const bytes = await readFile(file);
  return submitDocument(deps, {
    bytes,
    fileName: path.basename(file),
    mimeType: mimeTypeOf(file),
    kind: options.kind ?? guessKind(file),
    publishedAt: options.publishedAt,
  });
}

/** Messages for problems with one file; anything else (Redis away) stops the whole run. */
function fileProblem(error: unknown): string | undefined {
  if (error instanceof DocumentTooLargeError || error instanceof InvalidSubmissionError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EISDIR' || code === 'ENOENT') return (error as Error).message;
  return undefined;
}

/** Submits files and folders; with `wait`, follows each job to its end. Used by `submit` and `demo`. */
export async function submitPaths(
  config: Config,
  paths: string[],
  options: SubmitOptions,
): Promise<{ total: number; failures: number; failed: { file: string; reason: string }[] }> {
  const files = await collectFiles(paths);
  if (files.length === 0) throw new Error('no .pdf, .html, .htm or .txt files under the given folders');
  await requireRedis(config);

  const queue = createDocumentQueue(config);
  queue.on('error', reportOnce('queue'));
  // Created and connected before anything is queued, so no completion can slip past unseen.
  const events = options.wait
    ? new QueueEvents(DOCUMENTS_QUEUE, {
        connection: redisConnectionOptions(config.redisUrl, 'worker'),
        prefix: config.queuePrefix,
      })
    : undefined;
  events?.on('error', reportOnce('queue events'));
  const reporter: SubmitReporter =
    options.wait && process.stdout.isTTY ? new BarReporter(files) : new LineReporter();
  const deps: SubmitDeps = {
    queue,
    store: new FilesystemDocumentStore(path.join(config.dataDir, 'documents')),
    maxDocumentBytes: config.maxDocumentBytes,
  };

  const failed: { file: string; reason: string }[] = [];
  try {
    await events?.waitUntilReady();
    const filesByJob = new Map<string, string[]>();
    for (const file of files) {
      try {
        const submission = await submitFile(deps, file, options);
        reporter.queued(file, submission);
        filesByJob.set(submission.jobId, [...(filesByJob.get(submission.jobId) ?? []), file]);
      } catch (error) {
        const problem = fileProblem(error);
        if (problem === undefined) throw error;
        reporter.rejected(file, problem);
        failed.push({ file, reason: problem });
      }
    }

    if (events) {
      let noWorker: (error: Error) => void = () => {};
      const stopWatching = watchWorkers(queue, {
        onNone: () => {
          if (options.exitWithoutWorker) noWorker(new Error(NO_WORKER));
          else console.error(`finkg: ${NO_WORKER} (still waiting; Ctrl-C stops)`);
        },
        onBack: () => console.error('finkg: a worker is running now'),
      });
      const outcomes = await Promise.race([
        waitForJobs(queue, events, [...filesByJob.keys()], {
          onProgress: (jobId, stage, percent) => {
            for (const file of filesByJob.get(jobId) ?? []) reporter.progress(file, stage, percent);
          },
          onFinished: (outcome) => {
            for (const file of filesByJob.get(outcome.jobId) ?? []) reporter.finished(file, outcome);
          },
        }),
        new Promise<never>((_, reject) => {
          noWorker = reject;
        }),
      ]).finally(stopWatching);
      for (const outcome of outcomes.values()) {
        if (outcome.state !== 'failed') continue;
        for (const file of filesByJob.get(outcome.jobId) ?? [])
          failed.push({ file, reason: describeOutcome(outcome) });
      }
    }
  } finally {
    reporter.stop();
    await Promise.allSettled([events?.close(), queue.close()]);
  }

  return { total: files.length, failures: failed.length, failed };
}

async function run(paths: string[], options: SubmitOptions): Promise<void> {
  const { total, failures, failed } = await submitPaths(loadConfig(), paths, options);
  // Repeated at the end: in a long run the failure lines have scrolled away.
  if (failed.length > 0 && total > 1) {
    console.log('failed:');
    for (const { file, reason } of failed) console.log(`  ${file}  ${reason}`);
  }
  const verb = options.wait ? 'processed' : 'queued';
  console.log(`${total - failures} of ${total} documents ${verb}${failures ? `, ${failures} failed` : ''}`);
  if (failures > 0) process.exitCode = 1;
}

export function registerSubmitCommand(program: Command): void {
  program
    .command('submit')
    .description('queue documents for the pipeline: files, or folders walked for .pdf, .html, .htm and .txt')
    .argument('<paths...>', 'files or folders')
    .addOption(
      new Option('--kind <kind>', 'document kind (default: guessed from the file name, else other)').choices(
        DOCUMENT_KINDS,
      ),
    )
    .option(
      '--published-at <date>',
      'publication date (ISO) for relative dates in the text',
      parsePublishedAt,
    )
    .option(
      '--wait',
      'wait until each document is processed; print summaries and failures; exit 1 if any failed',
    )
    .option(
      '--exit-without-worker',
      'with --wait: exit 1 when no worker consumes the queue (default: say so and keep waiting)',
    )
    .action(run);
}
