/** Erased external ids: later events are counted, not stored; upserts are refused. */
import type { Kysely } from 'kysely';
import type { DB } from '../types';

export async function findSuppressed(db: Kysely<DB>, envId: string, externalIds: string[]): Promise<Set<string>> {
  if (externalIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('suppressions')
    .select('externalId')
    .where('environmentId', '=', envId)
    .where('externalId', 'in', externalIds)
    .execute();
  return new Set(rows.map((r) => r.externalId));
}

export function insertSuppressions(
  db: Kysely<DB>,
  rows: { environmentId: string; externalId: string; customerId: string; erasedAt: Date }[],
) {
  return db
    .insertInto('suppressions')
    .values(rows)
    .onConflict((oc) => oc.columns(['environmentId', 'externalId']).doNothing())
    .execute();
}
