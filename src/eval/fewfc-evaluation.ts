/** Runs an extractor over FewFC records and scores it (TI/TC/AI/AC), as `finkg eval` and the model test do. */
import type { EventExtractor, ExtractOptions } from '../extract/event-extractor.js';
import { type FewfcEvent, type FewfcRecord, tokenEventsToFewfc } from '../extract/fewfc-format.js';
import { type EventScores, scoreEvents } from './event-metrics.js';

/** Sentences per extractor call; the length batcher makes batches inside each call. */
const RECORDS_PER_CALL = 256;

export async function predictFewfc(
  extractor: EventExtractor,
  records: readonly FewfcRecord[],
  options: ExtractOptions = {},
): Promise<FewfcEvent[][]> {
  const predictions: FewfcEvent[][] = [];
  for (let i = 0; i < records.length; i += RECORDS_PER_CALL) {
    const slice = records.slice(i, i + RECORDS_PER_CALL);
    // Sentences go in whole, as in training; windowing covers the rare one longer than max_len.
    const decoded = await extractor.extractTokens(
      slice.map((r) => r.content),
      options,
    );
    decoded.forEach(({ tokens }, k) => {
      predictions.push(tokenEventsToFewfc((slice[k] as FewfcRecord).content, tokens.events));
    });
  }
  return predictions;
}

export async function evaluateFewfc(
  extractor: EventExtractor,
  records: readonly FewfcRecord[],
  options: ExtractOptions = {},
): Promise<EventScores> {
  const predictions = await predictFewfc(extractor, records, options);
  // FewFC labels its own ten types only: what the model reads of other types is not scored.
  const labelled = new Set(records.flatMap((r) => r.events.map((e) => e.type)));
  return scoreEvents(
    records.map((r, i) => ({
      gold: r.events,
      predicted: (predictions[i] as FewfcEvent[]).filter((e) => labelled.has(e.type)),
    })),
  );
}
