/** CPU time spent in each OCR stage, for the benchmark's profile; the parser passes none. */

export const OCR_STAGES = [
  'render',
  'detectionInput',
  'detection',
  'boxes',
  'crops',
  'recognition',
  /** Lines with figures read again by the full recogniser, after the quick one (read-lines.ts). */
  'figureLines',
  'ctc',
  /** The second look at doubted figures: the finer image, its crops and their recognition. */
  'reread',
  'tables',
  'order',
] as const;

export type OcrStage = (typeof OCR_STAGES)[number];

/** One run of the recogniser over a line's strip: its width in pixels (48 high) and its CPU seconds. */
export interface StripRun {
  width: number;
  seconds: number;
  /** Whether its reading was kept as a line (not empty, not too unsure): the width of the others read nothing. */
  kept?: boolean;
}

/**
 * CPU seconds (user + system, all threads of the process) by stage; with `strips`, each first reading of a
 * line (the `recognition` stage, not the second look) is listed too, so that its cost can be set against
 * the strip's width.
 */
export type OcrStageTimes = Record<OcrStage, number> & { strips?: StripRun[] };

export function emptyStageTimes(): OcrStageTimes {
  return {
    ...(Object.fromEntries(OCR_STAGES.map((stage) => [stage, 0])) as Record<OcrStage, number>),
    strips: [],
  };
}

/**
 * The least-squares line seconds = fixed + perPixel × width through the runs: what a run costs however narrow
 * its strip, and what each pixel of width adds. Undefined with fewer than two distinct widths.
 */
export function stripCost(runs: readonly StripRun[]): { fixed: number; perPixel: number } | undefined {
  const n = runs.length;
  if (n < 2) return undefined;
  const meanWidth = runs.reduce((sum, r) => sum + r.width, 0) / n;
  const meanSeconds = runs.reduce((sum, r) => sum + r.seconds, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const r of runs) {
    covariance += (r.width - meanWidth) * (r.seconds - meanSeconds);
    variance += (r.width - meanWidth) ** 2;
  }
  if (variance === 0) return undefined;
  const perPixel = covariance / variance;
  return { fixed: meanSeconds - perPixel * meanWidth, perPixel };
}

/** Runs `work`, adding its CPU time to `times[stage]` when `times` is given. */
export async function timed<T>(
  times: OcrStageTimes | undefined,
  stage: OcrStage,
  work: () => T | Promise<T>,
): Promise<T> {
  if (!times) return work();
  const start = process.cpuUsage();
  try {
    return await work();
  } finally {
    const used = process.cpuUsage(start);
    times[stage] += (used.user + used.system) / 1e6;
  }
}
