/** tRPC callers through the real router, with a given actor. */
import { createCaller, createContextInner } from '@tenure/api';
import type { Actor } from '@tenure/core';
import type { DB, Kysely } from '@tenure/db';

export function callerFor(db: Kysely<DB>, actor: Actor | null) {
  return createCaller(createContextInner({ db, actor }));
}

/** Narrows an upsert answer to the whole customer (what secret keys and staff get). */
export function full<T extends { customer: { id: string } }>(result: T): Extract<T, { customer: { email: unknown } }> {
  if (!('email' in result.customer)) throw new Error('expected the whole customer, got the identify answer');
  return result as Extract<T, { customer: { email: unknown } }>;
}
