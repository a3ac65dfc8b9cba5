import { Link } from 'wouter';
import { api } from '../api/client';
import { colourOf, eventFigures, formatConfidence } from '../format';
import { EntityLink } from './EntityLink';
import { OcrPageView } from './OcrPageView';
import { useApi } from './useApi';

/** One event with its provenance: each sentence it was read in, trigger and arguments marked. */
export function EventDetailPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const loaded = useApi(() => api.event(id), [id]);
  if (loaded.state === 'loading') return <aside className="panel">Loading…</aside>;
  if (loaded.state === 'error') return <aside className="panel error">{loaded.message}</aside>;
  const { event, sources, arguments: args, evidence } = loaded.data;
  const documentOf = new Map(sources.map((x) => [x.document.id, x.document]));
  return (
    <aside className="panel" data-testid="event-detail">
      <button type="button" className="link close" onClick={onClose} aria-label="close">
        ×
      </button>
      <h3>
        <span className="type-dot" style={{ backgroundColor: colourOf(event.type) }} />
        {event.type} · {event.date ?? 'undated'}
      </h3>
      <p className="muted">
        {eventFigures(event)} confidence {formatConfidence(event.confidence)} · model{' '}
        {event.modelVersion ?? '?'}
      </p>
      <table className="list">
        <tbody>
          {args.map((a) => (
            <tr key={`${a.roleKey}:${a.text}:${a.entity?.key ?? ''}`}>
              <td className="muted nowrap">{a.roleKey}</td>
              <td>
                {a.entity ? (
                  <EntityLink label={a.entity.label} entityKey={a.entity.key}>
                    {a.text}
                  </EntityLink>
                ) : (
                  a.text
                )}
                {a.value && a.value !== a.text && <span className="muted"> = {a.value}</span>}
                {a.inferred && <span className="muted"> (from context)</span>}
              </td>
              <td className="nowrap">{formatConfidence(a.confidence)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {sources.length > 1 && (
        <table className="list" data-testid="event-sources">
          <thead>
            <tr>
              <th>told by</th>
              <th>date</th>
              <th>figures</th>
              <th>why one event</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((x) => (
              <tr key={x.document.id} className={x.conflicting ? 'conflicting' : ''}>
                <td>
                  <Link href={`/documents/${x.document.id}`}>
                    {x.document.title ?? x.document.fileName ?? 'document'}
                  </Link>
                </td>
                <td className="nowrap">{x.date ?? ''}</td>
                <td className="nowrap">{eventFigures(x)}</td>
                <td className="muted">{x.match ?? 'first told here'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {evidence.map((s) => {
        const document = documentOf.get(s.id.slice(0, s.id.lastIndexOf(':')));
        return (
          <blockquote key={s.id}>
            {marked(s.text, s.highlights)}
            <footer className="muted">
              p. {s.page}
              {document && (
                <>
                  {' · '}
                  <Link href={`/documents/${document.id}`}>{document.title ?? 'document'}</Link>
                </>
              )}
            </footer>
            {document && s.ocrBoxes && s.ocrBoxes.length > 0 && (
              <OcrPageView documentId={document.id} page={s.page} boxes={s.ocrBoxes} />
            )}
          </blockquote>
        );
      })}
    </aside>
  );
}

function marked(
  text: string,
  highlights: { kind: string; role: string | null; start: number; end: number }[],
) {
  const sorted = [...highlights].sort((a, b) => a.start - b.start);
  const out: (string | React.JSX.Element)[] = [];
  let at = 0;
  for (const h of sorted) {
    if (h.start < at) continue; // overlapping marks: keep the first
    out.push(text.slice(at, h.start));
    out.push(
      <mark key={h.start} className={`span span-${h.kind}`} title={h.role ?? h.kind}>
        {text.slice(h.start, h.end)}
      </mark>,
    );
    at = h.end;
  }
  out.push(text.slice(at));
  return out;
}
