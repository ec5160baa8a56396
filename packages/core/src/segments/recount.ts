/**
 * Keeping segment memberships current (README "Segments"): the background drain recounts the
 * customers it refreshed, a rule edit recounts its segment for everyone, and the hourly refresh
 * recounts every segment for everyone (time alone moves customers in and out of windows).
 */
import type { TSegmentRefreshResult } from '@tenure/contract';
import type { DB, Kysely } from '@tenure/db';
import { type AnalyticsEngine, createAnalyticsEngine } from '../analytics/engine';
import { analyticsCall } from '../analytics/failure';
import { loadAnalyticsSettings } from '../analytics/settings';

export interface RecountScope {
  /** Only these segments (default: all of the environment's). */
  segmentIds?: string[] | null;
  /** Only these customers (default: everyone, deleted customers leaving). */
  customerIds?: string[] | null;
  engine?: AnalyticsEngine;
  now?: Date;
}

/**
 * Recounts memberships set-based (one statement for all the segments, in one transaction that
 * serializes with every other recount of the environment) and logs who entered and left.
 * @example await recountSegments(db, envId, { customerIds: refreshedIds })
 */
export async function recountSegments(db: Kysely<DB>, envId: string, scope: RecountScope = {}): Promise<TSegmentRefreshResult> {
  const engine = scope.engine ?? createAnalyticsEngine(db);
  const { activeDays } = await loadAnalyticsSettings(db, envId);
  return analyticsCall('segment recount', () =>
    engine.refreshSegments({
      envId,
      segmentIds: scope.segmentIds ?? null,
      customerIds: scope.customerIds ?? null,
      now: scope.now ?? new Date(),
      activeDays,
    }),
  );
}
