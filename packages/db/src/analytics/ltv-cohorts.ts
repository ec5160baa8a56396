/**
 * LTV cohorts (ANALYTICS.md "LTV") as exact figures per cohort; averages, rounding and the
 * predicted LTV are the caller's (core).
 *
 * One pass over the cohort rows, grouped by cohort and `e` (complete 30-day periods, capped at
 * `months`), with the revenue of each period. The predicted-LTV inputs are windows relative to
 * now, answered per customer from its active-day arrays by binary search (width_bucket) over
 * whole UTC days; the two partial days at the windows' edges come from the raw events of those
 * days alone (an index range of events_env_eff_idx).
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../types';
import { MONTH_SECONDS } from './rollup-sql';
import { cohortKey, cohortLabel, cohortRows, epochOf, suffixSums } from './rollup-source';
import { withAnalyticsTransaction } from './statement';
import type { LtvCohortCounts, LtvQuery } from './types';

const DAY_MS = 86_400_000;

interface GroupRow {
  cohort: string;
  e: number;
  n: number;
  revenue: number[];
  revenue30: number;
  activeNow: number;
  lapsed: number;
  notChurned: number;
}

/** The instants of the windows: `a` = now − 30 d (ARPA from it, churn base up to it), `a2` = a − churnDays. */
function bounds(q: LtvQuery) {
  const at = (ms: number) => sql`${new Date(ms).toISOString()}::timestamptz`;
  const now = q.now.getTime();
  const a = now - 30 * DAY_MS;
  const a2 = a - q.settings.churnDays * DAY_MS;
  const dayA = Math.floor(a / DAY_MS);
  const dayA2 = Math.floor(a2 / DAY_MS);
  return {
    now: at(now),
    a: at(a),
    a2: at(a2),
    activeSince: at(now - q.settings.activeDays * DAY_MS),
    lapsedUntil: at(now - q.settings.churnDays * DAY_MS),
    dayA,
    dayA2,
    dayStartA: at(dayA * DAY_MS),
    dayEndA: at((dayA + 1) * DAY_MS),
    dayEndA2: at((dayA2 + 1) * DAY_MS),
  };
}

export async function ltvCohorts(db: Kysely<DB>, q: LtvQuery, timeoutMs?: number): Promise<LtvCohortCounts[]> {
  const b = bounds(q);
  const ms = Array.from({ length: q.months }, (_, m) => m);
  const rows = await withAnalyticsTransaction(
    db,
    async (trx) => {
      const { rows } = await sql<GroupRow>`
      with src as (${cohortRows(q.envId, q)}),
      edge as (
        select e.customer_id,
          coalesce(sum(e.revenue_minor) filter (where e.effective_at > ${b.a} and e.effective_at < ${b.dayEndA}), 0) as rev,
          bool_or((e.effective_at >= ${b.dayStartA} and e.effective_at <= ${b.a})
            or (e.effective_at > ${b.a2} and e.effective_at < ${b.dayEndA2})) as base
        from events e
        where e.environment_id = ${q.envId}
          and ((e.effective_at >= ${b.dayStartA} and e.effective_at < ${b.dayEndA})
            or (e.effective_at > ${b.a2} and e.effective_at < ${b.dayEndA2}))
        group by e.customer_id
      ),
      g as (
        select ${cohortKey(q.groupBy)} as ck,
          least(${q.months}::int, greatest(0, floor((${epochOf(q.now)} - extract(epoch from s.first_seen_at)) / ${MONTH_SECONDS}::int)))::int as e,
          s.month_revenue,
          s.last_event_at > ${b.activeSince} as active_now,
          s.last_event_at > ${b.a2} and s.last_event_at <= ${b.lapsedUntil} as lapsed,
          coalesce(s.last_event_at > ${b.a2}
            and width_bucket(${b.dayA - 1}::int, s.active_days) > width_bucket(${b.dayA2}::int, s.active_days), false)
            or coalesce(edge.base, false) as not_churned,
          case when s.last_event_at > ${b.a}
            then s.day_revenue[array_length(s.day_revenue, 1)] - coalesce(s.day_revenue[width_bucket(${b.dayA}::int, s.active_days)], 0)
            else 0 end + coalesce(edge.rev, 0) as rev30
        from src s left join edge on edge.customer_id = s.customer_id
      )
      select ${cohortLabel(q.groupBy, sql.ref('ck'))} as cohort, e, count(*)::int as n,
        array[${sql.join(ms.map((m) => sql`coalesce(sum(month_revenue[${m + 1}::int]), 0)`))}]::float8[] as revenue,
        sum(rev30)::float8 as "revenue30",
        count(*) filter (where active_now)::int as "activeNow",
        count(*) filter (where lapsed)::int as lapsed,
        count(*) filter (where not_churned)::int as "notChurned"
      from g group by ck, e`.execute(trx);
      return rows;
    },
    timeoutMs,
  );
  const byCohort = new Map<string, GroupRow[]>();
  for (const row of rows) byCohort.set(row.cohort, [...(byCohort.get(row.cohort) ?? []), row]);
  return [...byCohort].map(([cohort, groups]) => {
    const total = (f: (g: GroupRow) => number) => groups.reduce((s, g) => s + f(g), 0);
    // Revenue of a customer whose first m + 1 periods are complete: the sum of its periods 0…m.
    const cumulative = (g: GroupRow) => {
      let running = 0;
      return ms.map((m) => (running += g.revenue[m] ?? 0));
    };
    return {
      cohort,
      size: total((g) => g.n),
      eligible: suffixSums(
        groups.map((g) => ({ e: g.e, values: new Array(q.months).fill(g.n) })),
        q.months,
      ),
      revenue: suffixSums(
        groups.map((g) => ({ e: g.e, values: cumulative(g) })),
        q.months,
      ),
      revenue30: total((g) => g.revenue30),
      activeNow: total((g) => g.activeNow),
      lapsed: total((g) => g.lapsed),
      notChurned: total((g) => g.notChurned),
    };
  });
}
