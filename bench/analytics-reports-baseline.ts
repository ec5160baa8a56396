/**
 * The PostgreSQL baselines of reports, attribution and calibration: the plain SQL an expert
 * writes for the same answers over the raw `events` table (with the indexes it has), returning the
 * figures the API's answers are formatted from, so the numbers compare.
 */
import type pg from 'pg';

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

export interface RawCounts {
  events: number;
  activeCustomers: number;
  newCustomers: number;
  churnedCustomers: number;
  revenueMinor: number;
}

/**
 * `/reports?range=Nd` over raw events: the windows (now − N d, now] and the one before; buckets by
 * UTC day or ISO week; churn moments from lead() over the events that can have one in the range.
 */
export async function rawReport(pool: pg.Pool, envId: string, days: number, interval: 'day' | 'week', now: Date, churnDays: number) {
  const t = now.getTime();
  const w0 = t - days * DAY_MS;
  const p0 = w0 - days * DAY_MS;
  const bucket = (day: string) => (interval === 'day' ? day : `(${day} - ((${day} + 3) % 7 + 7) % 7)`);
  const day = (col: string) => `floor(extract(epoch from ${col}) / 86400)::int`;
  const win = (col: string) =>
    `case when ${col} > $2::timestamptz and ${col} <= $3::timestamptz then 'W' when ${col} > $4::timestamptz and ${col} <= $2::timestamptz then 'P' end`;
  const { rows } = await pool.query<{ kind: string; day: number | null } & RawCounts>(
    `with ev as (
       select customer_id, effective_at, revenue_minor, ${win('effective_at')} as win
       from events where environment_id = $1 and effective_at > $4::timestamptz and effective_at <= $3::timestamptz
     ),
     fresh as (
       select first_seen_at, ${win('first_seen_at')} as win from customers
       where environment_id = $1 and first_seen_at > $4::timestamptz and first_seen_at <= $3::timestamptz
     ),
     seq as (
       select customer_id, effective_at, lead(effective_at) over (partition by customer_id order by effective_at, id) as next_at
       from events where environment_id = $1 and effective_at > $4::timestamptz - make_interval(secs => $5)
     ),
     moments as (
       select customer_id, effective_at + make_interval(secs => $5) as at from seq
       where next_at is null or next_at > effective_at + make_interval(secs => $5)
       union all
       select id, first_seen_at + make_interval(secs => $5) from customers where environment_id = $1 and last_event_at is null
     ),
     cm as (select customer_id, at, ${win('at')} as win from moments where at <= $3::timestamptz)
     select win as kind, null::int as day, count(*)::int as events, count(distinct customer_id)::int as "activeCustomers",
       0 as "newCustomers", 0 as "churnedCustomers", coalesce(sum(revenue_minor), 0)::float8 as "revenueMinor"
     from ev where win is not null group by win
     union all
     select 'S', ${bucket(day('effective_at'))}, count(*)::int, count(distinct customer_id)::int, 0, 0, coalesce(sum(revenue_minor), 0)::float8
     from ev where win = 'W' group by 2
     union all
     select win, null, 0, 0, count(*)::int, 0, 0 from fresh where win is not null group by win
     union all
     select 'S', ${bucket(day('first_seen_at'))}, 0, 0, count(*)::int, 0, 0 from fresh where win = 'W' group by 2
     union all
     select win, null, 0, 0, 0, count(distinct customer_id)::int, 0 from cm where win is not null group by win
     union all
     select 'S', ${bucket(day('at'))}, 0, 0, 0, count(distinct customer_id)::int, 0 from cm where win = 'W' group by 2`,
    [envId, iso(w0), iso(t), iso(p0), churnDays * 86_400],
  );
  const zero = (): RawCounts => ({ events: 0, activeCustomers: 0, newCustomers: 0, churnedCustomers: 0, revenueMinor: 0 });
  const totals = zero();
  const previous = zero();
  const series = new Map<number, RawCounts>();
  for (const r of rows) {
    const into = r.kind === 'W' ? totals : r.kind === 'P' ? previous : (series.get(r.day as number) ?? zero());
    if (r.kind === 'S') series.set(r.day as number, into);
    into.events += r.events;
    into.activeCustomers += r.activeCustomers;
    into.newCustomers += r.newCustomers;
    into.churnedCustomers += r.churnedCustomers;
    into.revenueMinor += r.revenueMinor;
  }
  return { totals, previous, series };
}

const WEIGHT: Record<string, string> = {
  first_touch: 'case when i = 1 then 1 else 0 end',
  last_touch: 'case when i = n then 1 else 0 end',
  linear: '1::numeric(40, 30) / n',
  time_decay: 'decay::numeric(50, 40) / sum(decay) over c',
  position_based: 'case when n = 1 then 1 when n = 2 then 0.5 when i = 1 or i = n then 0.4 else 0.2::numeric(40, 30) / (n - 2) end',
};

/** `/attribution?groupBy=source` over raw events: credits per conversion in [start, end), summed by source (text sums). */
export async function rawAttribution(pool: pg.Pool, envId: string, model: string, lookbackDays: number, start: Date, end: Date) {
  const { rows } = await pool.query<{ key: string; conversions: string; revenueMinor: string }>(
    `with pairs as (
       select c.id as conv_id, c.revenue_minor, t.id as tp_id, t.effective_at as tp_at, t.touch_source,
         power(0.5::float8, ((extract(epoch from c.effective_at) - extract(epoch from t.effective_at)) / 604800)::float8)::numeric as decay
       from events c
       left join events t on t.environment_id = $1 and t.customer_id = c.customer_id and t.is_touchpoint
         and t.effective_at between c.effective_at - make_interval(secs => $2) and c.effective_at
       where c.environment_id = $1 and c.revenue_minor > 0 and c.effective_at >= $3::timestamptz and c.effective_at < $4::timestamptz
     ),
     ranked as (
       select pairs.*, row_number() over (partition by conv_id order by tp_at, tp_id) as i, count(tp_id) over (partition by conv_id) as n
       from pairs
     ),
     credits as (
       select case when tp_id is null then '(direct)' else coalesce(touch_source, '(none)') end as key, revenue_minor,
         case when tp_id is null then 1 else ${WEIGHT[model]} end as weight
       from ranked window c as (partition by conv_id)
     )
     select key, sum(weight)::text as conversions, sum(weight * revenue_minor)::text as "revenueMinor"
     from credits where weight > 0 group by key`,
    [envId, lookbackDays * 86_400, start.toISOString(), end.toISOString()],
  );
  return rows;
}

export interface CalibrationSettings {
  churnDays: number;
  recencyHorizonDays: number;
  engagementTarget: number;
  weights: { recency: number; engagement: number; monetary: number };
  lowRiskMin: number;
  mediumRiskMin: number;
}

/**
 * `/reports/health-calibration` over raw events: one aggregate per customer of its events up to
 * asOf, the health formulas of ANALYTICS.md in numeric, bands of those not churned at asOf, and
 * the stage stored now.
 */
export async function rawCalibration(pool: pg.Pool, envId: string, asOf: Date, s: CalibrationSettings) {
  const a = asOf.getTime();
  const { rows } = await pool.query<{ band: string; customers: number; churnedSince: number }>(
    `with agg as (
       select customer_id, max(effective_at) as last_at,
         count(*) filter (where effective_at > $3::timestamptz)::int as n30,
         coalesce(sum(revenue_minor) filter (where effective_at > $3::timestamptz), 0)::numeric as r30,
         coalesce(sum(revenue_minor) filter (where effective_at > $4::timestamptz and effective_at <= $3::timestamptz), 0)::numeric as rprev
       from events where environment_id = $1 and effective_at <= $2::timestamptz group by customer_id
     ),
     h as (
       select c.id, c.lifecycle_stage, c.first_seen_at, agg.last_at,
         round($6::numeric * 100 * greatest(0, least(1, 1 - extract(epoch from $2::timestamptz - agg.last_at) / ($7::numeric * 86400)))
           + $8::numeric * round(round(100 * least(1, ln((1 + coalesce(agg.n30, 0))::numeric(40, 30)) / ln((1 + $9::numeric)::numeric(40, 30))), 12))
           + $10::numeric * (50 + 50 * greatest(-1, least(1, (agg.r30 - agg.rprev) / greatest(abs(agg.r30), abs(agg.rprev), 100))))) as health
       from customers c left join agg on agg.customer_id = c.id
       where c.environment_id = $1 and c.deleted_at is null and c.first_seen_at <= $2::timestamptz
     )
     select case when health is null then 'none' when health >= $11 then 'low' when health >= $12 then 'medium' else 'high' end as band,
       count(*)::int as customers, count(*) filter (where lifecycle_stage = 'churned')::int as "churnedSince"
     from h
     where not ((last_at is null or last_at <= $5::timestamptz) and first_seen_at <= $5::timestamptz)
     group by 1`,
    [
      envId,
      iso(a),
      iso(a - 30 * DAY_MS),
      iso(a - 60 * DAY_MS),
      iso(a - s.churnDays * DAY_MS),
      String(s.weights.recency),
      String(s.recencyHorizonDays),
      String(s.weights.engagement),
      String(s.engagementTarget),
      String(s.weights.monetary),
      String(s.lowRiskMin),
      String(s.mediumRiskMin),
    ],
  );
  return rows;
}
