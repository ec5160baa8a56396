/**
 * Freshness of stored scores: the customers whose scores a write made stale (marked in the
 * write's own transaction, so a crash never loses one), and the state of each environment's
 * full recompute (settings changes, the hourly refresh), which the SPA shows as progress.
 * The job queue itself is pg-boss's schema (`pgboss`), created by pg-boss at start.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Every mark takes a new version: a drain deletes a mark only if it is still the version it
  // read, so a write that re-marks a customer meanwhile (even one committing after the drain's
  // snapshot) keeps its mark for the next drain.
  await sql`create sequence score_refresh_queue_version`.execute(db);
  await db.schema
    .createTable('score_refresh_queue')
    .addColumn('environment_id', 'text', (c) => c.notNull().references('environments.id').onDelete('cascade'))
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(sql`nextval('score_refresh_queue_version')`))
    // When the latest write made the customer stale (how far behind the refresh is).
    .addColumn('queued_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('score_refresh_queue_pkey', ['environment_id', 'customer_id'])
    .execute();

  await db.schema
    .createTable('score_recomputes')
    .addColumn('environment_id', 'text', (c) => c.primaryKey().references('environments.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`reason in ('settings', 'hourly', 'manual')`))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('queued', 'running', 'done', 'failed')`))
    .addColumn('total', 'integer')
    .addColumn('examined', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('changed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('transitions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('score_recomputes').ifExists().execute();
  await db.schema.dropTable('score_refresh_queue').ifExists().execute();
  await sql`drop sequence if exists score_refresh_queue_version`.execute(db);
}
