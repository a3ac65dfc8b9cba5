import type { Job } from 'bullmq';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { parseFailure } from '../ingest/index.js';

/** Queue states reported as depth; the counts come straight from BullMQ's getJobCounts. */
export const QUEUE_STATES = [
  'waiting',
  'active',
  'delayed',
  'prioritized',
  'waiting-children',
  'paused',
  'completed',
  'failed',
] as const;

/** Stages the worker times (`timings` in its result); other keys are ignored to keep label sets small. */
export const TIMED_STAGES = ['load', 'parse', 'extract', 'link', 'graph'] as const;

/**
 * The failed set keeps every permanent failure (removeOnFail: false); only the newest this many are
 * classified per scrape, so a huge backlog cannot make /metrics slow.
 */
export const FAILED_SCAN_LIMIT = 10_000;

/** The Queue calls metrics need; a real BullMQ Queue fits. */
export interface MetricsQueue {
  getJobCounts(...types: string[]): Promise<Record<string, number>>;
  getRanges(types: ['failed'], start?: number, end?: number, asc?: boolean): Promise<string[]>;
  getJob(id: string): Promise<Job | undefined>;
}

/** The QueueEvents events metrics listen to; a real BullMQ QueueEvents fits. */
export interface MetricsEvents {
  on(event: 'completed', listener: (args: { jobId: string; returnvalue: unknown }) => void): unknown;
  on(event: 'failed', listener: (args: { jobId: string; failedReason: string }) => void): unknown;
  off(event: 'completed' | 'failed', listener: (...args: never[]) => void): unknown;
}

/**
 * Prometheus metrics of the pipeline, in a registry of their own. Queue depth and failures by code are
 * read from Redis at scrape time, so they are right whichever process ran the jobs; counters and stage
 * latencies come from QueueEvents and count what finished since this process started.
 */
export class ApiMetrics {
  readonly registry = new Registry();
  private readonly queueUp: Gauge;
  private readonly queueJobs: Gauge<'state'>;
  private readonly failedJobs: Gauge<'code'>;
  private readonly completedTotal: Counter;
  private readonly failedTotal: Counter<'code'>;
  private readonly stageSeconds: Histogram<'stage'>;
  private readonly documentSeconds: Histogram;
  /** Failed job id → reason code, so a scrape only fetches the jobs that failed since the last one. */
  private readonly failureCodes = new Map<string, string>();

  constructor(
    private readonly queue: MetricsQueue,
    options: { processMetrics?: boolean } = {},
  ) {
    const registers = [this.registry];
    this.queueUp = new Gauge({
      name: 'finkg_queue_up',
      help: '1 if the last scrape could read the queue from Redis, else 0',
      registers,
    });
    this.queueJobs = new Gauge({
      name: 'finkg_queue_jobs',
      help: 'Document jobs in the queue by state',
      labelNames: ['state'],
      registers,
    });
    this.failedJobs = new Gauge({
      name: 'finkg_failed_jobs',
      help: `Jobs in the failed set by reason code (the newest ${FAILED_SCAN_LIMIT})`,
      labelNames: ['code'],
      registers,
    });
    this.completedTotal = new Counter({
      name: 'finkg_jobs_completed_total',
      help: 'Document jobs completed since this API process started',
      registers,
    });
    this.failedTotal = new Counter({
      name: 'finkg_jobs_failed_total',
      help: 'Document jobs failed for good since this API process started, by reason code',
      labelNames: ['code'],
      registers,
    });
    this.stageSeconds = new Histogram({
      name: 'finkg_stage_duration_seconds',
      help: 'Time a completed document spent in each pipeline stage',
      labelNames: ['stage'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
      registers,
    });
    this.documentSeconds = new Histogram({
      name: 'finkg_document_duration_seconds',
      help: 'Time of all timed stages of a completed document',
      buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800],
      registers,
    });
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** Feeds the counters and histograms from a worker's result (`{ timings: { parse: ms, … } }`). */
  recordCompleted(result: unknown): void {
    this.completedTotal.inc();
    const timings = (result as { timings?: unknown } | null | undefined)?.timings;
    if (!timings || typeof timings !== 'object') return;
    let totalMs = 0;
    for (const stage of TIMED_STAGES) {
      const ms = (timings as Record<string, unknown>)[stage];
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) continue;
      this.stageSeconds.observe({ stage }, ms / 1000);
      totalMs += ms;
    }
    if (totalMs > 0) this.documentSeconds.observe(totalMs / 1000);
  }

  recordFailed(reason: string): void {
    this.failedTotal.inc({ code: parseFailure(reason).code });
  }

  /** Listens to a QueueEvents of the documents queue; returns a function that stops listening. */
  listenTo(events: MetricsEvents): () => void {
    const completed = ({ returnvalue }: { returnvalue: unknown }) => this.recordCompleted(returnvalue);
    const failed = ({ failedReason }: { failedReason: string }) => this.recordFailed(failedReason);
    events.on('completed', completed);
    events.on('failed', failed);
    return () => {
      events.off('completed', completed);
      events.off('failed', failed);
    };
  }

  /** The exposition text; queue gauges are refreshed first, and left as they were if Redis is away. */
  async render(): Promise<string> {
    try {
      await Promise.all([this.refreshDepth(), this.refreshFailures()]);
      this.queueUp.set(1);
    } catch {
      this.queueUp.set(0);
    }
    return this.registry.metrics();
  }

  private async refreshDepth(): Promise<void> {
    const counts = await this.queue.getJobCounts(...QUEUE_STATES);
    for (const state of QUEUE_STATES) this.queueJobs.set({ state }, counts[state] ?? 0);
  }

  private async refreshFailures(): Promise<void> {
    const ids = await this.queue.getRanges(['failed'], 0, FAILED_SCAN_LIMIT - 1, false);
    const current = new Set(ids);
    for (const id of this.failureCodes.keys()) if (!current.has(id)) this.failureCodes.delete(id);
    const unknown = ids.filter((id) => !this.failureCodes.has(id));
    for (let i = 0; i < unknown.length; i += 100) {
      const batch = unknown.slice(i, i + 100);
      const jobs = await Promise.all(batch.map((id) => this.queue.getJob(id)));
      for (const [k, job] of jobs.entries()) {
        const id = batch[k];
        if (id && job) this.failureCodes.set(id, parseFailure(job.failedReason ?? '').code);
      }
    }
    const byCode = new Map<string, number>();
    for (const code of this.failureCodes.values()) byCode.set(code, (byCode.get(code) ?? 0) + 1);
    this.failedJobs.reset();
    for (const [code, count] of byCode) this.failedJobs.set({ code }, count);
  }
}
