import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client';
import type { EntityLabel, GraphNode, PersonProfile } from '../api/types';
import { EntityLink } from '../components/EntityLink';
import { EventDetailPanel } from '../components/EventDetailPanel';
import { GraphSection } from '../components/GraphSection';
import { useApi } from '../components/useApi';
import { colourOf } from '../format';

/** A person or organisation: who and what it is connected to, and the events it takes part in. */
export function EntityPage({ label, entityKey }: { label: EntityLabel; entityKey: string }) {
  const key = decodeURIComponent(entityKey);
  const [hops, setHops] = useState(1);
  const [openEvent, setOpenEvent] = useState<string>();
  const graph = useApi(() => api.neighbourhood(label, key, hops), [label, key, hops]);
  // A person's key is name@<company key> (or @document:<id> when no company was in sight, @certificate:<no>
  // for a report's analyst).
  const context = label === 'Person' ? key.slice(key.indexOf('@') + 1) : '';
  const certificate = context.startsWith('certificate:') ? context.slice('certificate:'.length) : undefined;
  const company = context && !context.startsWith('document:') && !certificate ? context : undefined;
  const companyProfile = useApi(() => (company ? api.company(company) : Promise.resolve(null)), [company]);
  const person = useApi(() => (label === 'Person' ? api.person(key) : Promise.resolve(null)), [label, key]);
  const history = person.state === 'ok' && person.data ? person.data.positionHistory : [];

  if (graph.state === 'loading') return <p>Loading…</p>;
  if (graph.state === 'error') return <p className="error">{graph.message}</p>;
  const centre = `${label}:${key}`;
  const self = graph.data.nodes.find((n) => n.id === centre);
  const positions = Array.isArray((self as GraphNode | undefined)?.positions)
    ? ((self as GraphNode).positions as unknown[]).map(String)
    : [];
  // Events one hop away are the ones this entity plays a role in.
  const events = graph.data.edges
    .filter((e) => e.target === centre && e.source.startsWith('Event:'))
    .map((e) => ({ edge: e, node: graph.data.nodes.find((n) => n.id === e.source) as GraphNode | undefined }))
    .filter((x) => x.node !== undefined);

  return (
    <div className="company-page">
      <h1 data-testid="entity-name">
        {self?.name ?? key} <span className="muted">{label}</span>
      </h1>
      {company && (
        <p className="muted" data-testid="entity-company">
          People are told apart by the company they appear with: this is {self?.name ?? 'the person'} of{' '}
          <EntityLink label="Company" entityKey={company}>
            {companyProfile.state === 'ok' && companyProfile.data
              ? companyProfile.data.name
              : company.replace(/^name:/, '')}
          </EntityLink>
          .
        </p>
      )}
      {certificate && (
        <p className="muted" data-testid="entity-certificate">
          A research analyst, known across reports by certificate number {certificate}.
        </p>
      )}
      {positions.length > 0 && (
        <p className="muted" data-testid="entity-positions">
          Positions stated: {positions.join('、')}.
        </p>
      )}
      {history.length > 0 && <PositionHistory history={history} />}
      <div className="grid">
        <GraphSection graph={graph} centre={centre} hops={hops} onHops={setHops} />
        <section>
          <h2>Events</h2>
          <table className="list" data-testid="entity-events">
            <tbody>
              {events.map(({ edge, node }) => (
                <tr key={`${edge.source}:${edge.type}`} className="clickable">
                  <td className="nowrap" title={node?.date ? 'event date' : 'published'}>
                    {String(node?.date ?? node?.publishedAt ?? '').slice(0, 10)}
                  </td>
                  <td className="nowrap">
                    <button type="button" className="link" onClick={() => setOpenEvent(edge.source.slice(6))}>
                      <span
                        className="type-dot"
                        style={{ backgroundColor: colourOf(String(node?.type ?? '')) }}
                      />
                      {String(node?.type ?? node?.name ?? '')}
                    </button>
                  </td>
                  <td className="muted">{edge.type}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      {openEvent && <EventDetailPanel id={openEvent} onClose={() => setOpenEvent(undefined)} />}
    </div>
  );
}

/** The positions a person held over time: each document's statement with its date and change. */
function PositionHistory({ history }: { history: PersonProfile['positionHistory'] }) {
  return (
    <section>
      <h2>Positions over time</h2>
      <table className="list" data-testid="position-history">
        <thead>
          <tr>
            <th>date</th>
            <th>change</th>
            <th>position</th>
            <th>after</th>
            <th>company</th>
            <th>stated in</th>
          </tr>
        </thead>
        <tbody>
          {history.map((s) => (
            <tr key={s.eventId}>
              <td className="nowrap">{s.date?.slice(0, 10) ?? 'undated'}</td>
              <td>{s.change ?? ''}</td>
              <td>{s.positions.join('、')}</td>
              <td>{s.positionsAfter.join('、')}</td>
              <td>
                {s.company && (
                  <EntityLink label="Company" entityKey={s.company.key}>
                    {s.company.name}
                  </EntityLink>
                )}
              </td>
              <td>
                {s.documents.map((d) => (
                  <Link key={d.id} href={`/documents/${d.id}`}>
                    {d.title ?? d.id}{' '}
                  </Link>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
