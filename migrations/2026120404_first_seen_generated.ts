/**
 * `first_seen_at` is derived by the database, once: the earliest of the customer's `created_at`
 * and its first event's effective time (ANALYTICS.md "Activity"). As a generated column no write
 * path can restate or forget the rule (imports that move `created_at`, ingest, event deletion).
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table customers drop column first_seen_at`.execute(db);
  await sql`alter table customers add column first_seen_at timestamptz not null
    generated always as (least(created_at, first_event_at)) stored`.execute(db);
  // Cohorts group every customer (deleted ones stay in their cohort) by first_seen_at.
  await sql`create index customers_env_first_seen_idx on customers (environment_id, first_seen_at, id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table customers drop column first_seen_at`.execute(db);
  await sql`alter table customers add column first_seen_at timestamptz`.execute(db);
  await sql`update customers set first_seen_at = least(created_at, first_event_at)`.execute(db);
  await sql`alter table customers alter column first_seen_at set not null`.execute(db);
  await sql`create index customers_env_first_seen_idx on customers (environment_id, first_seen_at, id)`.execute(db);
}
