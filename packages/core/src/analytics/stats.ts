/** `/customers/stats` through the analytics engine. */
import type { TCustomerStats } from '@tenure/contract';
import type { DB, Kysely } from '@tenure/db';
import { type AnalyticsEngine, createAnalyticsEngine } from './engine';
import { analyticsCall } from './failure';
import { loadAnalyticsSettings } from './settings';

/** Stages as stored; `active` by the activity predicate as of now (the request time). */
export async function getCustomerStats(
  db: Kysely<DB>,
  envId: string,
  engine: AnalyticsEngine = createAnalyticsEngine(db),
  now: Date = new Date(),
): Promise<TCustomerStats> {
  const { activeDays } = await loadAnalyticsSettings(db, envId);
  return analyticsCall('customer stats', () => engine.customerStats({ envId, settings: { activeDays }, now }));
}
