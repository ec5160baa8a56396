/**
 * The analytics boundary on the core side: every analytics question goes through this interface
 * (plain data in and out, schemas in @tenure/contract), so another engine can answer it.
 */
import type {
  TAttributionFigure,
  TAttributionQuery,
  TCalibrationFigure,
  TCalibrationQuery,
  TCustomerAttributionFigures,
  TCustomerAttributionQuery,
  TCustomerStats,
  TCustomerStatsQuery,
  TCustomerTransition,
  TLtvCohortCounts,
  TLtvQuery,
  TRetentionCohortCounts,
  TReportFigures,
  TReportQuery,
  TRetentionQuery,
  TRollupRefreshInput,
  TRollupRefreshResult,
  TRuleSetQuery,
  TSegmentMatchQuery,
  TSegmentRefreshInput,
  TSegmentRefreshResult,
  TScoreRefreshInput,
  TScoreRefreshResult,
  TTransitionQuery,
} from '@tenure/contract';
import { createPostgresAnalytics, type DB, type Kysely, type PostgresAnalyticsOptions } from '@tenure/db';

// Function-typed properties (not methods), so an implementation is checked strictly against them.
export interface AnalyticsEngine {
  /** Computes and stores the scores of a set of customers (ids, or the next chunk in id order). */
  refreshScores: (input: TScoreRefreshInput) => Promise<TScoreRefreshResult>;
  /** Live customers by lifecycle stage and activity (`/customers/stats`). */
  customerStats: (query: TCustomerStatsQuery) => Promise<TCustomerStats>;
  /** The lifecycle and risk transitions recorded by refreshes, in (at, id) order after a cursor. */
  listTransitions: (query: TTransitionQuery) => Promise<TCustomerTransition[]>;
  /** Rebuilds the stored rollups of customers from their events (the drain, before it clears their marks). */
  refreshRollups: (input: TRollupRefreshInput) => Promise<TRollupRefreshResult>;
  /** Retention cohorts as exact figures per cohort and period (`/customers/cohorts`). */
  cohorts: (query: TRetentionQuery) => Promise<TRetentionCohortCounts[]>;
  /** LTV cohorts as exact figures per cohort and month (`/customers/ltv-cohorts`). */
  ltvCohorts: (query: TLtvQuery) => Promise<TLtvCohortCounts[]>;
  /** Live customers matching a segment rule set now (`POST /segments/estimate`). */
  estimateSegment: (query: TRuleSetQuery) => Promise<number>;
  /** Whether one live customer matches a rule set now (a playbook's `exit_unless`). */
  customerMatchesSegment: (query: TSegmentMatchQuery) => Promise<boolean>;
  /** Recounts segment memberships set-based, logging who entered and left. */
  refreshSegments: (input: TSegmentRefreshInput) => Promise<TSegmentRefreshResult>;
  /** One customer's touchpoints and the credits of its conversions (`/customers/{id}/attribution`). */
  customerAttribution: (query: TCustomerAttributionQuery) => Promise<TCustomerAttributionFigures>;
  /** Credits of the conversions in a window summed by source, campaign or medium (`/attribution`). */
  attribution: (query: TAttributionQuery) => Promise<TAttributionFigure[]>;
  /** Metrics over a window, the previous one and per bucket (`/reports`). */
  report: (query: TReportQuery) => Promise<TReportFigures>;
  /** Customers per health band as of a past time and how many churned since (`/reports/health-calibration`). */
  healthCalibration: (query: TCalibrationQuery) => Promise<TCalibrationFigure[]>;
}

const engines = new WeakMap<Kysely<DB>, AnalyticsEngine>();

/** The default engine: SQL on the same database (PostgreSQL or PGlite), one per database handle. */
export function createAnalyticsEngine(db: Kysely<DB>, opts?: PostgresAnalyticsOptions): AnalyticsEngine {
  let engine = opts ? undefined : engines.get(db);
  if (!engine) {
    const pg = createPostgresAnalytics(db, opts);
    // Assigning the db layer's engine to the interface is the compile-time check that both
    // sides of the boundary agree.
    engine = {
      refreshScores: pg.refreshScores,
      customerStats: pg.customerStats,
      listTransitions: pg.listTransitions,
      refreshRollups: pg.refreshRollups,
      cohorts: pg.retentionCohorts,
      ltvCohorts: pg.ltvCohorts,
      estimateSegment: pg.estimateSegment,
      customerMatchesSegment: pg.customerMatchesSegment,
      refreshSegments: pg.refreshSegments,
      customerAttribution: pg.customerAttribution,
      attribution: pg.attribution,
      report: pg.report,
      healthCalibration: pg.healthCalibration,
    } satisfies AnalyticsEngine;
    if (!opts) engines.set(db, engine);
  }
  return engine;
}
