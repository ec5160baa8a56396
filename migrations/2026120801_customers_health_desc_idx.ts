/**
 * `sortBy=health` descending (REST.md: nulls last in both directions) is served by an index, not
 * a sort of every live customer of the environment. A B-tree read backwards gives the reverse
 * order with nulls *first*, so `(environment_id, health, id)` serves only the ascending order
 * (`health asc nulls last, id asc`) and the descending one needs its own index. Frozen once landed.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index customers_env_health_desc_idx on customers (environment_id, health desc nulls last, id desc)
    where deleted_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists customers_env_health_desc_idx`.execute(db);
}
