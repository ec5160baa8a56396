/**
 * Health calibration reads every live customer's stored lifecycle stage by id (ANALYTICS.md
 * "Beyond the usual": "churned since" is the stage now). With `lifecycle_stage` carried in the
 * live-customers id index, that read is an index-only scan instead of a scan of the whole
 * customers table (~30 ms of a 50,000-customer calibration). The column is already indexed by
 * customers_env_stage_idx, so updates that keep or change it are HOT-eligible exactly as before;
 * the index replaces customers_env_id_idx rather than adding one more for ingest to maintain.
 * Frozen once landed.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index customers_env_id_stage_idx on customers (environment_id, id) include (lifecycle_stage)
    where deleted_at is null`.execute(db);
  await sql`drop index if exists customers_env_id_idx`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index customers_env_id_idx on customers (environment_id, id) where deleted_at is null`.execute(db);
  await sql`drop index if exists customers_env_id_stage_idx`.execute(db);
}
