import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client';
import type { DocumentSpan } from '../api/types';
import { EntityLink } from '../components/EntityLink';
import { EventTable } from '../components/EventTable';
import { describeSpan, HighlightedSentence } from '../components/HighlightedSentence';
import { useApi } from '../components/useApi';
import { colourOf, formatTargetPrice, KIND_NAMES } from '../format';

/** A document's text with what was extracted from it marked in place. */
export function DocumentPage({ id }: { id: string }) {
  const loaded = useApi(() => api.document(id), [id]);
  const [selected, setSelected] = useState<DocumentSpan[]>([]);
  const spansBySentence = useMemo(() => {
    const map = new Map<string, DocumentSpan[]>();
    if (loaded.state !== 'ok') return map;
    for (const span of loaded.data.spans)
      map.set(span.sentenceId, [...(map.get(span.sentenceId) ?? []), span]);
    return map;
  }, [loaded]);

  if (loaded.state === 'loading') return <p>Loading…</p>;
  if (loaded.state === 'error') return <p className="error">{loaded.message}</p>;
  const { document: doc, rating, sentences, entities, events } = loaded.data;
  let page = 0;

  return (
    <div className="document-page">
      <div className="document-main">
        <h1>{doc.title ?? doc.fileName ?? doc.id.slice(0, 12)}</h1>
        <p className="muted">
          {KIND_NAMES[doc.kind] ?? doc.kind} · {doc.publishedAt?.slice(0, 10) ?? 'undated'}
          {doc.issuer && (
            <>
              {' · '}
              <Link href={`/companies/${encodeURIComponent(doc.issuer.key)}`}>{doc.issuer.name}</Link>
            </>
          )}
          {doc.modelVersion && ` · model ${doc.modelVersion}`}
        </p>
        {rating && (
          <p className="rating">
            {rating.broker ?? 'broker'}: <strong>{rating.rating}</strong>{' '}
            {rating.change && `(${rating.change})`}
            {rating.targetPrice !== null && ` · target ${formatTargetPrice(rating)}`}
            {rating.analysts.length > 0 && ` · ${rating.analysts.join('、')}`}
          </p>
        )}
        <p className="legend">
          <mark className="span span-entity">entity</mark>{' '}
          <mark className="span span-trigger">event trigger</mark>{' '}
          <mark className="span span-argument">event argument</mark> hover for details, click to pin
        </p>
        <article className="text" data-testid="document-text">
          {sentences.map((s) => {
            const pageBreak = s.page !== page;
            page = s.page;
            return (
              <span key={s.id}>
                {pageBreak && <span className="page-mark">p. {s.page}</span>}
                <HighlightedSentence
                  text={s.text}
                  spans={spansBySentence.get(s.id) ?? []}
                  onSelect={setSelected}
                />
              </span>
            );
          })}
          {loaded.data.sentencesTruncated && (
            <p className="muted">… the text is cut here (too many sentences)</p>
          )}
        </article>
        <h2>Events</h2>
        <EventTable events={events} showDocument={false} />
      </div>
      <aside className="document-side">
        <h2>Selected</h2>
        {selected.length === 0 ? (
          <p className="muted">Click a marked span.</p>
        ) : (
          <ul className="selected" data-testid="selected-spans">
            {selected.map((s) => (
              <li key={`${s.kind}:${s.start}:${s.end}:${s.role ?? ''}:${s.event?.id ?? s.entity?.key ?? ''}`}>
                <strong>{s.text}</strong>
                <div>{describeSpan(s)}</div>
                {s.entity && (
                  <EntityLink label={s.entity.label} entityKey={s.entity.key}>
                    {s.entity.name}
                  </EntityLink>
                )}
              </li>
            ))}
          </ul>
        )}
        <h2>Entities</h2>
        <ul className="entities">
          {entities.map((e) => (
            <li key={`${e.label}:${e.key}`}>
              <span className="type-dot" style={{ backgroundColor: colourOf(e.label) }} />
              <EntityLink label={e.label} entityKey={e.key}>
                {e.name}
              </EntityLink>{' '}
              <span className="muted">
                {e.label} ×{e.mentions}
              </span>
            </li>
          ))}
        </ul>
      </aside>
    </div>
  );
}
