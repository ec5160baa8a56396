/** Stored responses for Idempotency-Key, scoped to (environment, actor, key): an answer is replayed only to whoever made it. */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../types';

export interface IdempotencyScope {
  envId: string;
  /** The API key id or staff user id. */
  actorId: string;
  key: string;
}

/** Claims the key; false when a row exists already. */
export async function claimIdempotencyKey(db: Kysely<DB>, s: IdempotencyScope, requestHash: string): Promise<boolean> {
  const inserted = await db
    .insertInto('idempotencyKeys')
    .values({ environmentId: s.envId, actorId: s.actorId, key: s.key, requestHash })
    .onConflict((oc) => oc.columns(['environmentId', 'actorId', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  return !!inserted;
}

export function findIdempotencyKey(db: Kysely<DB>, s: IdempotencyScope) {
  return db
    .selectFrom('idempotencyKeys')
    .select(['requestHash', 'statusCode', 'response', 'createdAt'])
    .where('environmentId', '=', s.envId)
    .where('actorId', '=', s.actorId)
    .where('key', '=', s.key)
    .executeTakeFirst();
}

export function completeIdempotencyKey(db: Kysely<DB>, s: IdempotencyScope, statusCode: number, response: string) {
  return db
    .updateTable('idempotencyKeys')
    .set({ statusCode, response })
    .where('environmentId', '=', s.envId)
    .where('actorId', '=', s.actorId)
    .where('key', '=', s.key)
    .execute();
}

export function releaseIdempotencyKey(db: Kysely<DB>, s: IdempotencyScope) {
  return db
    .deleteFrom('idempotencyKeys')
    .where('environmentId', '=', s.envId)
    .where('actorId', '=', s.actorId)
    .where('key', '=', s.key)
    .execute();
}

/**
 * Deletes records older than `before`, across environments (maintenance: the only query here
 * without an environment id, served by the created_at index), at most `limit` per call.
 */
export async function purgeIdempotencyKeys(db: Kysely<DB>, before: Date, limit = 10_000): Promise<number> {
  const result = await sql<{ n: number }>`
    with doomed as (
      select environment_id, actor_id, key from idempotency_keys where created_at < ${before} limit ${limit}
    )
    delete from idempotency_keys k using doomed d
    where k.environment_id = d.environment_id and k.actor_id = d.actor_id and k.key = d.key`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
