/** The chaos benchmark's fault plan: which faults, in which order, at which point of the run. Seeded. */
import { Random } from './graph-generator.js';

export const FAULT_KINDS = ['kill-worker', 'restart-neo4j', 'restart-redis'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface PlannedFault {
  kind: FaultKind;
  /** The fault fires once this many jobs have completed (and the previous fault has recovered). */
  afterCompleted: number;
}

/**
 * `rounds` faults of each kind in a seeded order, each at a seeded moment within its own slice of the
 * run between 10 % and 80 % of the documents, so every fault lands while jobs are still in flight.
 */
export function planFaults(seed: number, documents: number, rounds: number): PlannedFault[] {
  const rnd = new Random(seed);
  const kinds = Array.from({ length: rounds }, () => [...FAULT_KINDS]).flat();
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [kinds[i], kinds[j]] = [kinds[j] as FaultKind, kinds[i] as FaultKind];
  }
  return kinds.map((kind, i) => {
    const from = 0.1 + (0.7 * i) / kinds.length;
    const to = 0.1 + (0.7 * (i + 1)) / kinds.length;
    return { kind, afterCompleted: Math.max(1, Math.floor(documents * (from + rnd.next() * (to - from)))) };
  });
}

export { Random };
