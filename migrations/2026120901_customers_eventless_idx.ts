/**
 * `/reports` counts a churn moment at firstSeenAt + churnDays for every customer without events
 * (ANALYTICS.md "Reports"), deleted customers included. Without an index the statement read every
 * customer of the environment to find the few that never had an event (~25 ms of a 1M-event
 * report); this partial index holds only those customers, so it stays small, and a customer's
 * first event (which already rewrites customers_env_activity_idx) leaves it. Frozen once landed.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index customers_env_eventless_idx on customers (environment_id, first_seen_at)
    where last_event_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists customers_env_eventless_idx`.execute(db);
}
