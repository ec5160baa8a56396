/** Database upkeep that PostgreSQL's autovacuum does on its own and the embedded PGlite does not. */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../types';

/**
 * Refreshes the planner's statistics. Without them (PGlite runs no autovacuum) the analytics
 * statements get nested-loop plans that made a 1,000-customer score refresh take 24 s instead of
 * 0.6 s on PGlite; after a bulk load (demo data, an import) PostgreSQL benefits the same way until
 * autovacuum gets there.
 */
export async function analyzeTables(db: Kysely<DB>): Promise<void> {
  await sql`analyze`.execute(db);
}

/**
 * Analyzes the tables changed by more than a fifth (and 500 rows) since their last analysis (PostgreSQL keeps
 * the counts; autovacuum gets there within minutes, a bulk load needs it now). PGlite keeps no
 * such counts: there every table is analyzed. Returns the tables analyzed.
 */
export async function analyzeChangedTables(db: Kysely<DB>, driver: 'postgres' | 'pglite'): Promise<string[]> {
  if (driver === 'pglite') {
    await analyzeTables(db);
    return ['*'];
  }
  const { rows } = await sql<{ relname: string }>`
    select relname from pg_stat_user_tables
    where schemaname = 'public' and n_mod_since_analyze > greatest(500, 0.2 * n_live_tup)`.execute(db);
  for (const { relname } of rows) await sql`analyze ${sql.table(relname)}`.execute(db);
  return rows.map((r) => r.relname);
}

/** One round trip that needs no table: whether the database answers at all (readiness). */
export async function ping(db: Kysely<DB>): Promise<void> {
  await sql`select 1`.execute(db);
}
