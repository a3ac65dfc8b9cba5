import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../api/client';
import { type EventFilterValues, loadEventFilterValues } from '../api/event-filters';
import type { EventFilter, EventSummary, SearchHit } from '../api/types';
import { EventDetailPanel } from '../components/EventDetailPanel';
import { EventTable } from '../components/EventTable';
import { KIND_NAMES } from '../format';

const hasHan = (s: string) => /\p{Script=Han}/u.test(s);

/** Event search: type, company and its role, date range, document kind; pages by cursor. */
export function EventsPage() {
  const [values, setValues] = useState<EventFilterValues>({ types: [], roles: [], documentKinds: [] });
  const [filter, setFilter] = useState<EventFilter>({});
  const [companyText, setCompanyText] = useState('');
  const [companyHits, setCompanyHits] = useState<SearchHit[]>([]);
  const [items, setItems] = useState<EventSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  // The filter the shown results answer, so an empty table can say what found nothing.
  const [answered, setAnswered] = useState<EventFilter>();
  // /events?event=<id> opens that event's panel, so a fact can be linked to.
  const [openEvent, setOpenEvent] = useState<string | undefined>(
    () => new URLSearchParams(window.location.search).get('event') ?? undefined,
  );

  useEffect(() => void loadEventFilterValues().then(setValues), []);

  const run = (f: EventFilter, append: boolean) => {
    setError(undefined);
    api.events({ ...f, limit: 50 }).then(
      (page) => {
        setItems((all) => (append ? [...all, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setAnswered(f);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: the first page once, unfiltered
  useEffect(() => run({}, false), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(filter, false);
  };
  const set = (key: keyof EventFilter) => (e: { target: { value: string } }) =>
    setFilter((f) => ({ ...f, [key]: e.target.value || undefined }));
  const findCompany = (text: string) => {
    setCompanyText(text);
    setFilter((f) => ({ ...f, company: undefined }));
    if (text.trim())
      api.search(text.trim(), 'Company').then(
        (r) => setCompanyHits(r.items),
        () => setCompanyHits([]),
      );
    else setCompanyHits([]);
  };

  return (
    <>
      <form className="filters" onSubmit={submit}>
        <select aria-label="event type" value={filter.type ?? ''} onChange={set('type')}>
          <option value="">any type</option>
          {values.types.filter(hasHan).map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
        <span className="company-filter">
          <input
            placeholder="company"
            aria-label="company"
            value={companyText}
            onChange={(e) => findCompany(e.target.value)}
          />
          {companyHits.length > 0 && !filter.company && (
            <ul className="search-hits">
              {companyHits.map((hit) => (
                <li key={hit.key}>
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      setFilter((f) => ({ ...f, company: hit.key }));
                      setCompanyText(hit.name);
                      setCompanyHits([]);
                    }}
                  >
                    {hit.name} {hit.code}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </span>
        {filter.company && (
          <select aria-label="company's part" value={filter.about ?? 'any'} onChange={set('about')}>
            <option value="any">as party, about its shares or its subsidiaries</option>
            <option value="party">as party</option>
            <option value="shares">about its shares</option>
            <option value="subsidiaries">through its subsidiaries</option>
          </select>
        )}
        <select aria-label="role" value={filter.role ?? ''} onChange={set('role')}>
          <option value="">any role</option>
          {values.roles.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
        <input type="date" aria-label="from" value={filter.from ?? ''} onChange={set('from')} />
        <input type="date" aria-label="to" value={filter.to ?? ''} onChange={set('to')} />
        <select aria-label="document kind" value={filter.documentKind ?? ''} onChange={set('documentKind')}>
          <option value="">any document</option>
          {values.documentKinds.map((k) => (
            <option key={k} value={k}>
              {KIND_NAMES[k] ?? k}
            </option>
          ))}
        </select>
        <button type="submit">Search</button>
      </form>
      {error && <p className="error">{error}</p>}
      <EventTable events={items} onOpen={setOpenEvent} />
      {!error && answered && items.length === 0 && (
        <p className="muted" data-testid="events-empty">
          No events match these filters
          {answered.company && answered.about !== undefined && answered.about !== 'any'
            ? '; the company may appear otherwise (choose “as party, about its shares or its subsidiaries”)'
            : ''}
          .
        </p>
      )}
      {cursor && (
        <button type="button" onClick={() => run({ ...filter, cursor }, true)}>
          More
        </button>
      )}
      {openEvent && <EventDetailPanel id={openEvent} onClose={() => setOpenEvent(undefined)} />}
    </>
  );
}
