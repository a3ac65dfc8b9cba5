/** The part of a Queue that counting its workers needs; a BullMQ Queue fits. */
export interface WorkerCounter {
  getWorkersCount(): Promise<number>;
}

export interface WorkerPresenceCallbacks {
  /** No worker has been connected to the queue for `graceMs`: queued jobs wait for one. */
  onNone: () => void;
  /** A worker connected after `onNone`. */
  onBack?: () => void;
}

/**
 * Watches whether any worker consumes the queue while a caller waits for jobs, so that a wait with no
 * worker says so within seconds instead of waiting in silence. A worker restarting within `graceMs`
 * is not reported. Returns the function that stops watching.
 */
export function watchWorkers(
  queue: WorkerCounter,
  callbacks: WorkerPresenceCallbacks,
  { intervalMs = 1000, graceMs = 2000 } = {},
): () => void {
  let noneSince: number | undefined;
  let reported = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const check = async () => {
    const count = await queue.getWorkersCount().catch(() => undefined);
    if (stopped) return;
    if (count === 0) {
      noneSince ??= Date.now();
      if (!reported && Date.now() - noneSince >= graceMs) {
        reported = true;
        callbacks.onNone();
      }
    } else if (count !== undefined) {
      noneSince = undefined;
      if (reported) callbacks.onBack?.();
      reported = false;
    }
    timer = setTimeout(() => void check(), intervalMs);
    timer.unref();
  };
  void check();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
