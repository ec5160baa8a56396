/** One event on the journey timeline, with its touchpoint/revenue markers and payload. */
import { RevenueBadge, TouchpointBadge } from '../../components/event-markers';
import { JsonView } from '../../components/json-view';
import { eventContext, isTouchpoint, type TEvent } from '../../lib/events';
import { formatDateTime, formatTime } from '../../lib/format';

export function JourneyEvent({ event, currency }: { event: TEvent; currency: string }) {
  const context = eventContext(event);
  const touchpoint = isTouchpoint(context);
  const revenue = event.revenue;
  const kind = revenue !== null && revenue < 0 ? 'refund' : revenue !== null ? 'revenue' : touchpoint ? 'touchpoint' : 'plain';
  const properties = event.properties;
  const hasDetails = Object.keys(properties).length > 0 || context !== null;

  return (
    <li className={`timeline-item timeline-${kind}`}>
      <span className="timeline-dot" aria-hidden="true" />
      <div className="timeline-content">
        <div className="timeline-head">
          <span className="timeline-name">{event.name}</span>
          <TouchpointBadge context={context} />
          <RevenueBadge revenue={revenue} currency={currency} />
          <time className="timeline-time muted small" dateTime={event.timestamp} title={formatDateTime(event.timestamp)}>
            {formatTime(event.timestamp)}
          </time>
        </div>
        {hasDetails && (
          <details className="timeline-details">
            <summary>Details</summary>
            <div className="timeline-payload">
              {Object.keys(properties).length > 0 && (
                <div>
                  <div className="field-label">Properties</div>
                  <JsonView value={properties} />
                </div>
              )}
              {context && (
                <div>
                  <div className="field-label">Context</div>
                  <JsonView value={context} />
                </div>
              )}
              <div className="muted small mono">{event.id}</div>
            </div>
          </details>
        )}
      </div>
    </li>
  );
}
