/**
 * `/reports` (ANALYTICS.md "Reports") as exact integer figures per window and bucket, in one
 * statement (one snapshot) over the per-customer rollups, exact now (rollup-source.ts):
 *
 * - events, revenue, activeCustomers: per customer and window from the running sums of its
 *   active-day array and the per-day first and last times at the cut days (window-figures.ts),
 *   so one row per customer and window (and per customer and day for the series): distinct
 *   customers are plain counts, and no window's events are read.
 * - newCustomers: firstSeenAt of the rollup rows (deleted customers included, like their events).
 * - churnedCustomers: the last event of an active day is followed by a gap of more than churnDays
 *   exactly when the next active day's first event comes later than its time + churnDays; the
 *   per-day first and last times make every moment exact without reading events. Only days whose
 *   moment can fall in the windows are sliced out.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../types';
import { bucketOf, DAY_MS, dayOf, interiorDays, touchingDays } from './report-days';
import type { MetricCounts, ReportFigures, ReportQuery } from './report-types';
import { cohortRows } from './rollup-source';
import { withAnalyticsTransaction } from './statement';
import { daysSum, edgeCte, windowOf } from './window-figures';

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

/**
 * Activity CTEs over the rollups (window-figures.ts): `edge` (the cut days), `pc` (each
 * customer's events and revenue in W and in P: one row per customer, so active customers are a
 * plain count) and `ad` (customer, day, n, rev) for the days of W, one row per customer and day.
 */
function activityCtes(envId: string, q: ReportQuery) {
  const w = interiorDays(q.window);
  const p = interiorDays(q.previous);
  const from = Math.min(touchingDays(q.previous).lo, touchingDays(q.window).lo);
  const interior =
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
  ${edgeCte(envId, q.window, q.previous)},
  eg as (
    select customer_id, sum(nw) as nw, sum(revw) as revw, sum(np) as np, sum(revp) as revp from edge group by customer_id
  ),
  pc as (
    select ${daysSum('day_events', w)} + coalesce(eg.nw, 0) as nw, ${daysSum('day_revenue', w)} + coalesce(eg.revw, 0) as revw,
      ${daysSum('day_events', p)} + coalesce(eg.np, 0) as np, ${daysSum('day_revenue', p)} + coalesce(eg.revp, 0) as revp
    from src s left join eg on eg.customer_id = s.customer_id
    where s.last_event_at >= ${ts(from * DAY_MS)}
  ),
  ad as (
    ${interior}
    select customer_id, day, nw, revw from edge where nw > 0
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
    select customer_id, at, ${windowOf(sql.ref('at'), q.window, q.previous)} as win from cm0 where at <= ${ts(q.now.getTime())}
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
    parts.push(sql`select 'W', null::int, sum(nw)::float8, (count(*) filter (where nw > 0))::int, null::int, null::int, sum(revw)::float8
      from pc`);
    parts.push(sql`select 'P', null::int, sum(np)::float8, (count(*) filter (where np > 0))::int, null::int, null::int, sum(revp)::float8
      from pc`);
    // A day bucket has one row per customer; a week groups (week, customer) first, so each customer counts once.
    const days =
      q.interval === 'day'
        ? sql`select day as b, n, rev from ad`
        : sql`select ${bucket(sql.ref('day'))} as b, sum(n) as n, sum(rev) as rev from ad group by 1, customer_id`;
    parts.push(sql`select 'S', b, sum(n)::float8, count(*)::int, null::int, null::int, sum(rev)::float8 from (${days}) x group by b`);
  }
  if (fresh) {
    ctes.push(sql`nc as (select first_seen_at, ${windowOf(sql.ref('first_seen_at'), q.window, q.previous)} as win from src)`);
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
