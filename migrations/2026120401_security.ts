/**
 * Security fixes:
 * - idempotency records belong to the API key (or staff user) that made them, not only to the
 *   environment (a replay never serves one key's answer to another), and expire by created_at;
 * - rate limits per class: reads/writes and ingestion, per key and per environment.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Stored answers live 24 h; those of the old layout cannot be attributed to a key: drop them.
  await db.deleteFrom('idempotency_keys').execute();
  await db.schema.alterTable('idempotency_keys').dropConstraint('idempotency_keys_pkey').execute();
  await db.schema
    .alterTable('idempotency_keys')
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .alterTable('idempotency_keys')
    .addPrimaryKeyConstraint('idempotency_keys_pkey', ['environment_id', 'actor_id', 'key'])
    .execute();
  // The purge deletes by age across environments: the one maintenance query without an environment.
  await sql`create index idempotency_keys_created_idx on idempotency_keys (created_at)`.execute(db);

  await db.schema.alterTable('api_keys').addColumn('ingest_rate_limit', 'integer').execute();
  await db.schema.alterTable('environments').addColumn('ingest_rate_limit', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('environments').dropColumn('ingest_rate_limit').execute();
  await db.schema.alterTable('api_keys').dropColumn('ingest_rate_limit').execute();
  await sql`drop index idempotency_keys_created_idx`.execute(db);
  await db.deleteFrom('idempotency_keys').execute();
  await db.schema.alterTable('idempotency_keys').dropConstraint('idempotency_keys_pkey').execute();
  await db.schema.alterTable('idempotency_keys').dropColumn('actor_id').execute();
  await db.schema.alterTable('idempotency_keys').addPrimaryKeyConstraint('idempotency_keys_pkey', ['environment_id', 'key']).execute();
}
