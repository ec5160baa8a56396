/** `/customers/stats`: live customers by stored lifecycle stage, and how many are active now. */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { isActive } from '../queries/customers-read';
import type { DB } from '../types';
import { withAnalyticsTransaction } from './statement';
import type { CustomerStats, CustomerStatsQuery, LifecycleStage } from './types';

const DAY_MS = 86_400_000;

const STAGE_KEYS: Record<LifecycleStage, keyof CustomerStats['stages']> = {
  new: 'new',
  dormant: 'dormant',
  active: 'active',
  reactivated: 'reactivated',
  at_risk: 'atRisk',
  churned: 'churned',
};

/**
 * One statement: the stage counts come from an index-only scan of customers_env_stage_idx, the
 * active count (an uncorrelated subquery, run once) from a range of customers_env_activity_idx.
 * A request-time analytics read like the cohorts: under the same statement_timeout.
 */
export async function customerStats(db: Kysely<DB>, q: CustomerStatsQuery, timeoutMs?: number): Promise<CustomerStats> {
  const since = new Date(q.now.getTime() - q.settings.activeDays * DAY_MS);
  const rows = await withAnalyticsTransaction(
    db,
    (trx) =>
      trx
        .selectFrom('customers')
        .select((eb) => [
          'customers.lifecycleStage as stage',
          sql<number>`count(*)::int`.as('n'),
          eb
            .selectFrom('customers')
            .select(sql<number>`count(*)::int`.as('active'))
            .where('customers.environmentId', '=', q.envId)
            .where('customers.deletedAt', 'is', null)
            .where((inner) => isActive(inner, since))
            .as('active'),
        ])
        .where('customers.environmentId', '=', q.envId)
        .where('customers.deletedAt', 'is', null)
        .groupBy('customers.lifecycleStage')
        .execute(),
    timeoutMs,
  );
  const stages: CustomerStats['stages'] = { new: 0, dormant: 0, active: 0, reactivated: 0, atRisk: 0, churned: 0 };
  let total = 0;
  let active = 0;
  for (const row of rows) {
    const key = STAGE_KEYS[row.stage as LifecycleStage];
    if (!key) throw new Error(`customer stats: unknown lifecycle stage ${row.stage}`);
    stages[key] += row.n;
    total += row.n;
    active = row.active ?? 0;
  }
  return { total, active, atRisk: stages.atRisk, churned: stages.churned, stages };
}
