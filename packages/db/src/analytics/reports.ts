/**
 * `/reports` (ANALYTICS.md "Reports") as exact integer figures per window and bucket, in one
 * statement (one snapshot) over the per-customer rollups, exact now (rollup-source.ts):
 *
 * - events, revenue, activeCustomers: days wholly inside a window come from each customer's
 *   active-day array (a slice found by binary search, per-day counts and revenue as differences
 *   of the running sums); the partly covered days at the windows' edges from the raw events of
 *   those days alone, with the window's exact predicate. The two sources give one row per
 *   (customer, day, window), so distinct customers per bucket and per window are exact.
 * - newCustomers: firstSeenAt of the rollup rows (deleted customers included, like their events).
 * - churnedCustomers: the last event of an active day is followed by a gap of more than churnDays
 *   exactly when the next active day's first event comes later than its time + churnDays; the
 *   per-day first and last times make every moment exact without reading events. Only days whose
 *   moment can fall in the windows are sliced out.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../types';
import { bucketOf, DAY_MS, type DayRange, dayOf, edgeDays, inWindow, interiorDays, onDays, touchingDays } from './report-days';
import type { MetricCounts, ReportFigures, ReportQuery } from './report-types';
import { cohortRows } from './rollup-source';
import { withAnalyticsTransaction } from './statement';

interface Row {
  kind: 'W' | 'P' | 'S';
  day: number | null;
  events: number | null;
  active: number | null;
  fresh: number | null;
  churned: number | null;
  revenue: number | null;
}

const ts = (ms: number) => sql`${new Date(ms).toISOString()}::timestamptz`;

/** Which window a timestamptz falls in: 'W', 'P' or null. */
function windowOf(expr: RawBuilder<unknown>, q: ReportQuery) {
  return sql`case when ${inWindow(expr, q.window)} then 'W' when ${inWindow(expr, q.previous)} then 'P' end`;
}

/** Σ of a running-sum array over the whole days [lo, hi] of `s.active_days` (two binary searches). */
function daysSum(column: 'day_events' | 'day_revenue', r: DayRange) {
  const col = sql.ref(`s.${column}`);
  return sql`(coalesce(${col}[width_bucket(${r.hi}::int, s.active_days)], 0) - coalesce(${col}[width_bucket(${r.lo - 1}::int, s.active_days)], 0))`;
}

/**
 * Activity CTEs: `ae` (customer_id, day, win, n, rev) from the raw events of the edge days;
 * `ac` (win, customer_id, n, rev) per customer and window — the interior days by two binary
 * searches per customer, plus its edge-day events; `ad` (customer_id, day, n, rev) per customer
 * and day of the window for the series — the interior days sliced out of the array.
 */
function activityCtes(envId: string, q: ReportQuery) {
  const eff = sql.ref('e.effective_at');
  const interior = (win: 'W' | 'P', r: DayRange) =>
    sql`select s.customer_id, ${win} as win, ${daysSum('day_events', r)} as n, ${daysSum('day_revenue', r)} as rev
      from src s where s.last_event_at >= ${ts(r.lo * DAY_MS)}`;
  const w = interiorDays(q.window);
  const p = interiorDays(q.previous);
  const parts = [
    ...(w.lo <= w.hi ? [interior('W', w)] : []),
    ...(p.lo <= p.hi ? [interior('P', p)] : []),
    sql`select customer_id, win, n, rev from ae`,
  ];
  const days =
    w.lo <= w.hi
      ? sql`
      select s.customer_id, s.active_days[g.i] as day,
        s.day_events[g.i] - coalesce(s.day_events[g.i - 1], 0) as n, s.day_revenue[g.i] - coalesce(s.day_revenue[g.i - 1], 0) as rev
      from src s
      cross join lateral generate_series(width_bucket(${w.lo - 1}::int, s.active_days) + 1, width_bucket(${w.hi}::int, s.active_days)) g(i)
      where s.last_event_at >= ${ts(w.lo * DAY_MS)}
      union all`
      : sql``;
  return sql`
  ae as (
    select e.customer_id, ${dayOf(eff)} as day, x.win, count(*)::bigint as n, coalesce(sum(e.revenue_minor), 0)::bigint as rev
    from events e
    cross join lateral (select ${windowOf(eff, q)} as win) x
    where e.environment_id = ${envId} and ${onDays(eff, edgeDays([q.window, q.previous]))} and x.win is not null
    group by 1, 2, 3
  ),
  ac as (
    select win, customer_id, sum(n) as n, sum(rev) as rev from (${sql.join(parts, sql` union all `)}) x
    where n > 0 group by win, customer_id
  ),
  ad as (
    ${days}
    select customer_id, day, n, rev from ae where win = 'W'
  )`;
}

/** (customer_id, at): churn moments that can fall in either window, up to now. */
function churnCte(q: ReportQuery) {
  const span = sql`make_interval(secs => ${q.churnDays * 86_400})`;
  const lo = Math.min(touchingDays(q.previous).lo, touchingDays(q.window).lo) - q.churnDays;
  const hi = Math.max(touchingDays(q.previous).hi, touchingDays(q.window).hi) - q.churnDays;
  return sql`
  cm0 as (
    select s.customer_id, s.day_last[g.i] + ${span} as at
    from src s
    cross join lateral generate_series(width_bucket(${lo - 1}::int, s.active_days) + 1, width_bucket(${hi}::int, s.active_days)) g(i)
    where s.last_event_at >= ${ts(lo * DAY_MS)}
      and (g.i = array_length(s.active_days, 1) or s.day_first[g.i + 1] > s.day_last[g.i] + ${span})
    union all
    select s.customer_id, s.first_seen_at + ${span} from src s where s.last_event_at is null
  ),
  cm as (
    select customer_id, at, ${windowOf(sql.ref('at'), q)} as win from cm0 where at <= ${ts(q.now.getTime())}
  )`;
}

export async function report(db: Kysely<DB>, q: ReportQuery, timeoutMs?: number): Promise<ReportFigures> {
  const want = new Set(q.metrics);
  const activity = want.has('events') || want.has('activeCustomers') || want.has('revenue');
  const fresh = want.has('newCustomers');
  const churn = want.has('churnedCustomers');
  const bucket = (day: RawBuilder<unknown>) => bucketOf(day, q.interval);
  const parts: RawBuilder<unknown>[] = [];
  // Materialized once (in memory: see work_mem below), read by every part.
  const ctes: RawBuilder<unknown>[] = [sql`src as materialized (${cohortRows(q.envId, { start: null, end: null })})`];
  if (activity) {
    ctes.push(activityCtes(q.envId, q));
    // Distinct customers by grouping on (group, customer) first: hash aggregates, no sort.
    parts.push(sql`select win, null::int, sum(n)::float8, count(*)::int, null::int, null::int, sum(rev)::float8 from ac group by win`);
    parts.push(sql`select 'S', b, sum(n)::float8, count(*)::int, null::int, null::int, sum(rev)::float8 from (
        select ${bucket(sql.ref('day'))} as b, customer_id, sum(n) as n, sum(rev) as rev from ad where n > 0 group by 1, 2
      ) x group by b`);
  }
  if (fresh) {
    ctes.push(sql`nc as (select first_seen_at, ${windowOf(sql.ref('first_seen_at'), q)} as win from src)`);
    parts.push(sql`select win, null::int, null::float8, null::int, count(*)::int, null::int, null::float8
      from nc where win is not null group by win`);
    parts.push(sql`select 'S', ${bucket(dayOf(sql.ref('first_seen_at')))}, null::float8, null::int, count(*)::int, null::int, null::float8
      from nc where win = 'W' group by 2`);
  }
  if (churn) {
    ctes.push(churnCte(q));
    parts.push(sql`select win, null::int, null::float8, null::int, null::int, count(*)::int, null::float8
      from (select distinct win, customer_id from cm where win is not null) x group by win`);
    parts.push(sql`select 'S', b, null::float8, null::int, null::int, count(*)::int, null::float8
      from (select distinct ${bucket(dayOf(sql.ref('at')))} as b, customer_id from cm where win = 'W') x group by b`);
  }
  const empty = (): MetricCounts => ({ events: 0, activeCustomers: 0, newCustomers: 0, churnedCustomers: 0, revenueMinor: 0 });
  const figures: ReportFigures = { totals: empty(), previous: empty(), series: [] };
  if (parts.length === 0) return figures;
  const rows = await withAnalyticsTransaction(
    db,
    async (trx) => {
      // The rollup rows (~0.3 KB each) are kept in memory between the parts: 50,000 customers fit in 64 MB.
      await sql`select set_config('work_mem', '64MB', true)`.execute(trx);
      return (
        await sql<Row>`
        with ${sql.join(ctes, sql`, `)}
        select x.* from (${sql.join(parts, sql` union all `)}) as x(kind, day, events, active, fresh, churned, revenue)`.execute(trx)
      ).rows;
    },
    timeoutMs,
  );
  const series = new Map<number, MetricCounts & { day: number }>();
  for (const r of rows) {
    const into = r.kind === 'W' ? figures.totals : r.kind === 'P' ? figures.previous : undefined;
    let target: MetricCounts;
    if (into) target = into;
    else {
      const day = Number(r.day);
      let point = series.get(day);
      if (!point) {
        point = { day, ...empty() };
        series.set(day, point);
      }
      target = point;
    }
    if (r.events !== null) target.events += Number(r.events);
    if (r.active !== null) target.activeCustomers += Number(r.active);
    if (r.fresh !== null) target.newCustomers += Number(r.fresh);
    if (r.churned !== null) target.churnedCustomers += Number(r.churned);
    if (r.revenue !== null) target.revenueMinor += Number(r.revenue);
  }
  figures.series = [...series.values()].sort((a, b) => a.day - b.day);
  return figures;
}
