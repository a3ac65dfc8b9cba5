import { useState } from 'react';
import { api } from '../api/client';
import { EventDetailPanel } from '../components/EventDetailPanel';
import { EventTable } from '../components/EventTable';
import { ForecastTable } from '../components/ForecastTable';
import { GraphSection } from '../components/GraphSection';
import { RatingChart } from '../components/RatingChart';
import { TimelineChart } from '../components/TimelineChart';
import { useApi } from '../components/useApi';
import { colourOf } from '../format';

/** What happened to a company: its events over time, who it is connected to, how brokers rate it. */
export function CompanyPage({ companyKey }: { companyKey: string }) {
  const key = decodeURIComponent(companyKey);
  const [hops, setHops] = useState(1);
  const [openEvent, setOpenEvent] = useState<string>();
  const profile = useApi(() => api.company(key), [key]);
  const timeline = useApi(() => api.timeline(key), [key]);
  const ratings = useApi(() => api.ratings(key), [key]);
  const graph = useApi(() => api.neighbourhood('Company', key, hops), [key, hops]);

  if (profile.state === 'loading') return <p>Loading…</p>;
  if (profile.state === 'error') return <p className="error">{profile.message}</p>;
  const p = profile.data;
  const events = timeline.state === 'ok' ? timeline.data.days.flatMap((d) => d.events).reverse() : [];

  return (
    <div className="company-page">
      <h1 data-testid="company-name">
        {p.name}{' '}
        {p.code && (
          <span className="muted">
            {p.code}
            {p.exchange ? `.${p.exchange}` : ''}
          </span>
        )}
      </h1>
      <p className="muted">
        {p.shortNames.length > 0 && `also ${p.shortNames.join('、')} · `}
        {p.documentCount} documents issued ·{' '}
        {p.eventCounts.map((c) => (
          <span key={c.type} className="count">
            <span className="type-dot" style={{ backgroundColor: colourOf(c.type) }} />
            {c.type} {c.count}{' '}
          </span>
        ))}
      </p>

      <div className="grid">
        <section>
          <h2>Timeline</h2>
          {timeline.state === 'ok' ? (
            <TimelineChart timeline={timeline.data} />
          ) : (
            <p className="muted">Loading…</p>
          )}
        </section>
        <GraphSection graph={graph} centre={`Company:${key}`} hops={hops} onHops={setHops} />
        <section>
          <h2>Ratings and target prices</h2>
          {ratings.state === 'ok' ? (
            <>
              <RatingChart ratings={ratings.data.ratings} />
              <ForecastTable ratings={ratings.data.ratings} />
            </>
          ) : (
            <p className="muted">Loading…</p>
          )}
        </section>
      </div>

      <section>
        <h2>Events</h2>
        <EventTable events={events} onOpen={setOpenEvent} />
        {timeline.state === 'ok' && timeline.data.truncated && (
          <p className="muted">Only the first events are shown; use Events to page through all.</p>
        )}
      </section>
      {openEvent && <EventDetailPanel id={openEvent} onClose={() => setOpenEvent(undefined)} />}
    </div>
  );
}
