/**
 * Storage for write-heavy documents.
 * - jsonb documents (customer attributes, event properties and context) compress with lz4 where
 *   the server has it: a 2 KB attributes document is compressed on every write, and pglz made that
 *   ~20 % of a 10,000-customer batch. PGlite is built without lz4 and keeps pglz.
 * - customers keep 25 % of each page free, so an update that changes no indexed column (attributes,
 *   profile fields, most scores) can stay on its page as a HOT update and skip the nine indexes:
 *   re-syncing 10,000 customers' attributes took ~35 % less time in a trial.
 */
import { type Kysely, sql } from 'kysely';

const DOCUMENTS = [
  ['customers', 'attributes'],
  ['events', 'properties'],
  ['events', 'context'],
] as const;

async function hasLz4(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ lz4: boolean }>`
    select 'lz4' = any(enumvals) as lz4 from pg_settings where name = 'default_toast_compression'`.execute(db);
  return rows[0]?.lz4 === true;
}

async function setCompression(db: Kysely<any>, method: 'lz4' | 'pglz'): Promise<void> {
  if (!(await hasLz4(db))) return;
  for (const [table, column] of DOCUMENTS) {
    await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} set compression ${method === 'lz4' ? sql`lz4` : sql`pglz`}`.execute(
      db,
    );
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await setCompression(db, 'lz4');
  await sql`alter table customers set (fillfactor = 75)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await setCompression(db, 'pglz');
  await sql`alter table customers reset (fillfactor)`.execute(db);
}
