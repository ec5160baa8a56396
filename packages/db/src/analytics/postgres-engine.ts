/**
 * The PostgreSQL (and PGlite) analytics engine: every analytics question answered in SQL here.
 * Core reaches it only through its `AnalyticsEngine` interface.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../types';
import { attribution } from './attribution';
import { healthCalibration } from './calibration';
import { customerAttribution } from './customer-attribution';
import { customerStats } from './customer-stats';
import { ltvCohorts } from './ltv-cohorts';
import { refreshRollups } from './refresh-rollups';
import { refreshScores } from './refresh-scores';
import type {
  AttributionFigure,
  AttributionQuery,
  CalibrationFigure,
  CalibrationQuery,
  CustomerAttributionFigures,
  CustomerAttributionQuery,
  ReportFigures,
  ReportQuery,
} from './report-types';
import { report } from './reports';
import { retentionCohorts } from './retention';
import { customerMatches, estimateSegment, refreshSegments } from './segment-members';
import type { SegmentEstimateQuery, SegmentMatchQuery, SegmentRefreshInput, SegmentRefreshResult } from './segment-types';
import { listTransitions } from './transitions';
import type {
  CustomerStats,
  CustomerStatsQuery,
  CustomerTransition,
  LtvCohortCounts,
  LtvQuery,
  RetentionCohortCounts,
  RetentionQuery,
  RollupRefreshInput,
  RollupRefreshResult,
  ScoreRefreshInput,
  ScoreRefreshResult,
  TransitionQuery,
} from './types';

export interface PostgresAnalytics {
  refreshScores(input: ScoreRefreshInput): Promise<ScoreRefreshResult>;
  refreshRollups(input: RollupRefreshInput): Promise<RollupRefreshResult>;
  customerStats(query: CustomerStatsQuery): Promise<CustomerStats>;
  listTransitions(query: TransitionQuery): Promise<CustomerTransition[]>;
  retentionCohorts(query: RetentionQuery): Promise<RetentionCohortCounts[]>;
  ltvCohorts(query: LtvQuery): Promise<LtvCohortCounts[]>;
  estimateSegment(query: SegmentEstimateQuery): Promise<number>;
  customerMatchesSegment(query: SegmentMatchQuery): Promise<boolean>;
  refreshSegments(input: SegmentRefreshInput): Promise<SegmentRefreshResult>;
  customerAttribution(query: CustomerAttributionQuery): Promise<CustomerAttributionFigures>;
  attribution(query: AttributionQuery): Promise<AttributionFigure[]>;
  report(query: ReportQuery): Promise<ReportFigures>;
  healthCalibration(query: CalibrationQuery): Promise<CalibrationFigure[]>;
}

export interface PostgresAnalyticsOptions {
  /** statement_timeout of request-time analytics queries (default ANALYTICS_STATEMENT_TIMEOUT_MS). */
  statementTimeoutMs?: number;
}

export function createPostgresAnalytics(db: Kysely<DB>, opts: PostgresAnalyticsOptions = {}): PostgresAnalytics {
  return {
    refreshScores: (input) => refreshScores(db, input),
    refreshRollups: (input) => refreshRollups(db, input),
    customerStats: (query) => customerStats(db, query, opts.statementTimeoutMs),
    listTransitions: (query) => listTransitions(db, query),
    retentionCohorts: (query) => retentionCohorts(db, query, opts.statementTimeoutMs),
    ltvCohorts: (query) => ltvCohorts(db, query, opts.statementTimeoutMs),
    estimateSegment: (query) => estimateSegment(db, query, opts.statementTimeoutMs),
    customerMatchesSegment: (query) => customerMatches(db, query),
    refreshSegments: (input) => refreshSegments(db, input),
    customerAttribution: (query) => customerAttribution(db, query, opts.statementTimeoutMs),
    attribution: (query) => attribution(db, query, opts.statementTimeoutMs),
    report: (query) => report(db, query, opts.statementTimeoutMs),
    healthCalibration: (query) => healthCalibration(db, query, opts.statementTimeoutMs),
  };
}
