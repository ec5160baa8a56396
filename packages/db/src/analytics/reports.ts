/**
 * `/reports` (ANALYTICS.md "Reports") as exact integer figures per window and bucket, in one
 * statement (one snapshot) over the per-customer rollups, exact now (rollup-source.ts):
 *
 * - events, revenue and activeCustomers: one pass over the rollup rows (report-activity.ts) — per
 *   customer and window from the running sums of its active-day array and the per-day first and
 *   last times at the cut days (window-figures.ts), one row per customer and day for the series,
 *   so distinct customers are plain counts and no window's events are read;
 * - churn moments: a second pass over the rollup rows, at the customers' active days followed by
 *   a gap longer than churnDays;
 * - newCustomers: firstSeenAt from customers_env_first_seen_idx (deleted customers included, like
 *   their events), and customers without events' churn moments (firstSeenAt + churnDays) likewise.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../types';
import { activityCte, churnCandidateDays, churnSpan } from './report-activity';
import { bucketOf, DAY_MS, dayOf } from './report-days';
import type { MetricCounts, ReportFigures, ReportQuery } from './report-types';
import { cohortRows } from './rollup-source';
import { withAnalyticsTransaction } from './statement';
import { windowOf } from './window-figures';

interface Row {
  /** W / P: a window's totals; S: a bucket (and, from the activity part, its share of both windows' totals in the w_… and p_… columns). */
  kind: 'W' | 'P' | 'S';
  day: number | null;
  events: number | null;
  active: number | null;
  fresh: number | null;
  churned: number | null;
  revenue: number | null;
  wEvents: number | null;
  wActive: number | null;
  wRevenue: number | null;
  pEvents: number | null;
  pActive: number | null;
  pRevenue: number | null;
}

const ts = (ms: number) => sql`${new Date(ms).toISOString()}::timestamptz`;

/** The window totals columns of the activity part, empty in the other parts. */
const NO_TOTALS = sql`, null::float8, null::int, null::float8, null::float8, null::int, null::float8`;

/**
 * (customer_id, at, win): churn moments up to now that can fall in either window, from a pass of
 * their own over the rollup rows (a churn event is the last event of an active day when the next
 * active day's first event comes more than churnDays later, or when that day is the customer's
 * last), and those of customers without events (a range of customers_env_first_seen_idx).
 */
function churnCtes(q: ReportQuery) {
  const span = churnSpan(q);
  const { lo, hi } = churnCandidateDays(q);
  const moments = sql`
      select s.customer_id, s.day_last[g.i] + ${span} as at
      from (
        select s.customer_id, s.day_first, s.day_last, array_length(s.active_days, 1) as len,
          width_bucket(${lo - 1}::int, s.active_days) + 1 as c_lo, width_bucket(${hi}::int, s.active_days) as c_hi
        -- Only customers with an active day in [lo, hi]: last event on or after lo, first seen before hi ends.
        from src s where s.last_event_at >= ${ts(lo * DAY_MS)} and s.first_seen_at < ${ts((hi + 1) * DAY_MS)} offset 0
      ) s
      cross join lateral generate_series(s.c_lo, s.c_hi) g(i)
      where g.i = s.len or s.day_first[g.i + 1] > s.day_last[g.i] + ${span}`;
  return sql`
  cm0 as (
    ${moments}
    union all
    select c.id, c.first_seen_at + ${span} from customers c
    where c.environment_id = ${q.envId} and c.last_event_at is null
      and c.first_seen_at >= ${ts(lo * DAY_MS)} and c.first_seen_at < ${ts((hi + 1) * DAY_MS)}
  ),
  cm as (
    select customer_id, at, ${windowOf(sql.ref('at'), q.window, q.previous)} as win from cm0 where at <= ${ts(q.now.getTime())}
  )`;
}

/** The statement's CTEs and its parts: (kind, day, events, active, fresh, churned, revenue) rows, unioned. */
function statement(q: ReportQuery) {
  const want = new Set(q.metrics);
  const activity = want.has('events') || want.has('activeCustomers') || want.has('revenue');
  const churn = want.has('churnedCustomers');
  const bucket = (day: RawBuilder<unknown>) => bucketOf(day, q.interval);
  // Inlined where it is read (a plain scan of the rollups is cheaper than storing their arrays once).
  const ctes: RawBuilder<unknown>[] = [
    sql`src as not materialized (
      select r.customer_id, r.first_seen_at, r.last_event_at, r.active_days, r.day_events, r.day_revenue, r.day_first, r.day_last
      from (${cohortRows(q.envId, { start: null, end: null })}) r
    )`,
  ];
  const parts: RawBuilder<unknown>[] = [];
  if (activity) {
    ctes.push(activityCte(q.envId, q));
    // One hash aggregate over `act` by bucket: the bucket's figures, and the windows' totals from
    // each customer's first row (W's in the w_ columns, P's in the p_ ones), summed over the
    // buckets in JS — a () grouping set would make the planner sort every row.
    parts.push(sql`select 'S', b, coalesce(sum(n), 0)::float8, count(c)::int, null::int, null::int, coalesce(sum(rev), 0)::float8,
        sum(tnw)::float8, count(taw)::int, sum(trw)::float8, sum(tnp)::float8, count(tap)::int, sum(trp)::float8
      from act group by b`);
  }
  if (want.has('newCustomers')) {
    const lo = Math.min(q.previous.start.getTime(), q.window.start.getTime());
    const hi = Math.max(q.previous.end.getTime(), q.window.end.getTime());
    ctes.push(sql`nc as (
      select c.first_seen_at, ${windowOf(sql.ref('c.first_seen_at'), q.window, q.previous)} as win
      from customers c
      where c.environment_id = ${q.envId} and c.first_seen_at >= ${ts(lo)} and c.first_seen_at <= ${ts(hi)}
    )`);
    parts.push(sql`select win, null::int, null::float8, null::int, count(*)::int, null::int, null::float8 ${NO_TOTALS}
      from nc where win is not null group by win`);
    parts.push(sql`select 'S', ${bucket(dayOf(sql.ref('first_seen_at')))}, null::float8, null::int, count(*)::int, null::int, null::float8
      ${NO_TOTALS} from nc where win = 'W' group by 2`);
  }
  if (churn) {
    ctes.push(churnCtes(q));
    parts.push(sql`select win, null::int, null::float8, null::int, null::int, count(*)::int, null::float8 ${NO_TOTALS}
      from (select distinct win, customer_id from cm where win is not null) x group by win`);
    parts.push(sql`select 'S', b, null::float8, null::int, null::int, count(*)::int, null::float8 ${NO_TOTALS}
      from (select distinct ${bucket(dayOf(sql.ref('at')))} as b, customer_id from cm where win = 'W') x group by b`);
  }
  return { ctes, parts };
}

const empty = (): MetricCounts => ({ events: 0, activeCustomers: 0, newCustomers: 0, churnedCustomers: 0, revenueMinor: 0 });

export async function report(db: Kysely<DB>, q: ReportQuery, timeoutMs?: number): Promise<ReportFigures> {
  const figures: ReportFigures = { totals: empty(), previous: empty(), series: [] };
  const { ctes, parts } = statement(q);
  if (parts.length === 0) return figures;
  const rows = await withAnalyticsTransaction(
    db,
    async (trx) =>
      (
        await sql<Row>`
        with ${sql.join(ctes, sql`, `)}
        select x.* from (${sql.join(parts, sql` union all `)})
          as x(kind, day, events, active, fresh, churned, revenue, w_events, w_active, w_revenue, p_events, p_active, p_revenue)`.execute(
          trx,
        )
      ).rows,
    timeoutMs,
    // Hash aggregates over one row per customer and day stay in memory. No sorts: the planner
    // takes each customer's generate_series for 1,000 rows (its bounds are columns), expects
    // ~10^7 rows in ~10^5 buckets and would sort them all for a group aggregate; the real answer
    // is a few rows per customer in at most one bucket per day of the window (−100 ms at 1M events).
    { workMem: '64MB', enableSort: false },
  );
  const series = new Map<number, MetricCounts & { day: number }>();
  for (const r of rows) {
    // The activity part's per-bucket shares of the windows' totals (null in the other parts).
    figures.totals.events += Number(r.wEvents ?? 0);
    figures.totals.activeCustomers += Number(r.wActive ?? 0);
    figures.totals.revenueMinor += Number(r.wRevenue ?? 0);
    figures.previous.events += Number(r.pEvents ?? 0);
    figures.previous.activeCustomers += Number(r.pActive ?? 0);
    figures.previous.revenueMinor += Number(r.pRevenue ?? 0);
    if (r.kind === 'S' && r.day === null) continue;
    let target = r.kind === 'W' ? figures.totals : r.kind === 'P' ? figures.previous : undefined;
    if (!target) {
      const day = Number(r.day);
      target = series.get(day) ?? { day, ...empty() };
      series.set(day, target as MetricCounts & { day: number });
    }
    target.events += Number(r.events ?? 0);
    target.activeCustomers += Number(r.active ?? 0);
    target.newCustomers += Number(r.fresh ?? 0);
    target.churnedCustomers += Number(r.churned ?? 0);
    target.revenueMinor += Number(r.revenue ?? 0);
  }
  figures.series = [...series.values()].sort((a, b) => a.day - b.day);
  return figures;
}
