/**
 * FewFC event-extraction scores as published work computes them: per sentence, sets of tuples
 *   TI (trigger start, end) · TC (type, trigger start, end) · AI (type, arg start, end) · AC (type, arg start, end, role)
 * compared between gold and prediction, then micro-averaged over the split.
 */
import type { FewfcEvent } from '../extract/fewfc-format.js';

export const EVENT_METRICS = ['TI', 'TC', 'AI', 'AC'] as const;
export type EventMetric = (typeof EVENT_METRICS)[number];

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  correct: number;
  predicted: number;
  gold: number;
}

export type EventScores = Record<EventMetric, Prf>;

/** The four tuple sets of one sentence's events, each tuple serialised as a string key. */
export function eventTuples(events: readonly FewfcEvent[]): Record<EventMetric, Set<string>> {
  const sets = { TI: new Set<string>(), TC: new Set<string>(), AI: new Set<string>(), AC: new Set<string>() };
  for (const event of events) {
    if (event.trigger) {
      const [ts, te] = event.trigger.span;
      sets.TI.add(`${ts},${te}`);
      sets.TC.add(`${event.type},${ts},${te}`);
    }
    for (const [role, mentions] of Object.entries(event.args)) {
      for (const { span } of mentions) {
        sets.AI.add(`${event.type},${span[0]},${span[1]}`);
        sets.AC.add(`${event.type},${span[0]},${span[1]},${role}`);
      }
    }
  }
  return sets;
}

export function prf(correct: number, predicted: number, gold: number): Prf {
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = gold === 0 ? 0 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, correct, predicted, gold };
}

/** Micro-averaged scores over sentence pairs of (gold events, predicted events). */
export function scoreEvents(
  pairs: Iterable<{ gold: readonly FewfcEvent[]; predicted: readonly FewfcEvent[] }>,
) {
  const counts = Object.fromEntries(
    EVENT_METRICS.map((m) => [m, { correct: 0, predicted: 0, gold: 0 }]),
  ) as Record<EventMetric, { correct: number; predicted: number; gold: number }>;
  for (const { gold, predicted } of pairs) {
    const g = eventTuples(gold);
    const p = eventTuples(predicted);
    for (const metric of EVENT_METRICS) {
      const c = counts[metric];
      c.gold += g[metric].size;
      c.predicted += p[metric].size;
      for (const key of p[metric]) if (g[metric].has(key)) c.correct++;
    }
  }
  return Object.fromEntries(
    EVENT_METRICS.map((m) => [m, prf(counts[m].correct, counts[m].predicted, counts[m].gold)]),
  ) as EventScores;
}
