/**
 * Stored scores: when each customer's scores were last computed, the log of lifecycle and risk
 * transitions, and the customer index that chunked recomputes walk. Frozen once landed.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // When a customer's scores were last computed. A refresh rewrites a customer row only when its
  // scores changed; re-stamping unchanged customers here (a 40-byte row) instead of rewriting
  // their ~1 KB customer rows keeps hourly refreshes from dirtying every customer page
  // (README "Stored scores").
  await db.schema
    .createTable('customer_score_checks')
    .addColumn('environment_id', 'text', (c) => c.notNull().references('environments.id').onDelete('cascade'))
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('checked_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_score_checks_pkey', ['environment_id', 'customer_id'])
    .execute();

  // One row per change of lifecycle stage or risk level, written in the same statement as the
  // score update that made it. Webhooks and playbooks consume it in (at, id) order with a cursor;
  // the identity id orders rows of one computation.
  await db.schema
    .createTable('customer_transitions')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('environment_id', 'text', (c) => c.notNull().references('environments.id').onDelete('cascade'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('lifecycle', 'risk')`))
    .addColumn('from_value', 'text')
    .addColumn('to_value', 'text')
    .addColumn('health', 'integer')
    .addColumn('previous_health', 'integer')
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  // A consumer's cursor over an environment, and one customer's history.
  await sql`create index customer_transitions_env_at_idx on customer_transitions (environment_id, at, id)`.execute(db);
  await sql`create index customer_transitions_env_customer_idx on customer_transitions (environment_id, customer_id, at)`.execute(db);

  // Full recomputes walk an environment's live customers in id order, chunk by chunk: without
  // this the primary key is scanned across every environment's customers.
  await sql`create index customers_env_id_idx on customers (environment_id, id) where deleted_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists customers_env_id_idx`.execute(db);
  await db.schema.dropTable('customer_transitions').ifExists().execute();
  await db.schema.dropTable('customer_score_checks').ifExists().execute();
}
