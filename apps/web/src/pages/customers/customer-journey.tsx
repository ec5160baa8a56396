/** The customer's events, newest first, loaded page by page as the list scrolls into view. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { Icon } from '../../components/icons';
import { SkeletonLine } from '../../components/skeleton';
import { Spinner } from '../../components/spinner';
import type { TEvent } from '../../lib/events';
import { formatDate } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { JourneyEvent } from './journey-event';

const PAGE_SIZE = 50;
const MAX_NAMES = 20;

function parseNames(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean),
    ),
  ].slice(0, MAX_NAMES);
}

export function CustomerJourney({ customerId, currency }: { customerId: string; currency: string }) {
  const trpc = useTRPC();
  const [draft, setDraft] = useState('');
  const [names, setNames] = useState<string[]>([]);
  const sentinel = useRef<HTMLDivElement>(null);

  const journey = useInfiniteQuery(
    trpc.customers.journey.infiniteQueryOptions(
      { id: customerId, limit: PAGE_SIZE, names: names.length > 0 ? names.join(',') : undefined },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = journey;

  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
      },
      { rootMargin: '300px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const events: TEvent[] = journey.data?.pages.flatMap((p) => p.events) ?? [];

  const applyFilter = (e: FormEvent) => {
    e.preventDefault();
    setNames(parseNames(draft));
  };

  return (
    <div className="card">
      <div className="card-header">
        <h2>
          Journey{' '}
          <Link to={`/events?customer=${encodeURIComponent(customerId)}`} className="small">
            Open in events
          </Link>
        </h2>
        <form className="inline-form" onSubmit={applyFilter}>
          <input
            className="input input-sm"
            placeholder="Event names, comma-separated"
            aria-label="Filter by event names"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit" className="btn btn-sm">
            <Icon name="filter" /> Filter
          </button>
          {names.length > 0 && (
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              onClick={() => {
                setDraft('');
                setNames([]);
              }}
            >
              Clear
            </button>
          )}
        </form>
      </div>
      <div className="card-body">
        <div className="legend muted small">
          <span className="legend-item legend-touchpoint">Touchpoint</span>
          <span className="legend-item legend-revenue">Revenue</span>
          <span className="legend-item legend-refund">Refund</span>
        </div>
        {journey.isPending ? (
          <div className="stack">
            {Array.from({ length: 5 }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
              <SkeletonLine key={i} width={`${40 + i * 10}%`} />
            ))}
          </div>
        ) : journey.isError && !journey.data ? (
          <ErrorAlert error={journey.error} title="Could not load the journey" onRetry={() => journey.refetch()} />
        ) : events.length === 0 ? (
          <EmptyState icon="activity" title={names.length > 0 ? 'No events with these names' : 'No events yet'}>
            <p>Events sent for this customer through the API appear here, newest first.</p>
          </EmptyState>
        ) : (
          <ol className="timeline">
            {events.map((event, i) => {
              const day = formatDate(event.timestamp);
              const showDay = i === 0 || formatDate(events[i - 1]?.timestamp) !== day;
              return (
                <JourneyDay key={event.id} day={showDay ? day : null}>
                  <JourneyEvent event={event} currency={currency} />
                </JourneyDay>
              );
            })}
          </ol>
        )}
        <div ref={sentinel} className="timeline-footer">
          {isFetchingNextPage && <Spinner label="Loading more events" />}
          {hasNextPage && !isFetchingNextPage && (
            <button type="button" className="btn btn-sm" onClick={() => fetchNextPage()}>
              Load more
            </button>
          )}
          {journey.isFetchNextPageError && <ErrorAlert error={journey.error} onRetry={() => fetchNextPage()} />}
          {!hasNextPage && events.length > 0 && <span className="muted small">Start of the journey</span>}
        </div>
      </div>
    </div>
  );
}

function JourneyDay({ day, children }: { day: string | null; children: ReactNode }) {
  return (
    <>
      {day && <li className="timeline-day">{day}</li>}
      {children}
    </>
  );
}
