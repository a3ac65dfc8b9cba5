/** CPU time spent in each OCR stage, for the benchmark's profile; the parser passes none. */

export const OCR_STAGES = [
  'render',
  'detectionInput',
  'detection',
  'boxes',
  'crops',
  'recognition',
  'ctc',
  /** The second look at doubted figures: the finer image, its crops and their recognition. */
  'reread',
  'tables',
  'order',
] as const;

export type OcrStage = (typeof OCR_STAGES)[number];

/** CPU seconds (user + system, all threads of the process) by stage. */
export type OcrStageTimes = Record<OcrStage, number>;

export function emptyStageTimes(): OcrStageTimes {
  return Object.fromEntries(OCR_STAGES.map((stage) => [stage, 0])) as OcrStageTimes;
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
