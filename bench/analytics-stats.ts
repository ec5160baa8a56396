/**
 * The stats part of `npm run bench -- analytics` (QUALITY.md: `/customers/stats` over 1M events,
 * ≤ 1.0× the plain SQL of the same answer over the raw events and ≤ 300 ms). The API counts the
 * stored lifecycle stages (an index-only scan) and the active customers now; the baseline is what
 * the same answer costs without stored scores: every customer's stage from its raw events by
 * ANALYTICS.md's definitions (n30, r30, rPrev, last activity and the reactivation gap from one
 * pass with `lag()`, then the formulas in numeric), and the active count.
 *
 * Before timing, the numbers are checked equal: the stages with each customer's stage evaluated as
 * of its own `scores_computed_at` (stored fields are exact as of then), `total` and `active` as of
 * the request (active against the raw count just before and just after it, so a customer whose
 * last event crosses the 30-day line in between cannot fail the check).
 */
import { ANALYTICS_DEFAULTS } from '@tenure/contract';
import type pg from 'pg';
import { type AnalyticsPart, type Row, ratioRow } from './analytics-part';

const DAY_S = 86_400;

const STAGE_KEYS = { new: 'new', dormant: 'dormant', active: 'active', reactivated: 'reactivated', at_risk: 'atRisk', churned: 'churned' };

interface Stats {
  total: number;
  active: number;
  atRisk: number;
  churned: number;
  stages: Record<string, number>;
}

/**
 * `/customers/stats` over raw events with the default settings. `now` null: each customer's stage
 * as of its own scores_computed_at (the check); a time: everyone's as of that time (the timed run,
 * the same work).
 */
export async function rawStats(pool: pg.Pool, envId: string, now: Date | null, activeNow: Date): Promise<Stats> {
  const s = ANALYTICS_DEFAULTS;
  const { rows } = await pool.query<{ stage: string; n: number; active: number }>(
    `with c as (
       select id, first_seen_at, coalesce($2::timestamptz, scores_computed_at, $3::timestamptz) as at
       from customers where environment_id = $1 and deleted_at is null
     ),
     ev as (
       select c.id, c.at, c.first_seen_at, e.effective_at, e.revenue_minor,
         lag(e.effective_at) over (partition by c.id order by e.effective_at, e.id) as prev
       from c join events e on e.environment_id = $1 and e.customer_id = c.id and e.effective_at <= c.at
     ),
     agg as (
       select id, max(effective_at) as last_at,
         count(*) filter (where effective_at > at - make_interval(secs => 2592000))::int as n30,
         coalesce(sum(revenue_minor) filter (where effective_at > at - make_interval(secs => 2592000)), 0)::numeric as r30,
         coalesce(sum(revenue_minor) filter (where effective_at > at - make_interval(secs => 5184000) and effective_at <= at - make_interval(secs => 2592000)), 0)::numeric as rprev,
         bool_or(effective_at > at - make_interval(secs => 2592000) and effective_at >= coalesce(prev, first_seen_at) + make_interval(secs => $4)) as reactivated
       from ev group by id
     ),
     h as (
       select c.id, c.at, c.first_seen_at, agg.last_at, coalesce(agg.reactivated, false) as reactivated,
         round($5::numeric * 100 * greatest(0, least(1, 1 - extract(epoch from c.at - agg.last_at) / $6::numeric))
           + $7::numeric * round(round(100 * least(1, ln((1 + coalesce(agg.n30, 0))::numeric(40, 30)) / ln((1 + $8::numeric)::numeric(40, 30))), 12))
           + $9::numeric * (50 + 50 * greatest(-1, least(1, (agg.r30 - agg.rprev) / greatest(abs(agg.r30), abs(agg.rprev), 100))))) as health
       from c left join agg on agg.id = c.id
     ),
     st as (
       select h.*, case
         when (last_at is null or last_at <= at - make_interval(secs => $10)) and first_seen_at <= at - make_interval(secs => $10) then 'churned'
         when first_seen_at > at - make_interval(secs => $11) then 'new'
         when last_at is null then 'dormant'
         when reactivated then 'reactivated'
         when health < $12 then 'at_risk'
         else 'active' end as stage
       from h
     )
     select stage, count(*)::int as n,
       (select count(*)::int from customers where environment_id = $1 and deleted_at is null
          and last_event_at > $3::timestamptz - make_interval(secs => $13)) as active
     from st group by stage`,
    [
      envId,
      now?.toISOString() ?? null,
      activeNow.toISOString(),
      s.reactivationGapDays * DAY_S,
      String(s.weights.recency),
      String(s.recencyHorizonDays * DAY_S),
      String(s.weights.engagement),
      String(s.engagementTarget),
      String(s.weights.monetary),
      s.churnDays * DAY_S,
      s.newDays * DAY_S,
      String(s.mediumRiskMin),
      s.activeDays * DAY_S,
    ],
  );
  const stages: Record<string, number> = { new: 0, dormant: 0, active: 0, reactivated: 0, atRisk: 0, churned: 0 };
  let active = 0;
  for (const r of rows) {
    const key = STAGE_KEYS[r.stage as keyof typeof STAGE_KEYS];
    stages[key] = (stages[key] ?? 0) + r.n;
    active = r.active;
  }
  const total = Object.values(stages).reduce((a, b) => a + b, 0);
  return { total, active, atRisk: stages.atRisk ?? 0, churned: stages.churned ?? 0, stages };
}

/** The active-customer count alone, as of `at` (the check's two sides of the request). */
async function rawActive(pool: pg.Pool, envId: string, at: Date): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `select count(*)::int as n from customers where environment_id = $1 and deleted_at is null
       and last_event_at > $2::timestamptz - make_interval(secs => $3)`,
    [envId, at.toISOString(), ANALYTICS_DEFAULTS.activeDays * DAY_S],
  );
  return rows[0]?.n ?? 0;
}

export async function benchStats({ http, pool, envId, size, timed }: AnalyticsPart): Promise<Row[]> {
  const before = await rawActive(pool, envId, new Date());
  const api = await timed(() => http('/customers/stats'));
  const after = await rawActive(pool, envId, new Date());
  const stored = await rawStats(pool, envId, null, new Date());
  const got = api.last.stats as Stats;
  const activeOk = got.active === before || got.active === after;
  const { active: _a, ...apiRest } = got;
  const { active: _b, ...rawRest } = stored;
  if (!activeOk || JSON.stringify(apiRest) !== JSON.stringify(rawRest)) {
    throw new Error(
      `/customers/stats: the API and the baseline disagree\n${JSON.stringify(got)}\n${JSON.stringify({ ...stored, active: [before, after] })}`,
    );
  }
  const base = await timed(() => {
    const now = new Date();
    return rawStats(pool, envId, now, now);
  }, 'baseline');
  return [ratioRow(size, 'customer stats', api.p50, base.p50, 1)];
}
