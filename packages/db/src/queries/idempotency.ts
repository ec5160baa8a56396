/** Stored responses for Idempotency-Key, scoped to (environment, key). */
import type { Kysely } from 'kysely';
import type { DB } from '../types';

/** Claims the key; false when a row exists already. */
export async function claimIdempotencyKey(db: Kysely<DB>, envId: string, key: string, requestHash: string): Promise<boolean> {
  const inserted = await db
    .insertInto('idempotencyKeys')
    .values({ environmentId: envId, key, requestHash })
    .onConflict((oc) => oc.columns(['environmentId', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  return !!inserted;
}

export function findIdempotencyKey(db: Kysely<DB>, envId: string, key: string) {
  return db
    .selectFrom('idempotencyKeys')
    .select(['requestHash', 'statusCode', 'response', 'createdAt'])
    .where('environmentId', '=', envId)
    .where('key', '=', key)
    .executeTakeFirst();
}

export function completeIdempotencyKey(db: Kysely<DB>, envId: string, key: string, statusCode: number, response: string) {
  return db
    .updateTable('idempotencyKeys')
    .set({ statusCode, response })
    .where('environmentId', '=', envId)
    .where('key', '=', key)
    .execute();
}

export function releaseIdempotencyKey(db: Kysely<DB>, envId: string, key: string) {
  return db.deleteFrom('idempotencyKeys').where('environmentId', '=', envId).where('key', '=', key).execute();
}
