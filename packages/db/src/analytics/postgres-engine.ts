/**
 * The PostgreSQL (and PGlite) analytics engine: every analytics question answered in SQL here.
 * Core reaches it only through its `AnalyticsEngine` interface.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../types';
import { customerStats } from './customer-stats';
import { refreshScores } from './refresh-scores';
import { listTransitions } from './transitions';
import type {
  CustomerStats,
  CustomerStatsQuery,
  CustomerTransition,
  ScoreRefreshInput,
  ScoreRefreshResult,
  TransitionQuery,
} from './types';

export interface PostgresAnalytics {
  refreshScores(input: ScoreRefreshInput): Promise<ScoreRefreshResult>;
  customerStats(query: CustomerStatsQuery): Promise<CustomerStats>;
  listTransitions(query: TransitionQuery): Promise<CustomerTransition[]>;
}

export function createPostgresAnalytics(db: Kysely<DB>): PostgresAnalytics {
  return {
    refreshScores: (input) => refreshScores(db, input),
    customerStats: (query) => customerStats(db, query),
    listTransitions: (query) => listTransitions(db, query),
  };
}
