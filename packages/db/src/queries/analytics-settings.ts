/** An environment's stored settings document (analytics settings and other environment switches). */
import { sql, type Transaction } from 'kysely';
import type { DB } from '../types';

/** The stored settings, locked for the rest of the transaction (read-merge-write). */
export async function lockEnvironmentSettings(trx: Transaction<DB>, envId: string): Promise<Record<string, unknown> | undefined> {
  const row = await trx
    .selectFrom('environments')
    .select('environments.settings')
    .where('environments.id', '=', envId)
    .forUpdate()
    .executeTakeFirst();
  return row?.settings;
}

/** Merges keys into the stored document: keys this caller does not know stay as they are. */
export async function mergeEnvironmentSettings(trx: Transaction<DB>, envId: string, values: Record<string, unknown>): Promise<void> {
  await trx
    .updateTable('environments')
    .set({ settings: sql`settings || ${JSON.stringify(values)}::jsonb` })
    .where('environments.id', '=', envId)
    .execute();
}
