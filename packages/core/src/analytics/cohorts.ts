/**
 * `/customers/cohorts` and `/customers/ltv-cohorts`: the engine's exact figures turned into
 * ANALYTICS.md's answers (rates, averages and money rounded once, at output; the summary row;
 * the order of cohorts), served through the snapshot cache.
 */
import type {
  TCohortGroupBy,
  TLtvAnswer,
  TLtvCohortCounts,
  TLtvGroupBy,
  TRetentionAnswer,
  TRetentionCohortCounts,
  TRetentionQuery,
} from '@tenure/contract';
import { byCodePoints, type DB, type Kysely } from '@tenure/db';
import { loadEnvironment } from '../settings';
import { type AnalyticsEngine, createAnalyticsEngine } from './engine';
import { analyticsCall } from './failure';
import { roundRatio } from './ratio';
import { type Snapshot, serveSnapshot } from './serving';

export interface RetentionParams {
  groupBy: TCohortGroupBy;
  start: Date | null;
  end: Date | null;
  periods: number;
  criteria: TRetentionQuery['criteria'];
  metric: TRetentionQuery['metric'];
}

export interface LtvParams {
  groupBy: TLtvGroupBy;
  start: Date | null;
  end: Date | null;
  months: number;
}

export interface ServeOptions {
  engine?: AnalyticsEngine;
  /** Recompute instead of answering from a snapshot (`Cache-Control: no-cache`). */
  fresh?: boolean;
}

/** Codepoint order of lower-cased names, then of the names themselves (REST.md "Ordering"). */
export function byName(a: string, b: string): number {
  return byCodePoints(a.toLowerCase(), b.toLowerCase()) || byCodePoints(a, b);
}

/** Time cohorts ascending (their labels sort as text); campaign and source by size descending, then name. */
export function orderCohorts<T extends { cohort: string; size: number }>(groupBy: TCohortGroupBy, cohorts: T[]): T[] {
  const timed = groupBy === 'month' || groupBy === 'week';
  return [...cohorts].sort((a, b) =>
    timed ? (a.cohort < b.cohort ? -1 : a.cohort > b.cohort ? 1 : 0) : b.size - a.size || byName(a.cohort, b.cohort),
  );
}

const rate = (num: number, den: number) => (den > 0 ? roundRatio(num, den, 4) : null);
const money = (minor: number) => roundRatio(minor, 100, 2);

type Cell = TRetentionAnswer['summary'][number];

function cells(metric: TRetentionQuery['metric'], c: Pick<TRetentionCohortCounts, 'eligible' | 'active' | 'revenue' | 'base'>): Cell[] {
  return c.eligible.map((eligible, period) =>
    metric === 'customers'
      ? { period, eligible, active: c.active[period] ?? 0, rate: rate(c.active[period] ?? 0, eligible) }
      : { period, eligible, revenue: money(c.revenue[period] ?? 0), rate: rate(c.revenue[period] ?? 0, c.base[period] ?? 0) },
  );
}

/** ANALYTICS.md's retention answer from the engine's figures (pure: tests use it on hand-made figures too). */
export function retentionAnswer(params: RetentionParams, counts: TRetentionCohortCounts[], asOf: Date): TRetentionAnswer {
  const ordered = orderCohorts(params.groupBy, counts);
  const sum = (pick: (c: TRetentionCohortCounts) => number[]) =>
    Array.from({ length: params.periods }, (_, k) => ordered.reduce((s, c) => s + (pick(c)[k] ?? 0), 0));
  return {
    groupBy: params.groupBy,
    criteria: params.criteria,
    metric: params.metric,
    cohorts: ordered.map((c) => ({ cohort: c.cohort, size: c.size, retention: cells(params.metric, c) })),
    summary: cells(params.metric, {
      eligible: sum((c) => c.eligible),
      active: sum((c) => c.active),
      revenue: sum((c) => c.revenue),
      base: sum((c) => c.base),
    }),
    asOf: asOf.toISOString(),
  };
}

/** predictedLtv = ARPA / churn = (revenue30 / activeNow) / (lapsed / notChurned), in one exact ratio. */
function predictedLtv(c: TLtvCohortCounts): number | null {
  if (c.activeNow === 0 || c.notChurned === 0 || c.lapsed === 0) return null;
  return roundRatio(BigInt(c.revenue30) * BigInt(c.notChurned), BigInt(c.activeNow) * BigInt(c.lapsed) * 100n, 2);
}

export function ltvAnswer(params: LtvParams, currency: string, counts: TLtvCohortCounts[], asOf: Date): TLtvAnswer {
  return {
    months: params.months,
    groupBy: params.groupBy,
    currency,
    cohorts: orderCohorts(params.groupBy, counts).map((c) => ({
      cohort: c.cohort,
      size: c.size,
      ltv: c.eligible.map((n, m) => (n > 0 ? roundRatio(c.revenue[m] ?? 0, n * 100, 2) : null)),
      predictedLtv: predictedLtv(c),
    })),
    asOf: asOf.toISOString(),
  };
}

/** `/customers/cohorts`, from a snapshot unless `fresh`. */
export async function getRetentionCohorts(
  db: Kysely<DB>,
  envId: string,
  params: RetentionParams,
  opts: ServeOptions = {},
): Promise<Snapshot<TRetentionAnswer>> {
  const engine = opts.engine ?? createAnalyticsEngine(db);
  return serveSnapshot(db, envId, 'cohorts', { ...params }, { fresh: opts.fresh ?? false }, async (now) => {
    const counts = await analyticsCall('retention cohorts', () => engine.cohorts({ envId, ...params, now }));
    return retentionAnswer(params, counts, now);
  });
}

/** `/customers/ltv-cohorts`, from a snapshot unless `fresh`. */
export async function getLtvCohorts(
  db: Kysely<DB>,
  envId: string,
  params: LtvParams,
  opts: ServeOptions = {},
): Promise<Snapshot<TLtvAnswer>> {
  const engine = opts.engine ?? createAnalyticsEngine(db);
  return serveSnapshot(db, envId, 'ltv-cohorts', { ...params }, { fresh: opts.fresh ?? false }, async (now) => {
    const env = await loadEnvironment(db, envId);
    const { activeDays, churnDays } = env.settings;
    const counts = await analyticsCall('LTV cohorts', () =>
      engine.ltvCohorts({ envId, ...params, now, settings: { activeDays, churnDays } }),
    );
    return ltvAnswer(params, env.currency, counts, now);
  });
}
