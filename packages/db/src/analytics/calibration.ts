/**
 * Health calibration (ANALYTICS.md "Beyond the usual"): every live customer's health and risk band
 * recomputed as of `asOf` by the stored scores' own formulas (score-sql.ts `scoreFormulaCtes`, with
 * `now` = asOf), then per band the customers and those whose stage is churned now.
 *
 * The formulas' inputs as of asOf come from the per-customer rollups (exact now, rollup-source.ts)
 * instead of one index probe per customer (the refresh's way, ~2 s for 50,000 customers):
 * - n30, r30, rPrev: whole UTC days inside the windows from the running sums of the active-day
 *   arrays (binary search), the three partly covered days at the windows' edges (asOf − 60 d,
 *   asOf − 30 d, asOf's own day up to asOf) from their raw events;
 * - last activity as of asOf: an event on asOf's own day up to asOf, else the last time of the
 *   latest active day before it (the rollup keeps each day's first and last time);
 * - `reactivated` is left false: calibration reads only the risk band and whether the stage is
 *   churned, which the reactivation test cannot change (churned comes first).
 * Customers first seen after asOf are not in the set; those whose stage as of asOf is churned are
 * left out; the current stage is the stored one (exact as of each customer's scoresComputedAt).
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../types';
import type { CalibrationFigure, CalibrationQuery } from './report-types';
import { cohortRows } from './rollup-source';
import { scoreFormulaCtes } from './score-sql';
import { withAnalyticsTransaction } from './statement';

const DAY_MS = 86_400_000;

const ts = (ms: number) => sql`${new Date(ms).toISOString()}::timestamptz`;

/** Σ of a running-sum array over the whole days [lo, hi] of `active_days`. */
function daysSum(column: 'day_events' | 'day_revenue', lo: number, hi: number) {
  const col = sql.ref(`k.${column}`);
  return sql`(coalesce(${col}[width_bucket(${hi}::int, k.active_days)], 0) - coalesce(${col}[width_bucket(${lo - 1}::int, k.active_days)], 0))`;
}

export async function healthCalibration(db: Kysely<DB>, q: CalibrationQuery, timeoutMs?: number): Promise<CalibrationFigure[]> {
  const asOf = q.asOf.getTime();
  const a30 = asOf - 30 * DAY_MS;
  const a60 = asOf - 60 * DAY_MS;
  const dB = Math.floor(asOf / DAY_MS);
  const dA = Math.floor(a30 / DAY_MS);
  const dC = Math.floor(a60 / DAY_MS);
  const rows = await withAnalyticsTransaction(
    db,
    async (trx) =>
      (
        await sql<CalibrationFigure>`
        with src as (${cohortRows(q.envId, { start: null, end: null })}),
        k as (
          select c.id, c.first_seen_at, s.active_days, s.day_events, s.day_revenue, s.day_last
          from src s join customers c on c.environment_id = ${q.envId} and c.id = s.customer_id
          where c.deleted_at is null and s.first_seen_at <= ${ts(asOf)}
        ),
        -- The partly covered days, from their raw events: (a60, end of its day), [start of a30's day, a30],
        -- (a30, end of its day) and [start of asOf's day, asOf].
        edge as (
          select e.customer_id,
            count(*) filter (where e.effective_at > ${ts(a30)} and e.effective_at < ${ts((dA + 1) * DAY_MS)}
              or e.effective_at >= ${ts(dB * DAY_MS)}) as n30,
            coalesce(sum(e.revenue_minor) filter (where e.effective_at > ${ts(a30)} and e.effective_at < ${ts((dA + 1) * DAY_MS)}
              or e.effective_at >= ${ts(dB * DAY_MS)}), 0) as r30,
            coalesce(sum(e.revenue_minor) filter (where e.effective_at > ${ts(a60)} and e.effective_at < ${ts((dC + 1) * DAY_MS)}
              or e.effective_at >= ${ts(dA * DAY_MS)} and e.effective_at <= ${ts(a30)}), 0) as rprev,
            max(e.effective_at) filter (where e.effective_at >= ${ts(dB * DAY_MS)}) as last_today
          from events e
          where e.environment_id = ${q.envId}
            and ((e.effective_at > ${ts(a60)} and e.effective_at < ${ts((dC + 1) * DAY_MS)})
              or (e.effective_at >= ${ts(dA * DAY_MS)} and e.effective_at < ${ts((dA + 1) * DAY_MS)})
              or (e.effective_at >= ${ts(dB * DAY_MS)} and e.effective_at <= ${ts(asOf)}))
          group by e.customer_id
        ),
        m as (
          select k.id, k.first_seen_at,
            coalesce(edge.last_today, k.day_last[width_bucket(${dB - 1}::int, k.active_days)]) as last_at,
            (${daysSum('day_events', dA + 1, dB - 1)} + coalesce(edge.n30, 0))::int as n30,
            (${daysSum('day_revenue', dA + 1, dB - 1)} + coalesce(edge.r30, 0))::numeric as r30,
            (${daysSum('day_revenue', dC + 1, dA - 1)} + coalesce(edge.rprev, 0))::numeric as rprev,
            false as reactivated,
            null::int as old_health, null::jsonb as old_components, null::int as old_engagement, null::int as old_expansion,
            null::text as old_risk, null::text as old_stage
          from k left join edge on edge.customer_id = k.id
        ),
        ${scoreFormulaCtes(q.settings, q.asOf)}
        select coalesce(n.risk, 'none') as band, count(*)::int as customers,
          count(*) filter (where c.lifecycle_stage = 'churned')::int as churned_since
        from n join customers c on c.environment_id = ${q.envId} and c.id = n.id
        where n.stage <> 'churned'
        group by 1`.execute(trx)
      ).rows,
    timeoutMs,
  );
  return rows;
}
