/** Soft delete with PII scrub, batch delete, and erasure (suppression of the external id). */
import { AppError } from '@tenure/contract';
import { customerWriteQueries, type DB, eventErasureQueries, type Kysely, suppressionQueries, type Transaction } from '@tenure/db';
import type { Scope } from '../actor';
import { notifyScoresStale } from '../analytics/freshness';
import { audit } from '../audit';
import { parseCustomerRef } from './refs';

async function deleteLocked(
  trx: Transaction<DB>,
  scope: Scope,
  customers: { id: string; externalId: string | null }[],
  erase: boolean,
): Promise<number> {
  const now = new Date();
  const ids = customers.map((c) => c.id);
  const deleted = await customerWriteQueries.softDeleteCustomers(trx, scope.envId, ids, now);
  if (erase) {
    await eventErasureQueries.scrubCustomerEvents(trx, scope.envId, ids);
    const suppressions = customers.flatMap((c) =>
      c.externalId ? [{ environmentId: scope.envId, externalId: c.externalId, customerId: c.id, erasedAt: now }] : [],
    );
    if (suppressions.length) await suppressionQueries.insertSuppressions(trx, suppressions);
  }
  if (ids.length) {
    await audit(trx, scope.actor, {
      action: erase ? 'customer.erased' : 'customer.deleted',
      targetType: 'customer',
      targetId: ids.length === 1 ? (ids[0] ?? null) : null,
      details: ids.length === 1 ? {} : { ids },
    });
  }
  return deleted;
}

export async function deleteCustomer(db: Kysely<DB>, scope: Scope, ref: string, erase: boolean): Promise<{ deleted: true; id: string }> {
  const key = parseCustomerRef(ref);
  if (!key) throw new AppError('NOT_FOUND', `Customer ${ref} not found`);
  const result = await db.transaction().execute(async (trx) => {
    const row = await customerWriteQueries.lockCustomer(trx, scope.envId, key);
    if (!row) throw new AppError('NOT_FOUND', `Customer ${ref} not found`);
    await deleteLocked(trx, scope, [{ id: row.id, externalId: row.externalId }], erase);
    return { deleted: true as const, id: row.id };
  });
  // The deletion marked the customer: the background refresh takes it out of its segments.
  notifyScoresStale(db, scope.envId);
  return result;
}

/** Deletes every live customer among the references; unknown references are ignored. */
export async function batchDeleteCustomers(db: Kysely<DB>, scope: Scope, refs: string[], erase: boolean): Promise<{ deleted: number }> {
  const ids: string[] = [];
  const externalIds: string[] = [];
  for (const ref of refs) {
    const key = parseCustomerRef(ref);
    if (key && 'id' in key) ids.push(key.id);
    else if (key) externalIds.push(key.externalId);
  }
  const result = await db.transaction().execute(async (trx) => {
    const customers = await customerWriteQueries.lockCustomersByRefs(trx, scope.envId, { ids, externalIds });
    return { deleted: await deleteLocked(trx, scope, customers, erase) };
  });
  notifyScoresStale(db, scope.envId);
  return result;
}
