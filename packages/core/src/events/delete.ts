/** Deleting an event (aggregates follow) and recomputing a customer's stored aggregates. */
import { AppError, type TCustomer } from '@tenure/contract';
import {
  customerAggregateQueries,
  customerReadQueries,
  customerWriteQueries,
  type DB,
  eventQueries,
  eventReadQueries,
  type Kysely,
} from '@tenure/db';
import type { Scope } from '../actor';
import { notifyScoresStale } from '../analytics/freshness';
import { refreshCustomers } from '../analytics/refresh';
import { audit } from '../audit';
import { parseCustomerRef } from '../customers/refs';
import { toCustomer } from '../customers/serialize';

export async function deleteEvent(db: Kysely<DB>, scope: Scope, id: string): Promise<{ deleted: true }> {
  await db.transaction().execute(async (trx) => {
    const existing = id.startsWith('evt_') ? await eventReadQueries.findEventRow(trx, scope.envId, id) : undefined;
    if (!existing) throw new AppError('NOT_FOUND', `Event ${id} not found`);
    await customerWriteQueries.lockCustomerIds(trx, scope.envId, [existing.customerId]);
    const now = new Date();
    const customerId = await eventQueries.deleteEventRow(trx, scope.envId, id, now);
    if (customerId) await customerAggregateQueries.recomputeAggregates(trx, scope.envId, [customerId], now);
    await audit(trx, scope.actor, { action: 'event.deleted', targetType: 'event', targetId: id });
  });
  notifyScoresStale(db, scope.envId);
  return { deleted: true as const };
}

/**
 * `POST /customers/{id}/recalculate-ltv`: recomputes the stored aggregates (event count,
 * first/last activity, LTV, acquisition) from the customer's events, then its scores, now.
 */
export async function recalculateCustomer(db: Kysely<DB>, scope: Scope, ref: string): Promise<TCustomer> {
  const key = parseCustomerRef(ref);
  const id = await db.transaction().execute(async (trx) => {
    const row = key ? await customerWriteQueries.lockCustomer(trx, scope.envId, key) : undefined;
    if (!row) throw new AppError('NOT_FOUND', `Customer ${ref} not found`);
    await customerAggregateQueries.recomputeAggregates(trx, scope.envId, [row.id], new Date());
    return row.id;
  });
  await refreshCustomers(db, scope.envId, [id]);
  const updated = await customerReadQueries.findCustomerRow(db, scope.envId, { id });
  if (!updated) throw new AppError('NOT_FOUND', `Customer ${ref} not found`);
  return toCustomer(updated);
}
