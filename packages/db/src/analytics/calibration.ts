/**
 * Health calibration (ANALYTICS.md "Beyond the usual"): every live customer's health and risk band
 * recomputed as of `asOf` by the stored scores' own formulas (score-sql.ts `scoreFormulaCtes`, with
 * `now` = asOf), then per band the customers and those whose stage is churned now.
 *
 * The formulas' inputs as of asOf come from the per-customer rollups (exact now, rollup-source.ts)
 * instead of one index probe per customer (the refresh's way, ~2 s for 50,000 customers):
 * - n30, r30, rPrev: the windows (asOf − 30 d, asOf] and (asOf − 60 d, asOf − 30 d] by
 *   window-figures.ts — whole days from the running sums, the three cut days from each day's
 *   first and last time (a customer whose day straddles a cut reads that day's events);
 * - last activity as of asOf: its latest event on asOf's own day up to asOf, else the last time of
 *   the latest active day before it (the rollup keeps each day's first and last time);
 * - `reactivated` is left false: calibration reads only the risk band and whether the stage is
 *   churned, which the reactivation test cannot change (churned comes first).
 * Customers first seen after asOf are not in the set; those whose stage as of asOf is churned are
 * left out; the current stage is the stored one (exact as of each customer's scoresComputedAt).
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../types';
import { interiorDays } from './report-days';
import type { CalibrationFigure, CalibrationQuery, ReportWindow } from './report-types';
import { cohortRows } from './rollup-source';
import { scoreFormulaCtes } from './score-sql';
import { withAnalyticsTransaction } from './statement';
import { daysSum, edgeCte } from './window-figures';

const DAY_MS = 86_400_000;

const ts = (ms: number) => sql`${new Date(ms).toISOString()}::timestamptz`;

export async function healthCalibration(db: Kysely<DB>, q: CalibrationQuery, timeoutMs?: number): Promise<CalibrationFigure[]> {
  const asOf = q.asOf.getTime();
  // The score windows as of asOf: the last 30 days (W) and the 30 before them (P), both (a, b].
  const w: ReportWindow = { start: new Date(asOf - 30 * DAY_MS), end: q.asOf, includeEnd: true };
  const p: ReportWindow = { start: new Date(asOf - 60 * DAY_MS), end: w.start, includeEnd: true };
  const dB = Math.floor(asOf / DAY_MS);
  const rows = await withAnalyticsTransaction(
    db,
    async (trx) => {
      await sql`select set_config('work_mem', '64MB', true)`.execute(trx);
      return (
        await sql<CalibrationFigure>`
        with src as materialized (
          select r.* from (${cohortRows(q.envId, { start: null, end: null })}) r where r.first_seen_at <= ${ts(asOf)}
        ),
        ${edgeCte(q.envId, w, p)},
        eg as (
          select customer_id, sum(nw) as nw, sum(revw) as revw, sum(revp) as revp,
            max(lastw) filter (where day = ${dB}::int) as last_today
          from edge group by customer_id
        ),
        m as (
          select c.id, c.first_seen_at,
            -- The latest event up to asOf: on asOf's own day (up to asOf), else the last time of the latest day before.
            coalesce(eg.last_today, s.day_last[width_bucket(${dB - 1}::int, s.active_days)]) as last_at,
            (${daysSum('day_events', interiorDays(w))} + coalesce(eg.nw, 0))::int as n30,
            (${daysSum('day_revenue', interiorDays(w))} + coalesce(eg.revw, 0))::numeric as r30,
            (${daysSum('day_revenue', interiorDays(p))} + coalesce(eg.revp, 0))::numeric as rprev,
            false as reactivated,
            null::int as old_health, null::jsonb as old_components, null::int as old_engagement, null::int as old_expansion,
            null::text as old_risk, null::text as old_stage
          from src s
          join customers c on c.environment_id = ${q.envId} and c.id = s.customer_id and c.deleted_at is null
          left join eg on eg.customer_id = s.customer_id
        ),
        ${scoreFormulaCtes(q.settings, q.asOf)}
        select coalesce(n.risk, 'none') as band, count(*)::int as customers,
          count(*) filter (where c.lifecycle_stage = 'churned')::int as churned_since
        from n join customers c on c.environment_id = ${q.envId} and c.id = n.id
        where n.stage <> 'churned'
        group by 1`.execute(trx)
      ).rows;
    },
    timeoutMs,
  );
  return rows;
}
