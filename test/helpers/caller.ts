/** tRPC callers through the real router, with a given actor. */
import { createCaller, createContextInner } from '@tenure/api';
import type { Actor } from '@tenure/core';
import type { DB, Kysely } from '@tenure/db';

export function callerFor(db: Kysely<DB>, actor: Actor | null) {
  return createCaller(createContextInner({ db, actor }));
}
