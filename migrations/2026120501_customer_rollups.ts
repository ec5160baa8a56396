/**
 * Per-customer rollups of events for cohorts and LTV (README "Rollups"): one narrow row per
 * customer, rebuilt from its events by the background drain of `score_refresh_queue`. Deleted
 * customers keep their row (they stay in their cohorts). Frozen once landed.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('customer_rollups')
    .addColumn('environment_id', 'text', (c) => c.notNull().references('environments.id').onDelete('cascade'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    // Copies of the customer's cohort keys as of the build (a change of any of them marks the customer).
    .addColumn('first_seen_at', 'timestamptz', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('campaign', 'text')
    .addColumn('last_event_at', 'timestamptz')
    // Bit k: at least one event in the customer's own period k (7 or 30 days from firstSeenAt), k < 52.
    .addColumn('week_active', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('month_active', 'bigint', (c) => c.notNull().defaultTo(0))
    // Element k + 1: revenue (minor units) in the customer's period k, k < 52; null without revenue.
    .addColumn('week_revenue', sql`bigint[]`)
    .addColumn('month_revenue', sql`bigint[]`)
    // The UTC days (days since 1970-01-01, ascending) with events, and the running event count and
    // revenue through each: windows relative to now are two binary searches (width_bucket).
    .addColumn('active_days', sql`integer[]`)
    .addColumn('day_events', sql`integer[]`)
    .addColumn('day_revenue', sql`bigint[]`)
    .addPrimaryKeyConstraint('customer_rollups_pkey', ['environment_id', 'customer_id'])
    .execute();
  // Cohort queries read an environment's rows, or those first seen in an acquisition window.
  await sql`create index customer_rollups_env_first_seen_idx on customer_rollups (environment_id, first_seen_at)`.execute(db);
  // Existing customers have no rollup yet: mark them, and the next drain builds every row (until
  // then the queries read their raw events, so answers are exact meanwhile).
  await sql`insert into score_refresh_queue (environment_id, customer_id, queued_at)
    select environment_id, id, now() from customers
    on conflict (environment_id, customer_id) do update set version = excluded.version`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('customer_rollups').ifExists().execute();
}
