import type { DocumentSpan } from '../api/types';
import { colourOf, formatConfidence } from '../format';

const RANK: Record<string, number> = { trigger: 3, argument: 2, entity: 1 };
const rank = (span: DocumentSpan) => RANK[span.kind] ?? 0;

export function describeSpan(span: DocumentSpan): string {
  const what =
    span.kind === 'entity'
      ? `${span.entity?.type ?? span.entity?.label ?? 'entity'}`
      : span.kind === 'trigger'
        ? `trigger of ${span.event?.type ?? 'event'}`
        : `${span.role ?? 'argument'} of ${span.event?.type ?? 'event'}`;
  const value = span.value ? ` = ${span.value}` : '';
  return `${span.text}: ${what}${value} (confidence ${formatConfidence(span.confidence)})`;
}

/**
 * A sentence cut at every span boundary: each piece is marked by the spans covering it, the event
 * trigger winning over an argument, an argument over a plain mention. Hover shows what they are;
 * click selects them.
 */
export function HighlightedSentence({
  text,
  spans,
  onSelect,
}: {
  text: string;
  spans: DocumentSpan[];
  onSelect: (spans: DocumentSpan[]) => void;
}) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces = points.slice(0, -1).map((start, i) => {
    const end = points[i + 1] ?? text.length;
    const covering = spans.filter((s) => s.start <= start && s.end >= end);
    return { start, end, covering };
  });
  return (
    <>
      {pieces.map(({ start, end, covering }) => {
        const piece = text.slice(start, end);
        if (covering.length === 0) return <span key={start}>{piece}</span>;
        const top = covering.reduce((a, b) => (rank(b) > rank(a) ? b : a));
        const colour =
          top.kind === 'entity' ? colourOf(top.entity?.label ?? 'entity') : colourOf(top.event?.type ?? '');
        return (
          <button
            type="button"
            key={start}
            className={`span span-${top.kind}`}
            data-kind={top.kind}
            style={{
              borderColor: colour,
              backgroundColor: top.kind === 'entity' ? 'transparent' : `${colour}22`,
            }}
            title={covering.map(describeSpan).join('\n')}
            onClick={() => onSelect(covering)}
          >
            {piece}
          </button>
        );
      })}
    </>
  );
}
