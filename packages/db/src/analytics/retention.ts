/**
 * Retention cohorts (ANALYTICS.md "Retention cohorts") as exact integer figures per cohort and
 * period; rates, rounding, order and the summary row are the caller's (core).
 *
 * One pass over the cohort rows (one per customer): each row is grouped by its cohort and `e`, the
 * number of its periods that have started (capped at `periods`), with per-period sums — active
 * bits (`on`), the last active period (`on_or_after`: active in k or later up to now ⟺ the period
 * of the last event ≥ k) or revenue per period. Period k of a group counts only when k < e, so
 * eligibility is exact per customer without a per-period join.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../types';
import { MONTH_SECONDS, WEEK_SECONDS } from './rollup-sql';
import { cohortKey, cohortLabel, cohortRows, epochOf, suffixSums } from './rollup-source';
import type { RetentionCohortCounts, RetentionQuery } from './types';
import { withAnalyticsTransaction } from './statement';

function perPeriod(q: RetentionQuery) {
  const active = q.groupBy === 'week' ? sql.ref('week_active') : sql.ref('month_active');
  const revenue = q.groupBy === 'week' ? sql.ref('week_revenue') : sql.ref('month_revenue');
  const ks = Array.from({ length: q.periods }, (_, k) => k);
  if (q.metric === 'revenue') return sql`array[${sql.join(ks.map((k) => sql`coalesce(sum(${revenue}[${k + 1}::int]), 0)`))}]::float8[]`;
  if (q.criteria === 'on') return sql`array[${sql.join(ks.map((k) => sql`sum(((${active} >> ${k}::int) & 1)::int)`))}]::float8[]`;
  // on_or_after: the rows are grouped by their last active period too (below); the caller spreads each group's count.
  return sql`null::float8[]`;
}

interface GroupRow {
  cohort: string;
  e: number;
  n: number;
  /** Per-period sums; null for on_or_after, whose counts follow from `lastK`. */
  sums: number[] | null;
  base: number;
  /** on_or_after: the group's last active period, capped to the matrix (−1: before period 0). */
  lastK: number | null;
}

/** on_or_after: a group whose last active period is L counts as active in every period k ≤ L. */
function activeUpTo(row: GroupRow, periods: number): number[] {
  return Array.from({ length: periods }, (_, k) => (row.lastK !== null && row.lastK >= k ? row.n : 0));
}

export async function retentionCohorts(db: Kysely<DB>, q: RetentionQuery, timeoutMs?: number): Promise<RetentionCohortCounts[]> {
  const length = q.groupBy === 'week' ? WEEK_SECONDS : MONTH_SECONDS;
  const revenue = q.groupBy === 'week' ? sql.ref('week_revenue') : sql.ref('month_revenue');
  const rows = await withAnalyticsTransaction(
    db,
    async (trx) => {
      // on_or_after groups by the last active period as well: one count per group instead of a
      // filtered count per period and customer.
      const lastK =
        q.metric === 'customers' && q.criteria === 'on_or_after'
          ? sql`least(${q.periods - 1}::int, greatest(-1, floor((extract(epoch from last_event_at) - extract(epoch from first_seen_at)) / ${length}::int)))::int`
          : sql`null::int`;
      const { rows } = await sql<GroupRow>`
      with src as (${cohortRows(q.envId, q)}),
      g as (
        select ${cohortKey(q.groupBy)} as ck,
          least(${q.periods}::int, greatest(0, floor((${epochOf(q.now)} - extract(epoch from first_seen_at)) / ${length}::int) + 1))::int as e,
          ${lastK} as last_k,
          week_active, month_active, week_revenue, month_revenue
        from src
      )
      select ${cohortLabel(q.groupBy, sql.ref('ck'))} as cohort, e, last_k, count(*)::int as n, ${perPeriod(q)} as sums,
        coalesce(sum(${revenue}[1]), 0)::float8 as base
      from g group by ck, e, last_k`.execute(trx);
      return rows;
    },
    timeoutMs,
  );
  const byCohort = new Map<string, GroupRow[]>();
  for (const row of rows) byCohort.set(row.cohort, [...(byCohort.get(row.cohort) ?? []), row]);
  return [...byCohort].map(([cohort, groups]) => {
    const eligible = suffixSums(
      groups.map((g) => ({ e: g.e, values: new Array(q.periods).fill(g.n) })),
      q.periods,
    );
    const sums = suffixSums(
      groups.map((g) => ({ e: g.e, values: g.sums ?? activeUpTo(g, q.periods) })),
      q.periods,
    );
    const base =
      q.metric === 'revenue'
        ? suffixSums(
            groups.map((g) => ({ e: g.e, values: new Array(q.periods).fill(g.base) })),
            q.periods,
          )
        : [];
    return {
      cohort,
      size: groups.reduce((s, g) => s + g.n, 0),
      eligible,
      active: q.metric === 'customers' ? sums : [],
      revenue: q.metric === 'revenue' ? sums : [],
      base,
    };
  });
}
