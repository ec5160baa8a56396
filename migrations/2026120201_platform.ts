/** Tenancy, staff, sessions, API keys, customers, events, idempotency and audit. Frozen once landed. */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('workspaces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('USD'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('environments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('live', 'test')`))
    .addColumn('settings', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('rate_limit', 'integer')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('environments_workspace_mode_key', ['workspace_id', 'mode'])
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index users_email_key on users (lower(email))`.execute(db);

  await db.schema
    .createTable('memberships')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner', 'admin', 'member', 'viewer')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('memberships_pkey', ['workspace_id', 'user_id'])
    .execute();
  await db.schema.createIndex('memberships_user_idx').on('memberships').column('user_id').execute();

  // Only the SHA-256 of the session token is stored (Lucia's guide); the id is that hash.
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('environment_id', 'text', (c) => c.notNull().references('environments.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('secret', 'publishable')`))
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .addColumn('scopes', sql`text[]`)
    .addColumn('rate_limit', 'integer')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('last_used_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('api_keys_env_idx').on('api_keys').columns(['environment_id', 'created_at']).execute();

  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('environment_id', 'text', (c) => c.notNull().references('environments.id').onDelete('cascade'))
    .addColumn('external_id', 'text')
    .addColumn('email', 'text')
    .addColumn('name', 'text')
    .addColumn('company', 'text')
    .addColumn('role', 'text')
    .addColumn('team_size', 'integer')
    .addColumn('locale', 'text')
    .addColumn('plan', 'text')
    .addColumn('click_id', 'text')
    .addColumn('attributes', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    // Per-customer aggregates, maintained in the same transaction as each ingest.
    .addColumn('event_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('revenue_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('first_event_at', 'timestamptz')
    .addColumn('last_event_at', 'timestamptz')
    .addColumn('first_seen_at', 'timestamptz', (c) => c.notNull())
    // Acquisition: the earliest touchpoint (effective time, then event id).
    .addColumn('acq_event_id', 'text')
    .addColumn('acq_at', 'timestamptz')
    .addColumn('acq_source', 'text')
    .addColumn('acq_medium', 'text')
    .addColumn('acq_campaign', 'text')
    .addColumn('acq_click_id', 'text')
    .addColumn('acq_referrer', 'text')
    .addColumn('acq_landing_url', 'text')
    // Computed scores (analytics), exact as of scores_computed_at.
    .addColumn('lifecycle_stage', 'text', (c) => c.notNull().defaultTo('new'))
    .addColumn('health', 'integer')
    .addColumn('health_components', 'jsonb')
    .addColumn('previous_health', 'integer')
    .addColumn('engagement_score', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expansion_score', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('risk_level', 'text')
    .addColumn('scores_computed_at', 'timestamptz')
    .addColumn('next_action', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('deleted_at', 'timestamptz')
    .execute();
  // externalId is unique among live customers only, so an erased or deleted id can be reused.
  await sql`create unique index customers_env_external_key on customers (environment_id, external_id)
    where deleted_at is null and external_id is not null`.execute(db);
  // Sorted list pages: every sort key leads with the environment and ends with the id tie-break.
  await sql`create index customers_env_created_idx on customers (environment_id, created_at, id) where deleted_at is null`.execute(db);
  await sql`create index customers_env_activity_idx on customers (environment_id, last_event_at, id) where deleted_at is null`.execute(db);
  await sql`create index customers_env_health_idx on customers (environment_id, health, id) where deleted_at is null`.execute(db);
  await sql`create index customers_env_ltv_idx on customers (environment_id, revenue_minor, id) where deleted_at is null`.execute(db);
  await sql`create index customers_env_name_idx on customers (environment_id, (lower(name) collate "C"), id) where deleted_at is null`.execute(
    db,
  );
  await sql`create index customers_env_stage_idx on customers (environment_id, lifecycle_stage, risk_level) where deleted_at is null`.execute(
    db,
  );
  // Cohorts group every customer (deleted ones stay in their cohort) by first_seen_at.
  await sql`create index customers_env_first_seen_idx on customers (environment_id, first_seen_at, id)`.execute(db);

  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('environment_id', 'text', (c) => c.notNull().references('environments.id').onDelete('cascade'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('properties', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('timestamp', 'timestamptz', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    // min(timestamp, received_at): every analytics window uses it (ANALYTICS.md).
    .addColumn('effective_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revenue_minor', 'bigint')
    .addColumn('message_id', 'text')
    .addColumn('context', 'jsonb')
    // Touchpoint attributes derived once at ingest, so attribution never re-parses context.
    .addColumn('is_touchpoint', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('touch_source', 'text')
    .addColumn('touch_medium', 'text')
    .addColumn('touch_campaign', 'text')
    .execute();
  // Idempotency forever: one message id per environment (not a cache).
  await sql`create unique index events_env_message_key on events (environment_id, message_id) where message_id is not null`.execute(db);
  // Journeys (keyset over timestamp, id) and per-customer analytics windows.
  await sql`create index events_env_customer_ts_idx on events (environment_id, customer_id, timestamp, id)`.execute(db);
  await sql`create index events_env_customer_eff_idx on events (environment_id, customer_id, effective_at)`.execute(db);
  // Environment-wide time windows (reports, explorer).
  await sql`create index events_env_eff_idx on events (environment_id, effective_at, id)`.execute(db);
  await sql`create index events_env_ts_idx on events (environment_id, timestamp, id)`.execute(db);

  // A deleted event's messageId stays taken (idempotency is forever), answered as a duplicate.
  await db.schema
    .createTable('event_tombstones')
    .addColumn('environment_id', 'text', (c) => c.notNull().references('environments.id').onDelete('cascade'))
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_tombstones_pkey', ['environment_id', 'message_id'])
    .execute();

  await db.schema
    .createTable('suppressions')
    .addColumn('environment_id', 'text', (c) => c.notNull().references('environments.id').onDelete('cascade'))
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('suppressions_pkey', ['environment_id', 'external_id'])
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('environment_id', 'text', (c) => c.notNull().references('environments.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('response', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('idempotency_keys_pkey', ['environment_id', 'key'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('environment_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('api_key_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('audit_log_ws_created_idx').on('audit_log').columns(['workspace_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_log',
    'idempotency_keys',
    'suppressions',
    'events',
    'customers',
    'api_keys',
    'sessions',
    'memberships',
    'users',
    'environments',
    'workspaces',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
