/**
 * What cohort queries read: exact now, without scanning raw events beyond the recent tail.
 * Customers with no pending mark are read from their stored rollup row; customers that still
 * have one (a write the drain has not reached yet) get their row computed from their events by
 * the same SQL the drain stores (rollup-sql.ts). One statement, so one snapshot: a mark is
 * cleared only after its customer's row was stored from a snapshot that saw the write
 * (refresh-rollups.ts), so the two halves never miss or double-count a customer.
 */
import { sql } from 'kysely';
import { rollupRows } from './rollup-sql';
import type { AcquisitionWindow, CohortGroupBy } from './types';

const COLUMNS = sql`customer_id, first_seen_at, source, campaign, last_event_at, week_active, month_active, week_revenue,
  month_revenue, active_days, day_events, day_revenue, day_first, day_last`;

export function cohortRows(envId: string, window: AcquisitionWindow) {
  const start = window.start ? sql`and r.first_seen_at >= ${window.start.toISOString()}::timestamptz` : sql``;
  const end = window.end ? sql`and r.first_seen_at < ${window.end.toISOString()}::timestamptz` : sql``;
  const firstSeen = { start: window.start ?? undefined, end: window.end ?? undefined };
  return sql`
    select ${COLUMNS} from customer_rollups r
    where r.environment_id = ${envId} ${start} ${end}
      -- The first test runs once (an InitPlan): with no pending mark, the usual case, no row probes the queue.
      and (not exists (select 1 from score_refresh_queue q where q.environment_id = ${envId})
        or not exists (select 1 from score_refresh_queue q where q.environment_id = ${envId} and q.customer_id = r.customer_id))
    union all
    select ${COLUMNS} from (${rollupRows(envId, { marked: true, firstSeen })}) fresh`;
}

/** The cohort a row belongs to, as a grouping key; `cohortLabel` turns the key into the answer's text. */
export function cohortKey(groupBy: CohortGroupBy) {
  switch (groupBy) {
    case 'month':
      return sql`date_trunc('month', first_seen_at at time zone 'UTC')`;
    case 'week':
      // date_trunc('week') is the ISO week's Monday.
      return sql`date_trunc('week', first_seen_at at time zone 'UTC')`;
    case 'campaign':
      return sql`coalesce(campaign, '(none)')`;
    case 'source':
      return sql`coalesce(source, '(none)')`;
  }
}

export function cohortLabel(groupBy: CohortGroupBy, key: ReturnType<typeof sql.ref>) {
  if (groupBy === 'month') return sql`to_char(${key}, 'YYYY-MM')`;
  if (groupBy === 'week') return sql`to_char(${key}, 'YYYY-MM-DD')`;
  return sql`${key}`;
}

/** Epoch seconds of an instant as an exact numeric (milliseconds, as JS holds them). */
export function epochOf(at: Date) {
  return sql`(${String(at.getTime())}::numeric / 1000)`;
}

/** Sums the rows of (cohort, e) groups into per-cohort arrays where index k counts groups with e > k. */
export function suffixSums(groups: { e: number; values: number[] }[], length: number): number[] {
  const out = new Array<number>(length).fill(0);
  for (const g of groups) for (let k = 0; k < Math.min(g.e, length); k++) out[k] = (out[k] ?? 0) + (g.values[k] ?? 0);
  return out;
}
