/**
 * The PostgreSQL baselines of the analytics benchmark: the plain SQL an expert writes for the
 * same answers over the raw events table (with the indexes events already have). Each returns the
 * figures per cohort and period that the API's answer is formatted from, so the numbers compare.
 */
import type { TLtvCohortCounts, TRetentionCohortCounts } from '@tenure/contract';
import type pg from 'pg';

const DAY_MS = 86_400_000;

export interface RetentionCase {
  groupBy: 'week' | 'month' | 'campaign' | 'source';
  criteria: 'on' | 'on_or_after';
  metric: 'customers' | 'revenue';
  periods: number;
}

export interface LtvCase {
  groupBy: 'month' | 'campaign' | 'source';
  months: number;
}

export interface LtvSettings {
  activeDays: number;
  churnDays: number;
}

/** The cohort label of a customers row (PostgreSQL). */
function cohortSql(groupBy: RetentionCase['groupBy']): string {
  if (groupBy === 'month') return `to_char(first_seen_at at time zone 'UTC', 'YYYY-MM')`;
  if (groupBy === 'week') return `to_char(date_trunc('week', first_seen_at at time zone 'UTC'), 'YYYY-MM-DD')`;
  return `coalesce(${groupBy === 'campaign' ? 'acq_campaign' : 'acq_source'}, '(none)')`;
}

type RetentionRow = { cohort: string; k: number; n: number; eligible: number; x: number; base: number };

/** Rows per (cohort, k) → one entry per cohort with arrays indexed by k. */
export function foldRetention(rows: RetentionRow[], periods: number): TRetentionCohortCounts[] {
  const by = new Map<string, TRetentionCohortCounts>();
  for (const r of rows) {
    let c = by.get(r.cohort);
    if (!c) {
      const zeros = () => new Array<number>(periods).fill(0);
      c = { cohort: r.cohort, size: r.n, eligible: zeros(), active: zeros(), revenue: zeros(), base: zeros() };
      by.set(r.cohort, c);
    }
    c.eligible[r.k] = r.eligible;
    c.active[r.k] = r.x;
    c.revenue[r.k] = r.x;
    c.base[r.k] = r.base;
  }
  return [...by.values()];
}

/** Retention over the raw events: each customer's periods with events (or revenue), against every (customer, k). */
export async function rawRetention(pool: pg.Pool, envId: string, q: RetentionCase, now: Date): Promise<TRetentionCohortCounts[]> {
  const L = (q.groupBy === 'week' ? 7 : 30) * 86_400;
  const perCustomer =
    q.metric === 'revenue'
      ? `select customer_id, k, sum(revenue_minor) as rev from ek where revenue_minor is not null group by 1, 2`
      : q.criteria === 'on'
        ? `select distinct customer_id, k from ek`
        : `select customer_id, max(k) as k from ek group by 1`;
  const x =
    q.metric === 'revenue'
      ? `coalesce(sum(a.rev) filter (where g.k < c.started), 0)`
      : q.criteria === 'on'
        ? `count(a.customer_id) filter (where g.k < c.started)`
        : `count(*) filter (where g.k < c.started and a.k >= g.k)`;
  const on = q.metric === 'revenue' || q.criteria === 'on' ? `a.customer_id = c.id and a.k = g.k` : `a.customer_id = c.id`;
  const { rows } = await pool.query<RetentionRow>(
    `with c as (
       select id, first_seen_at, ${cohortSql(q.groupBy)} as cohort,
         floor(($2::numeric - extract(epoch from first_seen_at)) / $3) + 1 as started
       from customers where environment_id = $1
     ),
     ek as (
       select e.customer_id, e.revenue_minor,
         floor((extract(epoch from e.effective_at) - extract(epoch from c.first_seen_at)) / $3)::int as k
       from events e join c on c.id = e.customer_id where e.environment_id = $1
     ),
     a as (${perCustomer}),
     b as (select customer_id, sum(revenue_minor) as rev0 from ek where k = 0 and revenue_minor is not null group by 1)
     select c.cohort, g.k, count(*)::int as n, count(*) filter (where g.k < c.started)::int as eligible,
       (${x})::float8 as x, coalesce(sum(b.rev0) filter (where g.k < c.started), 0)::float8 as base
     from c cross join generate_series(0, $4 - 1) g(k)
     left join a on ${on}
     left join b on b.customer_id = c.id
     group by 1, 2`,
    [envId, String(now.getTime() / 1000), L, q.periods],
  );
  return foldRetention(rows, q.periods);
}

/** LTV over the raw events: revenue per customer and 30-day period, the curves, and the recent windows. */
export async function rawLtv(pool: pg.Pool, envId: string, q: LtvCase, now: Date, s: LtvSettings): Promise<TLtvCohortCounts[]> {
  const t = now.getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  const { rows } = await pool.query<{
    cohort: string;
    size: number;
    curve: [number, number][];
    rev30: number;
    active: number;
    lapsed: number;
    base: number;
  }>(
    `with c as (
       select id, first_seen_at, ${cohortSql(q.groupBy)} as cohort,
         least($2::int, floor(($3::numeric - extract(epoch from first_seen_at)) / 2592000))::int as complete
       from customers where environment_id = $1
     ),
     per as (
       select e.customer_id, max(e.effective_at) as last_at,
         coalesce(sum(e.revenue_minor) filter (where e.effective_at > $4::timestamptz and e.effective_at <= $8::timestamptz), 0) as rev30,
         bool_or(e.effective_at > $5::timestamptz and e.effective_at <= $4::timestamptz) as base
       from events e where e.environment_id = $1 group by 1
     ),
     r as (
       select e.customer_id, floor((extract(epoch from e.effective_at) - extract(epoch from c.first_seen_at)) / 2592000)::int as k,
         sum(e.revenue_minor) as rev
       from events e join c on c.id = e.customer_id
       where e.environment_id = $1 and e.revenue_minor is not null group by 1, 2
     ),
     rc as (select r.customer_id, g.m, sum(r.rev) as rev from r join generate_series(0, $2 - 1) g(m) on r.k <= g.m group by 1, 2),
     curve as (
       select c.cohort, g.m, count(*) filter (where g.m < c.complete)::int as eligible,
         coalesce(sum(rc.rev) filter (where g.m < c.complete), 0)::float8 as rev
       from c cross join generate_series(0, $2 - 1) g(m)
       left join rc on rc.customer_id = c.id and rc.m = g.m
       group by 1, 2
     ),
     recent as (
       select c.cohort, count(*)::int as size, coalesce(sum(per.rev30), 0)::float8 as rev30,
         count(*) filter (where per.last_at > $6::timestamptz)::int as active,
         count(*) filter (where per.last_at > $5::timestamptz and per.last_at <= $7::timestamptz)::int as lapsed,
         count(*) filter (where per.base)::int as base
       from c left join per on per.customer_id = c.id group by 1
     )
     select recent.*, (select json_agg(json_build_array(curve.eligible, curve.rev) order by curve.m) from curve where curve.cohort = recent.cohort) as curve
     from recent`,
    [
      envId,
      q.months,
      String(t / 1000),
      iso(t - 30 * DAY_MS),
      iso(t - (30 + s.churnDays) * DAY_MS),
      iso(t - s.activeDays * DAY_MS),
      iso(t - s.churnDays * DAY_MS),
      iso(t),
    ],
  );
  return rows.map((r) => ({
    cohort: r.cohort,
    size: r.size,
    eligible: r.curve.map(([n]) => n),
    revenue: r.curve.map(([, rev]) => rev),
    revenue30: r.rev30,
    activeNow: r.active,
    lapsed: r.lapsed,
    notChurned: r.base,
  }));
}
