import path from 'node:path';
import cliProgress from 'cli-progress';
import type { JobOutcome, Submission } from '../../ingest/index.js';

/** What `finkg submit` tells people as documents are queued and processed. */
export interface SubmitReporter {
  queued(file: string, submission: Submission): void;
  rejected(file: string, message: string): void;
  progress(file: string, stage: string | undefined, percent: number | undefined): void;
  finished(file: string, outcome: JobOutcome): void;
  /** Ends live output; the summary lines come after it. */
  stop(): void;
}

const COUNTED = ['pages', 'sentences', 'entities', 'events', 'relations'] as const;

/** `pages 12, sentences 340, entities 56, events 7, 3.2s` from a worker's result summary. */
export function summarizeResult(result: unknown): string {
  if (!result || typeof result !== 'object') return 'done';
  const fields = result as Record<string, unknown>;
  const parts = COUNTED.filter((key) => typeof fields[key] === 'number').map(
    (key) => `${key} ${fields[key]}`,
  );
  const timings = fields.timings;
  if (timings && typeof timings === 'object') {
    const ms = Object.values(timings).reduce<number>((sum, v) => sum + (typeof v === 'number' ? v : 0), 0);
    if (ms > 0) parts.push(`${(ms / 1000).toFixed(1)}s`);
  }
  return parts.length > 0 ? parts.join(', ') : 'done';
}

export function describeOutcome(outcome: JobOutcome): string {
  return outcome.state === 'completed'
    ? summarizeResult(outcome.result)
    : `[${outcome.error.code}] ${outcome.error.message}`;
}

/** One line per event, for logs and pipes; stage changes are printed once each. */
export class LineReporter implements SubmitReporter {
  private readonly stages = new Map<string, string>();

  constructor(private readonly out: NodeJS.WritableStream = process.stdout) {}

  queued(file: string, submission: Submission): void {
    const again = submission.duplicate ? ' (already queued)' : '';
    this.out.write(
      `queued   ${file}  job ${submission.jobId}  document ${submission.documentId.slice(0, 12)}${again}\n`,
    );
  }

  rejected(file: string, message: string): void {
    this.out.write(`rejected ${file}  ${message}\n`);
  }

  progress(file: string, stage: string | undefined, _percent?: number): void {
    if (!stage || this.stages.get(file) === stage) return;
    this.stages.set(file, stage);
    this.out.write(`${stage.padEnd(8)} ${file}\n`);
  }

  finished(file: string, outcome: JobOutcome): void {
    const label = outcome.state === 'completed' ? 'done' : 'FAILED';
    this.out.write(`${label.padEnd(8)} ${file}  ${describeOutcome(outcome)}\n`);
  }

  stop(): void {}
}

/**
 * Live bars on a terminal: one for the whole run, and one per file while it is being processed; a
 * finished file's bar gives way to its summary line, so the screen holds only the work in flight.
 */
export class BarReporter implements SubmitReporter {
  private readonly multibar: cliProgress.MultiBar;
  private readonly overall: cliProgress.SingleBar;
  private readonly bars = new Map<string, cliProgress.SingleBar>();
  private readonly nameWidth: number;

  constructor(files: readonly string[]) {
    this.nameWidth = Math.min(40, Math.max(8, ...files.map((f) => path.basename(f).length)));
    this.multibar = new cliProgress.MultiBar(
      {
        format: '{name} |{bar}| {percentage}% {stage}',
        barsize: 24,
        hideCursor: true,
        clearOnComplete: false,
        stopOnComplete: false,
        autopadding: true,
      },
      cliProgress.Presets.shades_classic,
    );
    this.overall = this.multibar.create(files.length, 0, { name: this.pad('total'), stage: 'documents' });
  }

  private pad(name: string): string {
    return name.length > this.nameWidth
      ? `${name.slice(0, this.nameWidth - 1)}…`
      : name.padEnd(this.nameWidth);
  }

  queued(file: string, submission: Submission): void {
    if (submission.duplicate) this.multibar.log(`already queued: ${file} (job ${submission.jobId})\n`);
  }

  rejected(file: string, message: string): void {
    this.overall.increment();
    this.multibar.log(`rejected ${file}  ${message}\n`);
  }

  progress(file: string, stage: string | undefined, percent: number | undefined): void {
    let bar = this.bars.get(file);
    if (!bar) {
      bar = this.multibar.create(100, 0, { name: this.pad(path.basename(file)), stage: stage ?? '' });
      this.bars.set(file, bar);
    }
    bar.update(percent ?? bar.getProgress() * 100, stage ? { stage } : {});
  }

  finished(file: string, outcome: JobOutcome): void {
    const bar = this.bars.get(file);
    if (bar) {
      this.multibar.remove(bar);
      this.bars.delete(file);
    }
    this.overall.increment();
    const label = outcome.state === 'failed' ? 'FAILED' : 'done  ';
    this.multibar.log(`${label} ${file}  ${describeOutcome(outcome)}\n`);
  }

  stop(): void {
    // One last redraw: stop() alone would drop log lines still waiting for the next frame.
    this.multibar.update();
    this.multibar.stop();
  }
}
