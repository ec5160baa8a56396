/** Side panel with one event: fields, context (campaign, click, referrer) and properties. */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { AttributeTable } from '../../components/attribute-table';
import { Dialog } from '../../components/dialog';
import { ErrorAlert } from '../../components/error-alert';
import { RevenueBadge, TouchpointBadge } from '../../components/event-markers';
import { JsonView } from '../../components/json-view';
import { KeyValueList } from '../../components/key-value-list';
import { SkeletonCard } from '../../components/skeleton';
import { eventContext, type TEvent } from '../../lib/events';
import { formatDateTime } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';

interface Props {
  /** The row clicked: shown at once while `events.get` loads the stored event. */
  event: TEvent | null;
  currency: string;
  onClose: () => void;
}

export function EventDetailPanel({ event, currency, onClose }: Props) {
  return (
    <Dialog open={event !== null} onClose={onClose} title={event?.name ?? 'Event'} variant="drawer" testId="event-detail">
      {event && <EventDetail initial={event} currency={currency} />}
    </Dialog>
  );
}

function EventDetail({ initial, currency }: { initial: TEvent; currency: string }) {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.events.get.queryOptions({ id: initial.id }), placeholderData: { event: initial } });
  if (query.isError) return <ErrorAlert error={query.error} title="Could not load the event" onRetry={() => query.refetch()} />;
  const event = query.data?.event;
  if (!event) return <SkeletonCard />;

  const context = eventContext(event);
  const properties = event.properties;
  const campaign = context?.campaign ?? null;

  return (
    <div className="stack">
      <div className="chips">
        <TouchpointBadge context={context} />
        <RevenueBadge revenue={event.revenue} currency={currency} />
      </div>
      <KeyValueList
        items={[
          { label: 'Event id', value: <span className="mono">{event.id}</span> },
          {
            label: 'Customer',
            value: (
              <Link to={`/customers/${event.customerId}`} className="mono">
                {event.customerId}
              </Link>
            ),
          },
          { label: 'External id', value: event.externalId && <span className="mono">{event.externalId}</span> },
          { label: 'Happened', value: formatDateTime(event.timestamp) },
          { label: 'Received', value: formatDateTime(event.receivedAt) },
          { label: 'Message id', value: event.messageId && <span className="mono">{event.messageId}</span> },
        ]}
      />
      <section>
        <h3 className="section-title">Context</h3>
        {context ? (
          <KeyValueList
            items={[
              { label: 'Source', value: campaign?.source },
              { label: 'Medium', value: campaign?.medium },
              { label: 'Campaign', value: campaign?.name },
              { label: 'Term', value: campaign?.term },
              { label: 'Content', value: campaign?.content },
              { label: 'Click id', value: context.clickId && <span className="mono">{context.clickId}</span> },
              { label: 'Referrer', value: context.referrer && <span className="break">{context.referrer}</span> },
              { label: 'URL', value: context.url && <span className="break">{context.url}</span> },
            ]}
          />
        ) : (
          <p className="muted small">No context sent with this event.</p>
        )}
      </section>
      <section>
        <h3 className="section-title">Properties</h3>
        {Object.keys(properties).length === 0 ? <p className="muted small">No properties.</p> : <AttributeTable values={properties} />}
      </section>
      <details>
        <summary>Raw JSON</summary>
        <JsonView value={event} />
      </details>
    </div>
  );
}
