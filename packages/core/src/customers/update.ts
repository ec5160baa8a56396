/** `PATCH /customers/{id}`: partial update of one live customer under a row lock. */
import { AppError, type TCustomer, type TCustomerInput } from '@tenure/contract';
import { customerReadQueries, customerWriteQueries, type DB, type Kysely, suppressionQueries } from '@tenure/db';
import type { Scope } from '../actor';
import { audit } from '../audit';
import { applyCustomerPatch, stateFromRow, toWritableRow } from './apply-patch';
import { parseCustomerRef } from './refs';
import { toCustomer } from './serialize';
import { customerWrite } from './write';

export async function updateCustomer(db: Kysely<DB>, scope: Scope, ref: string, input: TCustomerInput): Promise<TCustomer> {
  const key = parseCustomerRef(ref);
  if (!key) throw new AppError('NOT_FOUND', `Customer ${ref} not found`);
  return customerWrite(db, scope.envId, async (trx) => {
    const row = await customerWriteQueries.lockCustomer(trx, scope.envId, key);
    if (!row) throw new AppError('NOT_FOUND', `Customer ${ref} not found`);
    if (input.externalId !== undefined && input.externalId !== row.externalId) {
      const suppressed = await suppressionQueries.findSuppressed(trx, scope.envId, [input.externalId]);
      if (suppressed.size)
        throw new AppError('CONFLICT', `externalId ${input.externalId} was erased and is suppressed`, { reason: 'SUPPRESSED' });
    }
    const now = new Date();
    const { state, issues } = applyCustomerPatch(stateFromRow(row), input, now);
    if (issues.length) throw new AppError('BAD_REQUEST', `Invalid customer: ${issues[0]?.path}: ${issues[0]?.message}`, { issues });
    // A taken externalId surfaces as a unique violation → 409 DUPLICATE_EXTERNAL_ID (central mapping).
    await customerWriteQueries.updateCustomerRows(trx, scope.envId, [toWritableRow(state)], now);
    await audit(trx, scope.actor, {
      action: 'customer.updated',
      targetType: 'customer',
      targetId: row.id,
      details: { fields: Object.keys(input) },
    });
    const updated = await customerReadQueries.findCustomerRow(trx, scope.envId, { id: row.id });
    if (!updated) throw new AppError('INTERNAL_SERVER_ERROR', 'Updated customer vanished');
    return toCustomer(updated);
  });
}
