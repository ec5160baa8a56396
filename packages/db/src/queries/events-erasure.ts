/** Erasure of event payloads: personal properties and context go, aggregates and touch columns stay. */
import type { Transaction } from 'kysely';
import type { DB } from '../types';

export async function scrubCustomerEvents(trx: Transaction<DB>, envId: string, customerIds: string[]): Promise<void> {
  if (customerIds.length === 0) return;
  await trx
    .updateTable('events')
    .set({ properties: '{}', context: null })
    .where('environmentId', '=', envId)
    .where('customerId', 'in', customerIds)
    .execute();
}
