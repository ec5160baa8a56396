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
