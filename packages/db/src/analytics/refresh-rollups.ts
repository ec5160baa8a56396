/**
 * Stores the rollup rows of a set of customers (README "Rollups"): what the background drain
 * runs for each chunk of marked customers, before it clears their marks.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../types';
import { rollupRows } from './rollup-sql';
import type { RollupRefreshInput, RollupRefreshResult } from './types';

const COLUMNS = sql`first_seen_at, source, campaign, last_event_at, week_active, month_active, week_revenue, month_revenue,
  active_days, day_events, day_revenue, day_first, day_last`;

/**
 * One transaction per set:
 * - an advisory lock per environment serializes builds, and the build statement takes its
 *   snapshot after the lock (READ COMMITTED): a later build never stores an older view of a
 *   customer's events than an earlier one, whatever order two drains commit in;
 * - rows that did not change are not rewritten (a customer touched by a profile write stays put);
 * - a customer's mark is cleared by the caller only after this commits, so a query that finds no
 *   mark finds a row built from every event visible to it (rollup-source.ts).
 */
export async function refreshRollups(db: Kysely<DB>, input: RollupRefreshInput): Promise<RollupRefreshResult> {
  if (input.customerIds.length === 0) return { examined: 0, written: 0 };
  const { envId } = input;
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('jit', 'off', true)`.execute(trx);
    await sql`select pg_advisory_xact_lock(hashtext('tenure.customer_rollups'), hashtext(${envId}))`.execute(trx);
    const { rows } = await sql<RollupRefreshResult>`
      with src as (${rollupRows(envId, { customerIds: input.customerIds })}),
      up as (
        insert into customer_rollups (environment_id, customer_id, ${COLUMNS})
        select ${envId}, customer_id, ${COLUMNS} from src
        order by customer_id
        on conflict (environment_id, customer_id) do update set
          first_seen_at = excluded.first_seen_at, source = excluded.source, campaign = excluded.campaign,
          last_event_at = excluded.last_event_at, week_active = excluded.week_active, month_active = excluded.month_active,
          week_revenue = excluded.week_revenue, month_revenue = excluded.month_revenue, active_days = excluded.active_days,
          day_events = excluded.day_events, day_revenue = excluded.day_revenue, day_first = excluded.day_first,
          day_last = excluded.day_last
        where (customer_rollups.first_seen_at, customer_rollups.source, customer_rollups.campaign, customer_rollups.last_event_at,
            customer_rollups.week_active, customer_rollups.month_active, customer_rollups.week_revenue,
            customer_rollups.month_revenue, customer_rollups.active_days, customer_rollups.day_events, customer_rollups.day_revenue,
            customer_rollups.day_first, customer_rollups.day_last)
          is distinct from (excluded.first_seen_at, excluded.source, excluded.campaign, excluded.last_event_at,
            excluded.week_active, excluded.month_active, excluded.week_revenue, excluded.month_revenue,
            excluded.active_days, excluded.day_events, excluded.day_revenue, excluded.day_first, excluded.day_last)
        returning 1
      )
      select (select count(*) from src)::int as examined, (select count(*) from up)::int as written`.execute(trx);
    return rows[0] ?? { examined: 0, written: 0 };
  });
}
