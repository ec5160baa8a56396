/**
 * How long a reactivated customer was away: the longest gap before one of its events of the last
 * 30 days (ANALYTICS.md rule 4), read from its newest events. Only asked for reactivated customers.
 */
import type { TCustomer, TEvent } from '@tenure/contract';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';
import { DAY_MS } from './lifecycle-reason';

/** Timestamps may run up to an hour ahead of arrival (ANALYTICS.md): fetch that far past `now`. */
const FUTURE_SLACK_MS = 3_600_000;
const WINDOW_MS = 30 * DAY_MS;

const effectiveTime = (e: TEvent) => Math.min(Date.parse(e.timestamp), Date.parse(e.receivedAt));

/** Null when the events at hand do not reach back to the event before the comeback. */
export function reactivationGapDays(events: TEvent[], complete: boolean, firstSeenAt: string, now: number): number | null {
  const times = events
    .map(effectiveTime)
    .filter((t) => t <= now)
    .sort((a, b) => a - b);
  let longest: number | null = null;
  times.forEach((t, i) => {
    if (t <= now - WINDOW_MS) return;
    const previous = i > 0 ? times[i - 1] : complete ? Date.parse(firstSeenAt) : undefined;
    if (previous === undefined) return;
    const gap = Math.floor((t - previous) / DAY_MS);
    if (longest === null || gap > longest) longest = gap;
  });
  return longest;
}

export function useReactivationGap(c: TCustomer) {
  const trpc = useTRPC();
  const now = c.scoresComputedAt ? Date.parse(c.scoresComputedAt) : Date.now();
  const query = useQuery({
    ...trpc.customers.journey.queryOptions({ id: c.id, order: 'desc', limit: 200, end: new Date(now + FUTURE_SLACK_MS).toISOString() }),
    enabled: c.lifecycleStage === 'reactivated',
  });
  const gapDays = query.data
    ? reactivationGapDays(query.data.events, query.data.nextCursor === null, c.acquisition.firstSeenAt, now)
    : null;
  return { gapDays, error: query.error, retry: () => void query.refetch() };
}
