/**
 * The per-customer rollup row computed from a customer's events: the only place it is defined.
 * The background drain stores it (refresh-rollups.ts) and the cohort queries compute it on the
 * fly for customers whose stored row may be stale (rollup-source.ts), so a stored row and the
 * raw events can never disagree about what a row means.
 *
 * Row: cohort keys (first_seen_at, source, campaign), last_event_at, bitmasks of the customer's
 * own 7- and 30-day periods with events (bit k, k < 52), revenue per such period (array element
 * k + 1, minor units), and the UTC days with events with running event counts and revenue and
 * the first and last effective time of each of those days.
 * Periods are `floor((effective_at − first_seen_at) / L)`, computed in numeric seconds (exact).
 */
import { type RawBuilder, sql } from 'kysely';

/** Periods kept per customer: `periods` is at most 52 (REST.md), LTV `months` at most 36. */
export const MAX_PERIODS = 52;
export const WEEK_SECONDS = 7 * 86_400;
export const MONTH_SECONDS = 30 * 86_400;

/** The customers a rollup is computed for: these ids, or those with a pending mark (the fresh tail). */
export type RollupSet = { customerIds: string[] } | { marked: true; firstSeen?: { start?: Date; end?: Date } };

function setFilter(envId: string, set: RollupSet) {
  if ('customerIds' in set) return sql`c.id in (select jsonb_array_elements_text(${JSON.stringify(set.customerIds)}::jsonb))`;
  const start = set.firstSeen?.start ? sql`and c.first_seen_at >= ${set.firstSeen.start.toISOString()}::timestamptz` : sql``;
  const end = set.firstSeen?.end ? sql`and c.first_seen_at < ${set.firstSeen.end.toISOString()}::timestamptz` : sql``;
  return sql`c.id in (select q.customer_id from score_refresh_queue q where q.environment_id = ${envId}) ${start} ${end}`;
}

/** Dense per-period revenue arrays (element k + 1 = period k) from (id, k, rev) rows. */
function denseArray(periodRows: RawBuilder<unknown>) {
  return sql`
    select m.id, array_agg(coalesce(p.rev, 0)::bigint order by g.k) as arr
    from (select id, max(k) as mx from ${periodRows} x group by id) m
    cross join lateral generate_series(0, m.mx) g(k)
    left join ${periodRows} p on p.id = m.id and p.k = g.k
    group by m.id`;
}

/**
 * A `select` of rollup rows (columns as in `customer_rollups`, without environment_id) for a set
 * of customers, deleted ones included, as of the statement's snapshot.
 */
export function rollupRows(envId: string, set: RollupSet) {
  return sql`
    with rk as materialized (
      select c.id, c.first_seen_at, c.acq_source, c.acq_campaign
      from customers c
      where c.environment_id = ${envId} and ${setFilter(envId, set)}
    ),
    re as materialized (
      select rk.id, e.effective_at, e.revenue_minor,
        floor(x.secs / ${WEEK_SECONDS})::int as wk,
        floor(x.secs / ${MONTH_SECONDS})::int as mk,
        floor(extract(epoch from e.effective_at) / 86400)::int as day
      from rk
      join events e on e.environment_id = ${envId} and e.customer_id = rk.id
      cross join lateral (select extract(epoch from e.effective_at) - extract(epoch from rk.first_seen_at) as secs) x
    ),
    rb as materialized (
      select id, max(effective_at) as last_at,
        coalesce(bit_or(1::bigint << wk) filter (where wk < ${MAX_PERIODS}), 0) as wa,
        coalesce(bit_or(1::bigint << mk) filter (where mk < ${MAX_PERIODS}), 0) as ma
      from re group by id
    ),
    rpw as materialized (
      select id, wk as k, sum(revenue_minor) as rev from re
      where revenue_minor is not null and wk < ${MAX_PERIODS} group by id, wk
    ),
    rpm as materialized (
      select id, mk as k, sum(revenue_minor) as rev from re
      where revenue_minor is not null and mk < ${MAX_PERIODS} group by id, mk
    ),
    rwa as materialized (${denseArray(sql`rpw`)}),
    rma as materialized (${denseArray(sql`rpm`)}),
    rd as materialized (
      select id, array_agg(day order by day) as days, array_agg(n::int order by day) as n, array_agg(rev::bigint order by day) as rev,
        array_agg(first_at order by day) as day_first, array_agg(last_at order by day) as day_last
      from (
        select id, day, sum(count(*)) over w as n, sum(coalesce(sum(revenue_minor), 0)) over w as rev,
          min(effective_at) as first_at, max(effective_at) as last_at
        from re group by id, day
        window w as (partition by id order by day)
      ) x
      group by id
    )
    select rk.id as customer_id, rk.first_seen_at, rk.acq_source as source, rk.acq_campaign as campaign,
      rb.last_at as last_event_at, coalesce(rb.wa, 0) as week_active, coalesce(rb.ma, 0) as month_active,
      rwa.arr as week_revenue, rma.arr as month_revenue, rd.days as active_days, rd.n as day_events, rd.rev as day_revenue,
      rd.day_first, rd.day_last
    from rk
    left join rb on rb.id = rk.id
    left join rwa on rwa.id = rk.id
    left join rma on rma.id = rk.id
    left join rd on rd.id = rk.id`;
}
