/**
 * ANALYTICS.md's attribution models as SQL: the only place the weights are defined. One set-based
 * statement for every conversion of the scope — each conversion joined to its customer's
 * touchpoints in `[t − lookbackDays, t]`, the weights from window functions over that set
 * (partition = the conversion, order = (effective time, id)); no loop over conversions anywhere.
 *
 * Exactness: weights are `numeric` (1/n and 0.2/(n−2) to 30 places, exact otherwise), so sums of
 * unrounded weights and credited revenue (weight × minor units) are exact up to those places and
 * identical on PostgreSQL and PGlite. The time-decay factor 2^(−Δ/7) is a float8 `power` (the one
 * transcendental step; both builds use the same correctly rounded libm routine), turned into
 * numeric before it is normalized, so everything after it is decimal arithmetic.
 *
 * The touch columns (`is_touchpoint`, `touch_source`, `touch_medium`, `touch_campaign`) were
 * derived once at ingest from the event's context (core/events/touchpoint.ts): the source rule is
 * not restated here. Predicates `revenue_minor > 0` and `is_touchpoint` are literal SQL so the
 * planner matches the partial indexes events_env_conversion_idx and events_env_touch_idx.
 */
import { type RawBuilder, sql } from 'kysely';
import { inWindow } from './report-days';
import type { AttributionModel, ReportWindow } from './report-types';

const DAY_S = 86_400;
/** Seconds in the 7-day half-life of time decay. */
const HALF_LIFE_S = 7 * DAY_S;

/** Conversions of one customer (all time), or of the environment with effective time in the window. */
export type ConversionScope = { customerId: string } | { window: ReportWindow };

function scopeFilter(scope: ConversionScope) {
  if ('customerId' in scope) return sql`and e.customer_id = ${scope.customerId}`;
  return sql`and ${inWindow(sql.ref('e.effective_at'), scope.window)}`;
}

/**
 * The weight of touchpoint i of n (time order) under the model, as numeric (a conversion without
 * touchpoint, `(direct)`, has weight 1). Reads the window columns of `cw_windows` below.
 */
function weightOf(model: AttributionModel): RawBuilder<unknown> {
  switch (model) {
    case 'first_touch':
      return sql`case when i = 1 then 1 else 0 end`;
    case 'last_touch':
      return sql`case when i = n then 1 else 0 end`;
    case 'linear':
      return sql`1::numeric(40, 30) / n`;
    case 'time_decay':
      return sql`decay::numeric(50, 40) / decay_sum`;
    case 'position_based':
      return sql`case when n = 1 then 1 when n = 2 then 0.5 when i = 1 or i = n then 0.4 else 0.2::numeric(40, 30) / (n - 2) end`;
  }
}

/**
 * CTEs `cv` (conversions), `cp` (conversion × touchpoint pairs; one row with null touchpoint for a
 * conversion without any) and `cw` (each pair with its numeric `weight`), for a `with` clause.
 * `cw` columns: conv_id, customer_id, conv_at, revenue_minor, tp_id, tp_at, source, medium,
 * campaign, weight.
 */
export function creditCtes(envId: string, scope: ConversionScope, model: AttributionModel, lookbackDays: number) {
  const lookback = sql`make_interval(secs => ${lookbackDays * DAY_S})`;
  // Only time decay reads the factors and their sum per conversion: the other models skip both.
  const decay =
    model === 'time_decay'
      ? sql`power(0.5::float8, ((extract(epoch from cv.effective_at) - extract(epoch from tp.effective_at)) / ${HALF_LIFE_S})::float8)::numeric`
      : sql`null::numeric`;
  const decaySum = model === 'time_decay' ? sql`sum(decay) over (partition by conv_id)` : sql`null::numeric`;
  return sql`
  cv as (
    select e.id, e.customer_id, e.effective_at, e.revenue_minor
    from events e
    where e.environment_id = ${envId} and e.revenue_minor > 0 ${scopeFilter(scope)}
  ),
  -- Stored once, read twice: the pairs with a touchpoint go through the window functions, the
  -- conversions without one (most of them, usually) are (direct) with weight 1 and skip them.
  cp as materialized (
    select cv.id as conv_id, cv.customer_id, cv.effective_at as conv_at, cv.revenue_minor,
      tp.id as tp_id, tp.effective_at as tp_at, tp.touch_source as source, tp.touch_medium as medium, tp.touch_campaign as campaign,
      -- 2^(−Δ/7), Δ in fractional days (exact microseconds up to the float8 power).
      ${decay} as decay
    from cv
    left join events tp on tp.environment_id = ${envId} and tp.customer_id = cv.customer_id and tp.is_touchpoint
      and tp.effective_at >= cv.effective_at - ${lookback} and tp.effective_at <= cv.effective_at
  ),
  cw_windows as (
    select cp.*,
      row_number() over (partition by conv_id order by tp_at, tp_id) as i,
      count(tp_id) over (partition by conv_id) as n,
      ${decaySum} as decay_sum
    from cp
    where tp_id is not null
  ),
  cw as (
    select conv_id, customer_id, conv_at, revenue_minor, tp_id, tp_at, source, medium, campaign, (${weightOf(model)})::numeric as weight
    from cw_windows
    union all
    select conv_id, customer_id, conv_at, revenue_minor, tp_id, tp_at, source, medium, campaign, 1::numeric
    from cp
    where tp_id is null
  )`;
}
