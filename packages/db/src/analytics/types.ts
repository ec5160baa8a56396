/**
 * The PostgreSQL engine's inputs and outputs: plain data, the same shapes as the analytics
 * boundary in @tenure/contract (the db layer does not depend on it; core assigns this engine to
 * its `AnalyticsEngine` interface, so the compiler checks that they agree).
 */

export interface ScoreSettings {
  churnDays: number;
  newDays: number;
  reactivationGapDays: number;
  recencyHorizonDays: number;
  engagementTarget: number;
  weights: { recency: number; engagement: number; monetary: number };
  lowRiskMin: number;
  mediumRiskMin: number;
}

interface RefreshCommon {
  envId: string;
  settings: ScoreSettings;
  now: Date;
}

export type ScoreRefreshInput = RefreshCommon & ({ customerIds: string[] } | { afterId: string | null; limit: number });

export interface ScoreRefreshResult {
  examined: number;
  changed: number;
  transitions: number;
  lastId: string | null;
}

export type LifecycleStage = 'new' | 'dormant' | 'active' | 'reactivated' | 'at_risk' | 'churned';
export type RiskLevel = 'low' | 'medium' | 'high';

export interface CustomerStatsQuery {
  envId: string;
  settings: { activeDays: number };
  now: Date;
}

export interface CustomerStats {
  total: number;
  active: number;
  atRisk: number;
  churned: number;
  stages: { new: number; dormant: number; active: number; reactivated: number; atRisk: number; churned: number };
}

export interface TransitionQuery {
  envId: string;
  customerId?: string;
  after?: { at: Date; id: string } | null;
  limit: number;
}

export interface CustomerTransition {
  id: string;
  customerId: string;
  kind: 'lifecycle' | 'risk';
  from: LifecycleStage | RiskLevel | null;
  to: LifecycleStage | RiskLevel | null;
  health: number | null;
  previousHealth: number | null;
  at: Date;
}

/** Rebuild the stored rollups of these customers (deleted ones included) from their events. */
export interface RollupRefreshInput {
  envId: string;
  customerIds: string[];
}

export interface RollupRefreshResult {
  /** Customers found (unknown ids are skipped). */
  examined: number;
  /** Of those, the rows written because they changed. */
  written: number;
}

export type CohortGroupBy = 'week' | 'month' | 'campaign' | 'source';

/** An acquisition window on firstSeenAt, `[start, end)`; either side open when null. */
export interface AcquisitionWindow {
  start: Date | null;
  end: Date | null;
}

export interface RetentionQuery extends AcquisitionWindow {
  envId: string;
  groupBy: CohortGroupBy;
  periods: number;
  criteria: 'on' | 'on_or_after';
  metric: 'customers' | 'revenue';
  now: Date;
}

/**
 * Exact integer figures of one cohort, period k at index k: `eligible` customers whose period k
 * started; for `customers` the `active` among them; for `revenue` the `revenue` of their period k
 * and the `base` revenue of their period 0 (minor units). Arrays a metric does not use are empty.
 */
export interface RetentionCohortCounts {
  cohort: string;
  size: number;
  eligible: number[];
  active: number[];
  revenue: number[];
  base: number[];
}

export interface LtvQuery extends AcquisitionWindow {
  envId: string;
  groupBy: Exclude<CohortGroupBy, 'week'>;
  months: number;
  now: Date;
  settings: { activeDays: number; churnDays: number };
}

/**
 * Exact figures of one LTV cohort: month m at index m — `eligible` customers whose first m + 1
 * periods of 30 days are complete and their `revenue` in those periods (minor units); and the
 * predicted-LTV inputs: revenue in the last 30 days (minor units), customers active now, customers
 * who lapsed in the last 30 days and customers not churned 30 days ago.
 */
export interface LtvCohortCounts {
  cohort: string;
  size: number;
  eligible: number[];
  revenue: number[];
  revenue30: number;
  activeNow: number;
  lapsed: number;
  notChurned: number;
}
