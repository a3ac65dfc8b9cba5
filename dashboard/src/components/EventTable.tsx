import { Link } from 'wouter';
import type { EventSummary } from '../api/types';
import { colourOf, eventFigures, formatConfidence, KIND_NAMES } from '../format';
import { EntityLink } from './EntityLink';

/** Events as rows: date, type, parties by role, figures; a row click opens the event. */
export function EventTable({
  events,
  onOpen,
  showDocument = true,
}: {
  events: EventSummary[];
  onOpen?: (id: string) => void;
  showDocument?: boolean;
}) {
  return (
    <table className="list events" data-testid="events">
      <thead>
        <tr>
          <th>date</th>
          <th>type</th>
          <th>parties</th>
          <th>figures</th>
          <th>conf.</th>
          {showDocument && <th>source</th>}
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr
            key={e.id}
            data-event-type={e.type}
            data-event-id={e.id}
            onClick={() => onOpen?.(e.id)}
            className={onOpen ? 'clickable' : ''}
          >
            <td className="nowrap">{e.date ?? ''}</td>
            <td className="nowrap">
              <span className="type-dot" style={{ backgroundColor: colourOf(e.type) }} />
              {e.type} <span className="muted">{e.trigger}</span>
            </td>
            <td>
              {e.participants.map((p) => (
                <span
                  key={`${p.roleKey}:${p.key}`}
                  className="participant"
                  title={p.inferred ? 'from the document context' : ''}
                >
                  <span className="muted">{p.roleKey}</span>{' '}
                  <EntityLink label={p.label} entityKey={p.key} onClick={(ev) => ev.stopPropagation()}>
                    {p.name}
                  </EntityLink>
                  {p.inferred ? '*' : ''}
                </span>
              ))}
            </td>
            <td className="nowrap">{eventFigures(e)}</td>
            <td className="nowrap">{formatConfidence(e.confidence)}</td>
            {showDocument && (
              <td className="nowrap">
                <Link href={`/documents/${e.documentId}`} onClick={(ev) => ev.stopPropagation()}>
                  {KIND_NAMES[e.documentKind ?? '']?.split(' ')[0] ?? 'document'}
                </Link>
                {e.sourceCount > 1 && (
                  <span className="muted" title={`told by ${e.sourceCount} documents`}>
                    {' '}
                    +{e.sourceCount - 1}
                  </span>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
