/** Tables of the analytics module: score bookkeeping, rollups, recomputes, segments. Keep in step with migrations/. */
import type { Generated, ColumnType } from 'kysely';
import type { Timestamp, Json } from './column-types';

/** When a customer's scores were last computed (also when nothing changed); see migration 2026120403. */
export interface CustomerScoreChecksTable {
  environmentId: string;
  customerId: string;
  checkedAt: Timestamp;
}

/** A change of lifecycle stage or risk level recorded by a score refresh. */
export interface CustomerTransitionsTable {
  id: Generated<ColumnType<string, never, never>>;
  environmentId: string;
  customerId: string;
  kind: 'lifecycle' | 'risk';
  fromValue: string | null;
  toValue: string | null;
  health: number | null;
  previousHealth: number | null;
  at: Timestamp;
}

/** A customer whose stored scores a write made stale (drained by the background refresh). */
export interface ScoreRefreshQueueTable {
  environmentId: string;
  customerId: string;
  /** A new value from a sequence at every mark (bigint, read as a number). */
  version: Generated<number>;
  queuedAt: Timestamp;
}

/** One customer's events rolled up for cohorts and LTV (migration 2026120501, README "Rollups"). */
export interface CustomerRollupsTable {
  environmentId: string;
  customerId: string;
  firstSeenAt: Timestamp;
  source: string | null;
  campaign: string | null;
  lastEventAt: Timestamp | null;
  weekActive: number;
  monthActive: number;
  weekRevenue: number[] | null;
  monthRevenue: number[] | null;
  activeDays: number[] | null;
  dayEvents: number[] | null;
  dayRevenue: number[] | null;
  dayFirst: Timestamp[] | null;
  dayLast: Timestamp[] | null;
}

/** The latest full recompute of an environment's scores, with its progress. */
export interface ScoreRecomputesTable {
  environmentId: string;
  reason: 'settings' | 'hourly' | 'manual';
  state: 'queued' | 'running' | 'done' | 'failed';
  total: number | null;
  examined: number;
  changed: number;
  transitions: number;
  error: string | null;
  requestedAt: Timestamp;
  startedAt: Timestamp | null;
  finishedAt: Timestamp | null;
}

/** A segment definition (rules as validated by the contract) and its current size. */
export interface SegmentsTable {
  id: string;
  environmentId: string;
  name: string;
  description: string | null;
  match: 'all' | 'any';
  rules: Json<unknown[]>;
  customerCount: Generated<number>;
  countedAt: Timestamp | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface SegmentMembersTable {
  environmentId: string;
  segmentId: string;
  customerId: string;
  since: Timestamp;
}

export interface SegmentChangesTable {
  id: Generated<ColumnType<string, never, never>>;
  environmentId: string;
  segmentId: string;
  customerId: string;
  change: 'entered' | 'left';
  at: Timestamp;
}
