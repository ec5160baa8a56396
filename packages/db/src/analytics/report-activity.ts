/**
 * The one pass of `/reports` over the customers' rollup rows (window-figures.ts): CTE `act`, per
 * customer, a row carrying its totals in W and P (`is_total`, also W's first day), one row per day
 * of W it was active on, and — when churn is asked for — one row per active day whose last event
 * can make a churn moment in the windows (`moment`, null when the gap after it is not long enough).
 * One `generate_series` per customer enumerates both ranges back to back (k < n_act: activity,
 * then churn candidates), so neither needs a scan of its own.
 *
 * `counts` marks the row that counts the customer once in its bucket: every row for days, the first
 * of its week for weeks (rows come in day order per customer: a comparison with the previous row).
 * A churn event is the last event of an active day when the next active day's first event comes more
 * than churnDays later, or when that day is the customer's last (the per-day first and last times
 * make every moment exact).
 */
import { type RawBuilder, sql } from 'kysely';
import { bucketOf, DAY_MS, interiorDays, touchingDays } from './report-days';
import type { ReportQuery } from './report-types';
import { windowEdgeDays, windowFigures } from './window-figures';

const ts = (ms: number) => sql`${new Date(ms).toISOString()}::timestamptz`;

/** The days [lo, hi] whose events can have a churn moment in either window (moment day = day + churnDays). */
export function churnCandidateDays(q: ReportQuery) {
  return {
    lo: Math.min(touchingDays(q.previous).lo, touchingDays(q.window).lo) - q.churnDays,
    hi: Math.max(touchingDays(q.previous).hi, touchingDays(q.window).hi) - q.churnDays,
  };
}

export function churnSpan(q: ReportQuery) {
  return sql`make_interval(secs => ${q.churnDays * 86_400})`;
}

export function activityCte(envId: string, q: ReportQuery, withChurn: boolean) {
  const days = windowEdgeDays(q.window, q.previous);
  const inner = interiorDays(q.window);
  const touch = touchingDays(q.window);
  const churn = churnCandidateDays(q);
  const from = Math.min(touchingDays(q.previous).lo, touch.lo, withChurn ? churn.lo : Number.POSITIVE_INFINITY);
  // W's first and last touching days when a boundary cuts them (their index among the edge days).
  const kf = touch.lo < inner.lo || inner.lo > inner.hi ? days.indexOf(touch.lo) : -1;
  const klRaw = touch.hi > inner.hi || inner.lo > inner.hi ? days.indexOf(touch.hi) : -1;
  const kl = klRaw === kf ? -1 : klRaw;
  const edge = (k: number, column: string, none: RawBuilder<unknown>) => (k < 0 ? none : sql.raw(`f.${column}_${k}`));
  const firstDay = edge(kf, 'edge_day', sql`null::int`);
  const lastDay = edge(kl, 'edge_day', sql`null::int`);
  const firstN = edge(kf, 'nw', sql`0`);
  const week = (day: RawBuilder<unknown>) => bucketOf(day, 'week');
  const k = sql.ref('g.k');
  const isAct = sql`${k} < f.n_act`;
  // Position in the day arrays: w_lo − 1 … w_hi (+ 1) for activity rows, c_lo … c_hi for churn rows.
  const i = sql`(f.w_lo - 1 + ${k})`;
  const ic = sql`(f.c_lo + ${k} - f.n_act)`;
  const day = sql`case when ${i} = f.w_lo - 1 then ${firstDay} when ${i} = f.w_hi + 1 then ${lastDay} else f.active_days[${i}] end`;
  const counts =
    q.interval === 'day'
      ? sql`true`
      : sql`case
          when ${i} = f.w_lo - 1 then true
          when ${i} = f.w_hi + 1 then not coalesce((f.w_hi >= f.w_lo and ${week(sql`f.active_days[f.w_hi]`)} = ${week(lastDay)})
            or (f.w_hi < f.w_lo and ${firstN} > 0 and ${week(firstDay)} = ${week(lastDay)}), false)
          else not coalesce((${i} = f.w_lo and ${firstN} > 0 and ${week(firstDay)} = ${week(sql`f.active_days[${i}]`)})
            or (${i} > f.w_lo and ${week(sql`f.active_days[${i} - 1]`)} = ${week(sql`f.active_days[${i}]`)}), false)
        end`;
  const span = churnSpan(q);
  const churnPositions = withChurn
    ? sql`, width_bucket(${churn.lo - 1}::int, s.active_days) + 1 as c_lo, width_bucket(${churn.hi}::int, s.active_days) as c_hi,
        array_length(s.active_days, 1) as len`
    : sql`, 1 as c_lo, 0 as c_hi, 0 as len`;
  const base = sql`select s.customer_id, s.active_days, s.day_events, s.day_revenue, s.day_first, s.day_last ${churnPositions}
    from src s where s.last_event_at >= ${ts(from * DAY_MS)}`;
  const figures = windowFigures({ envId, w: q.window, p: q.previous, base, extra: ['c_lo', 'c_hi', 'len'] });
  return sql`
  act as (
    select f.customer_id, ${isAct} and ${i} = f.w_lo - 1 as is_total, f.nw, f.revw, f.np, f.revp,
      case when ${isAct} then ${day} end as day,
      case when not ${isAct} then 0 when ${i} = f.w_lo - 1 then ${firstN} when ${i} = f.w_hi + 1 then ${edge(kl, 'nw', sql`0`)}
        else f.day_events[${i}] - coalesce(f.day_events[${i} - 1], 0) end as n,
      case when not ${isAct} then 0 when ${i} = f.w_lo - 1 then ${edge(kf, 'revw', sql`0`)} when ${i} = f.w_hi + 1 then ${edge(kl, 'revw', sql`0`)}
        else f.day_revenue[${i}] - coalesce(f.day_revenue[${i} - 1], 0) end as rev,
      ${isAct} and ${counts} as counts,
      case when not ${isAct} and (${ic} = f.len or f.day_first[${ic} + 1] > f.day_last[${ic}] + ${span})
        then f.day_last[${ic}] + ${span} end as moment
    from (
      select f.*,
        -- Row w_lo − 1 carries the totals and W's first day; row w_hi + 1 exists only when W's last day has events in W.
        f.w_hi - f.w_lo + 2 + case when ${edge(kl, 'nw', sql`0`)} > 0 then 1 else 0 end as n_act,
        greatest(0, f.c_hi - f.c_lo + 1) as n_churn
      from ${figures} f
      offset 0
    ) f
    cross join lateral generate_series(0, f.n_act + f.n_churn - 1) g(k)
  )`;
}
