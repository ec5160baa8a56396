/**
 * ANALYTICS.md's stored scores as SQL over a set of customers: CTEs that end in `n`, one row per
 * customer with its stored (`old_…`) and newly computed values. The only place the formulas live.
 *
 * Exactness: every formula runs in `numeric` (PostgreSQL's `round(numeric)` rounds half away from
 * zero; `round(double precision)` rounds half to even) and outputs are cast, so pg and PGlite
 * return the same numbers. Windows use effective time and `(now − N d, now]`; events after `now`
 * (arrived while the refresh ran) are left for the next refresh.
 */
import { sql } from 'kysely';
import type { ScoreSettings } from './types';

const DAY_MS = 86_400_000;
const DAY_S = 86_400;

/** Bounds and constants of one computation, computed once in JS and bound as parameters. */
function parameters(settings: ScoreSettings, now: Date) {
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  return {
    now,
    last30: ago(30),
    last60: ago(60),
    churnBound: ago(settings.churnDays),
    newBound: ago(settings.newDays),
    gapSeconds: settings.reactivationGapDays * DAY_S,
    horizonSeconds: settings.recencyHorizonDays * DAY_S,
    // Numbers travel as their shortest decimal text, so 0.35 is exactly 0.35 once cast to numeric.
    target: String(settings.engagementTarget),
    wRecency: String(settings.weights.recency),
    wEngagement: String(settings.weights.engagement),
    wMonetary: String(settings.weights.monetary),
    lowRiskMin: String(settings.lowRiskMin),
    mediumRiskMin: String(settings.mediumRiskMin),
  };
}

/** The customers of one refresh: given ids, or the next chunk of the environment in id order. */
export type ScoreSet = { customerIds: string[] } | { afterId: string | null; limit: number };

function setFilter(set: ScoreSet) {
  if ('customerIds' in set) return sql`and c.id in (select jsonb_array_elements_text(${JSON.stringify(set.customerIds)}::jsonb))`;
  const after = set.afterId === null ? sql`` : sql`and c.id > ${set.afterId}`;
  return sql`${after} order by c.id limit ${set.limit}`;
}

/**
 * The chain, read from the statement's snapshot (no locks):
 * k (the set's live customers, their stored scores and when they were last computed) → m (event
 * figures: one index probe for the latest event before the 60-day window, one index range scan
 * of the window) → f (R, engagement, M, G unrounded) → h (health) → s (outputs) → n (stage).
 * Each step carries the stored (`old_…`) values along rather than joining k again, which keeps
 * the planner's row estimates at the size of the set.
 */
export function scoreCtes(envId: string, set: ScoreSet, settings: ScoreSettings, now: Date) {
  return sql`${scoreInputCtes(envId, set, settings, now)}, ${scoreFormulaCtes(settings, now)}`;
}

const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** k and m of the chain: the set's customers and their event figures as of `now`. */
function scoreInputCtes(envId: string, set: ScoreSet, settings: ScoreSettings, now: Date) {
  const p = parameters(settings, now);
  return sql`
  k as (
    select c.id, c.first_seen_at, c.health as old_health, c.health_components as old_components,
      c.previous_health as old_previous, c.engagement_score as old_engagement, c.expansion_score as old_expansion,
      c.risk_level as old_risk, c.lifecycle_stage as old_stage
    from customers c
    where c.environment_id = ${envId} and c.deleted_at is null ${setFilter(set)}
  ),
  m as (
    select k.*, w.n30, w.r30, w.rprev, w.reactivated, coalesce(w.last_in_window, a.anchor) as last_at
    from k
    -- The latest event before the window: activity when the window is empty, and the event a
    -- first in-window event follows (a reactivation gap can start before the window).
    cross join lateral (
      select max(e.effective_at) as anchor from events e
      where e.environment_id = ${envId} and e.customer_id = k.id and e.effective_at <= ${at(p.last60)}
    ) a
    cross join lateral (
      select count(*) filter (where x.effective_at > ${at(p.last30)})::int as n30,
        coalesce(sum(x.revenue_minor) filter (where x.effective_at > ${at(p.last30)}), 0)::numeric as r30,
        coalesce(sum(x.revenue_minor) filter (where x.effective_at <= ${at(p.last30)}), 0)::numeric as rprev,
        max(x.effective_at) as last_in_window,
        coalesce(bool_or(x.effective_at > ${at(p.last30)}
          and x.effective_at >= x.previous_at + make_interval(secs => ${p.gapSeconds}::float8)), false) as reactivated
      from (
        -- Each event's previous event (or firstSeenAt before the first event ever).
        select e.effective_at, e.revenue_minor,
          lag(e.effective_at, 1, coalesce(a.anchor, k.first_seen_at)) over (order by e.effective_at, e.id) as previous_at
        from events e
        where e.environment_id = ${envId} and e.customer_id = k.id
          and e.effective_at > ${at(p.last60)} and e.effective_at <= ${at(p.now)}
      ) x
    ) w
  )`;
}

/**
 * en → f → h → s → n: the formulas, over a CTE named `m` with one row per customer — `id`,
 * `first_seen_at`, `last_at` (latest effective time ≤ now, null without events), `n30`, `r30`,
 * `rprev` (minor units, numeric), `reactivated`, and the stored `old_…` values to carry along.
 * Health calibration (calibration.ts) feeds it figures as of a past `now` from the rollups.
 */
export function scoreFormulaCtes(settings: ScoreSettings, now: Date) {
  const p = parameters(settings, now);
  return sql`
  -- The engagement score of each distinct n30, computed once per value: a 30-place numeric ln
  -- costs ~10 µs, and a set of 50,000 customers has a few hundred distinct counts.
  en as materialized (
    select x.n30,
      -- ln in 30 decimals, then 12 places before the integer rounding: ln(2)/ln(256) must give
      -- 12.5 (→ 13), not 12.4999… (→ 12).
      round(round(100 * least(1, ln((1 + x.n30)::numeric(40, 30)) / ln((1 + ${p.target}::numeric)::numeric(40, 30))), 12)) as engagement
    from (select distinct m.n30 from m) x
  ),
  f as (
    select m.id, m.first_seen_at, m.last_at, m.reactivated,
      m.old_health, m.old_components, m.old_engagement, m.old_expansion, m.old_risk, m.old_stage,
      case when m.last_at is not null then
        100 * greatest(0, least(1, 1 - extract(epoch from ${at(p.now)} - m.last_at) / ${p.horizonSeconds}::numeric))
      end as recency,
      en.engagement,
      50 + 50 * greatest(-1, least(1, (m.r30 - m.rprev) / greatest(abs(m.r30), abs(m.rprev), 100))) as monetary,
      case when m.rprev > 0 then greatest(0, least(1, (m.r30 - m.rprev) / m.rprev)) when m.r30 > 0 then 1 else 0 end as growth
    from m join en on en.n30 = m.n30
  ),
  h as (
    select f.*,
      round(${p.wRecency}::numeric * f.recency + ${p.wEngagement}::numeric * f.engagement + ${p.wMonetary}::numeric * f.monetary)::int as health
    from f
    -- Fenced: health is read by the risk band, the stage and the caller's comparisons; flattened,
    -- each of them would re-evaluate the numeric formulas (−25 % for a 50,000-customer calibration).
    offset 0
  ),
  s as (
    select h.id, h.first_seen_at, h.health, h.last_at, h.reactivated,
      h.old_health, h.old_components, h.old_engagement, h.old_expansion, h.old_risk, h.old_stage,
      case when h.health is not null then
        jsonb_build_object('recency', round(h.recency, 2), 'engagement', h.engagement, 'monetary', round(h.monetary, 2))
      end as components,
      h.engagement::int as engagement,
      round(60 * h.growth + 0.4 * h.engagement)::int as expansion,
      case
        when h.health is null then null
        when h.health >= ${p.lowRiskMin}::numeric then 'low'
        when h.health >= ${p.mediumRiskMin}::numeric then 'medium'
        else 'high'
      end as risk
    from h
  ),
  n as (
    select s.id, s.health, s.components, s.engagement, s.expansion, s.risk,
      case
        when (s.last_at is null or s.last_at <= ${at(p.churnBound)}) and s.first_seen_at <= ${at(p.churnBound)} then 'churned'
        when s.first_seen_at > ${at(p.newBound)} then 'new'
        when s.last_at is null then 'dormant'
        when s.reactivated then 'reactivated'
        when s.risk = 'high' then 'at_risk'
        else 'active'
      end as stage,
      s.old_health, s.old_components, s.old_engagement, s.old_expansion, s.old_risk, s.old_stage
    from s
  )`;
}
