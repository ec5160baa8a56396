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
import { audit } from '../audit';
import { parseCustomerRef } from '../customers/refs';
import { toCustomer } from '../customers/serialize';

export async function deleteEvent(db: Kysely<DB>, scope: Scope, id: string): Promise<{ deleted: true }> {
  return db.transaction().execute(async (trx) => {
    const existing = id.startsWith('evt_') ? await eventReadQueries.findEventRow(trx, scope.envId, id) : undefined;
    if (!existing) throw new AppError('NOT_FOUND', `Event ${id} not found`);
    await customerWriteQueries.lockCustomerIds(trx, scope.envId, [existing.customerId]);
    const customerId = await eventQueries.deleteEventRow(trx, scope.envId, id, new Date());
    if (customerId) await customerAggregateQueries.recomputeAggregates(trx, scope.envId, [customerId]);
    await audit(trx, scope.actor, { action: 'event.deleted', targetType: 'event', targetId: id });
    return { deleted: true as const };
  });
}

/** Recomputes the stored aggregates (event count, first/last activity, LTV, acquisition) from events. */
export async function recalculateCustomer(db: Kysely<DB>, scope: Scope, ref: string): Promise<TCustomer> {
  const key = parseCustomerRef(ref);
  return db.transaction().execute(async (trx) => {
    const row = key ? await customerWriteQueries.lockCustomer(trx, scope.envId, key) : undefined;
    if (!row) throw new AppError('NOT_FOUND', `Customer ${ref} not found`);
    await customerAggregateQueries.recomputeAggregates(trx, scope.envId, [row.id]);
    const updated = await customerReadQueries.findCustomerRow(trx, scope.envId, { id: row.id });
    if (!updated) throw new AppError('INTERNAL_SERVER_ERROR', 'Customer vanished');
    return toCustomer(updated);
  });
}
