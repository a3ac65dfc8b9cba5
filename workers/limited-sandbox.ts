import { createRequire } from 'node:module';
import {
  type Child,
  ChildCommand,
  ChildPool,
  type Job,
  ParentCommand,
  type Processor,
  UnrecoverableError,
} from 'bullmq';
import type { Gazetteer } from '../src/link/gazetteer.js';
import type { ReadStage } from '../src/pipeline/index.js';
import { permanentFailure } from '../src/queue/index.js';
import { answerFindCompanies, PARENT_GAZETTEER_ENV } from './parent-gazetteer.js';

/** What one document may cost a processor child. */
export interface DocumentLimits {
  /** Seconds the reading stages (parse, extract, link, assemble) may take together. */
  readSeconds: number;
  /** Old-space heap of a processor child, in MiB. */
  memoryMb: number;
}

/** The reason an admin's cancellation gives the job. */
export const CANCELLED_BY_ADMIN = '[cancelled] cancelled by admin';

const READ_STAGES: ReadonlySet<string> = new Set<ReadStage>(['parse', 'extract', 'link', 'assemble']);

/** BullMQ's own child entry point: it loads the processor file and speaks the sandbox protocol. */
const childMainFile = createRequire(import.meta.url).resolve('bullmq/dist/cjs/classes/main.js');

/**
 * A child of processors capped at `memoryMb` of heap; one per concurrent job, kept between jobs.
 * `asksParentForCompanies`: the children look companies up through this process (parent-gazetteer.ts),
 * which must then hand `limitedSandbox` the gazetteer that answers.
 */
export function createProcessorPool(limits: DocumentLimits, asksParentForCompanies = false): ChildPool {
  const execArgv = process.execArgv.filter((arg) => !arg.startsWith('--inspect'));
  return new ChildPool({
    mainFile: childMainFile,
    useWorkerThreads: false,
    workerForkOptions: {
      execArgv: [...execArgv, `--max-old-space-size=${limits.memoryMb}`],
      ...(asksParentForCompanies ? { env: { ...process.env, [PARENT_GAZETTEER_ENV]: '1' } } : {}),
    },
  });
}

/** V8 aborts a process that reaches its heap limit. */
function outOfMemory(exitCode: number | null, signal: string | null): boolean {
  return signal === 'SIGABRT' || exitCode === 134;
}

function errorFromChild(value: unknown): Error {
  const error = new Error();
  Object.assign(error, value);
  return error;
}

/**
 * Runs each job in a processor child like BullMQ's sandbox, and stops the child (SIGKILL: a parser in a
 * tight loop hears nothing else) when the document goes over its limits or an admin cancels the job.
 * Those failures are permanent, with a named reason: the same document would only do it again. The
 * child only reads (the worker writes the graph), so a child stopped leaves nothing behind.
 */
export function limitedSandbox(
  processorFile: string,
  pool: ChildPool,
  limits: DocumentLimits,
  /** Answers the children's company lookups (see createProcessorPool). */
  gazetteer?: Gazetteer,
): Processor {
  return async (job: Job, token?: string, signal?: AbortSignal) => {
    const child: Child = await pool.retain(processorFile);
    let readTimer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    let onMessage: ((message: { cmd: ParentCommand; value?: unknown; err?: unknown }) => void) | undefined;
    let onExit: ((exitCode: number | null, signal: string | null) => void) | undefined;
    try {
      return await new Promise((resolve, reject) => {
        let stopReason: Error | undefined;
        let stage: string | undefined;
        const stop = (reason: Error) => {
          stopReason ??= reason;
          void pool.kill(child, 'SIGKILL');
        };
        onExit = (exitCode, exitSignal) => {
          if (stopReason) reject(stopReason);
          else if (outOfMemory(exitCode, exitSignal))
            reject(
              permanentFailure(
                'document_too_large_in_memory',
                `processing needed more than ${limits.memoryMb} MiB of memory (stopped during ${stage ?? 'start'})`,
              ),
            );
          // Anything else (a crash, a kill from outside) may not happen again: retried as usual.
          else
            reject(new Error(`the processor exited unexpectedly (code ${exitCode}, signal ${exitSignal})`));
        };
        onMessage = (message) => {
          if (gazetteer && answerFindCompanies(message, gazetteer, (answer) => child.send(answer))) return;
          switch (message.cmd) {
            case ParentCommand.Completed:
              resolve(message.value);
              break;
            case ParentCommand.Failed:
            case ParentCommand.Error:
              reject(errorFromChild(message.value ?? message.err));
              break;
            case ParentCommand.Progress: {
              const next = (message.value as { stage?: unknown } | undefined)?.stage;
              stage = typeof next === 'string' ? next : stage;
              if (stage && READ_STAGES.has(stage) && !readTimer)
                readTimer = setTimeout(
                  () =>
                    stop(
                      permanentFailure(
                        'document_too_slow',
                        `reading the document (parse to assemble) took over ${limits.readSeconds} s; stopped during ${stage}`,
                      ),
                    ),
                  limits.readSeconds * 1000,
                );
              else if (stage && !READ_STAGES.has(stage)) clearTimeout(readTimer);
              job.updateProgress(message.value as object).catch(reject);
              break;
            }
          }
        };
        child.on('exit', onExit);
        child.on('message', onMessage);
        onAbort = () =>
          stop(
            new UnrecoverableError(typeof signal?.reason === 'string' ? signal.reason : CANCELLED_BY_ADMIN),
          );
        if (signal?.aborted) onAbort();
        else signal?.addEventListener('abort', onAbort, { once: true });
        child.send({ cmd: ChildCommand.Start, job: job.asJSONSandbox(), token }).catch(reject);
      });
    } finally {
      clearTimeout(readTimer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
      if (onMessage) child.off('message', onMessage);
      if (onExit) child.off('exit', onExit);
      if (child.exitCode === null && child.signalCode === null) pool.release(child);
    }
  };
}
