/**
 * Event counts and revenue of every customer over two windows (W and P: a report and the one
 * before it, or calibration's last 30 days and the 30 before), from the per-customer rollups of a
 * CTE named `src` (rollup-source.ts), without reading the windows' events:
 *
 * - days wholly inside a window: differences of the running sums at two binary searches
 *   (`width_bucket`) of the active-day array;
 * - the days a window boundary cuts (edge days): when the customer's first and last event of that
 *   day lie on the same side of every boundary, all of the day's events share that side (windows
 *   are intervals), so the day's count and revenue go to the window its first event is in; only a
 *   customer whose day straddles a boundary reads that day's events (one index range of
 *   events_env_customer_eff_idx). Raw reads of whole edge days cost one random heap page per
 *   event wherever events are not stored in time order; these are a handful of customers.
 *
 * CTE `edge`: (customer_id, day, nw, revw, np, revp, lastw) per customer with events on an edge
 * day — the day's events and revenue in W and in P, and its latest event time in W.
 */
import { type RawBuilder, sql } from 'kysely';
import { DAY_MS, type DayRange, edgeDays, inWindow } from './report-days';
import type { ReportWindow } from './report-types';

const ts = (ms: number) => sql`${new Date(ms).toISOString()}::timestamptz`;

/** Σ of a running-sum array of `s` over the whole days [r.lo, r.hi] (0 when the range is empty). */
export function daysSum(column: 'day_events' | 'day_revenue', r: DayRange) {
  if (r.lo > r.hi) return sql`0`;
  const col = sql.ref(`s.${column}`);
  return sql`(coalesce(${col}[width_bucket(${r.hi}::int, s.active_days)], 0) - coalesce(${col}[width_bucket(${r.lo - 1}::int, s.active_days)], 0))`;
}

/** 'W', 'P' or null for a timestamptz. */
export function windowOf(expr: RawBuilder<unknown>, w: ReportWindow, p: ReportWindow) {
  return sql`case when ${inWindow(expr, w)} then 'W' when ${inWindow(expr, p)} then 'P' end`;
}

export function edgeCte(envId: string, w: ReportWindow, p: ReportWindow) {
  const days = edgeDays([w, p]);
  if (days.length === 0)
    return sql`edge as (select null::text as customer_id, null::int as day, 0::bigint as nw, 0::bigint as revw, 0::bigint as np,
      0::bigint as revp, null::timestamptz as lastw where false)`;
  const bounds = [...new Set([w.start, w.end, p.start, p.end].map((d) => d.getTime()))];
  const straddles = sql`(${sql.join(
    bounds.map((b) => sql`(y.first_at <= ${ts(b)} and ${ts(b)} <= y.last_at)`),
    sql` or `,
  )})`;
  const eff = sql.ref('e.effective_at');
  // The straddling day's own events: its first to its last effective time.
  const dayEvents = sql`from events e
    where e.environment_id = ${envId} and e.customer_id = y.customer_id and e.effective_at >= y.first_at and e.effective_at <= y.last_at`;
  return sql`
  edge as (
    select x.customer_id, x.day,
      case when x.raw is not null then x.raw[1] when x.side = 'W' then x.n else 0 end as nw,
      case when x.raw is not null then x.raw[2] when x.side = 'W' then x.rev else 0 end as revw,
      case when x.raw is not null then x.raw[3] when x.side = 'P' then x.n else 0 end as np,
      case when x.raw is not null then x.raw[4] when x.side = 'P' then x.rev else 0 end as revp,
      case when x.raw is not null then x.raw_last when x.side = 'W' then x.last_at end as lastw
    from (
      select y.*, ${windowOf(sql.ref('y.first_at'), w, p)} as side,
        -- The subqueries run only for a day that straddles a boundary (a CASE evaluates lazily).
        case when ${straddles} then (
          select array[count(*) filter (where ${inWindow(eff, w)}), coalesce(sum(e.revenue_minor) filter (where ${inWindow(eff, w)}), 0),
            count(*) filter (where ${inWindow(eff, p)}), coalesce(sum(e.revenue_minor) filter (where ${inWindow(eff, p)}), 0)]::bigint[]
          ${dayEvents}
        ) end as raw,
        case when ${straddles} then (select max(e.effective_at) ${dayEvents} and ${inWindow(eff, w)}) end as raw_last
      from (
        select s.customer_id, d.day, s.day_first[i.i] as first_at, s.day_last[i.i] as last_at,
          s.day_events[i.i] - coalesce(s.day_events[i.i - 1], 0) as n, s.day_revenue[i.i] - coalesce(s.day_revenue[i.i - 1], 0) as rev
        from src s
        cross join unnest(array[${sql.join(days.map((d) => sql`${d}::int`))}]) d(day)
        cross join lateral (select width_bucket(d.day, s.active_days) as i offset 0) i
        where s.last_event_at >= ${ts((days[0] as number) * DAY_MS)} and s.active_days[i.i] = d.day
      ) y
    ) x
  )`;
}
