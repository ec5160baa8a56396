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
import type { CalibrationFigure, CalibrationQuery, ReportWindow } from './report-types';
import { cohortRows } from './rollup-source';
import { scoreFormulaCtes } from './score-sql';
import { withAnalyticsTransaction } from './statement';
import { windowEdgeDays, windowFigures } from './window-figures';

const DAY_MS = 86_400_000;

const ts = (ms: number) => sql`${new Date(ms).toISOString()}::timestamptz`;

export async function healthCalibration(db: Kysely<DB>, q: CalibrationQuery, timeoutMs?: number): Promise<CalibrationFigure[]> {
  const asOf = q.asOf.getTime();
  // The score windows as of asOf: the last 30 days (W) and the 30 before them (P), both (a, b].
  const w: ReportWindow = { start: new Date(asOf - 30 * DAY_MS), end: q.asOf, includeEnd: true };
  const p: ReportWindow = { start: new Date(asOf - 60 * DAY_MS), end: w.start, includeEnd: true };
  const dB = Math.floor(asOf / DAY_MS);
  // Live customers first seen by asOf: their rollup rows and stored stage.
  const base = sql`
    select r.customer_id, r.active_days, r.day_events, r.day_revenue, r.day_first, r.day_last, r.first_seen_at, c.lifecycle_stage
    from (${cohortRows(q.envId, { start: null, end: null })}) r
    join customers c on c.environment_id = ${q.envId} and c.id = r.customer_id and c.deleted_at is null
    where r.first_seen_at <= ${ts(asOf)}`;
  // asOf's own day is always cut (W ends there): its latest event up to asOf, when there is one.
  const kB = windowEdgeDays(w, p).indexOf(dB);
  const lastToday = kB < 0 ? sql`null::timestamptz` : sql.raw(`f.lastw_${kB}`);
  const rows = await withAnalyticsTransaction(
    db,
    async (trx) =>
      (
        await sql<CalibrationFigure>`
        with m as (
          select f.customer_id as id, f.first_seen_at,
            -- The latest event up to asOf: on asOf's own day (up to asOf), else the last time of the latest day before.
            coalesce(${lastToday}, f.day_last[width_bucket(${dB - 1}::int, f.active_days)]) as last_at,
            f.nw::int as n30, f.revw::numeric as r30, f.revp::numeric as rprev,
            false as reactivated,
            null::int as old_health, null::jsonb as old_components, null::int as old_engagement, null::int as old_expansion,
            null::text as old_risk,
            -- The formulas carry the stored stage through as old_stage: "churned now" is read from it below.
            f.lifecycle_stage as old_stage
          from ${windowFigures({ envId: q.envId, w, p, base, extra: ['first_seen_at', 'lifecycle_stage'] })} f
        ),
        ${scoreFormulaCtes(q.settings, q.asOf)}
        select coalesce(n.risk, 'none') as band, count(*)::int as customers,
          count(*) filter (where n.old_stage = 'churned')::int as churned_since
        from n
        where n.stage <> 'churned'
        group by 1`.execute(trx)
      ).rows,
    timeoutMs,
    { workMem: '64MB' },
  );
  return rows;
}
