import { z } from 'zod';
import { MB, restMeta } from '../../meta';
import { batchItem } from '../batch-item';
import { ZItemErrors } from './batch-errors.types';

export const upsertArrayItemsMeta = restMeta({
  method: 'POST',
  path: '/customers/arrays',
  tag: 'Customers',
  operationId: 'upsertCustomerArrayItems',
  summary: 'Upsert items of array attributes',
  description:
    'For each record, upserts `items` into the array attribute `field` of the customer `externalId` by item `id` (compared by JSON type and value; the last duplicate wins; items without `id` are appended), creating the customer when missing. A field holding a non-array → per-record error `FIELD_NOT_ARRAY`; limits are checked after the merge.',
  permission: 'customers:write',
  bodyLimit: 32 * MB,
});

export const deleteArrayItemsMeta = restMeta({
  method: 'POST',
  path: '/customers/arrays/delete',
  tag: 'Customers',
  operationId: 'deleteCustomerArrayItems',
  summary: 'Delete items of array attributes',
  description: 'Removes the items with the given ids from the array attribute `field`; unknown customers, fields and ids are ignored.',
  permission: 'customers:write',
  bodyLimit: 32 * MB,
});

const records = (description: string) =>
  z.array(batchItem(description)).min(1, 'Send at least one record').max(10_000, 'At most 10,000 records per request');

export const ZUpsertArrayItemsInput = z.strictObject({
  records: records('`{ externalId, field, items: [{ id?, … }] }`, validated per record'),
});
export const ZDeleteArrayItemsInput = z.strictObject({
  records: records('`{ externalId, field, ids: [...] }`, validated per record'),
});
export const ZArrayItemsOutput = z.object({
  updated: z.number().int().meta({ description: 'Records applied to a customer' }),
  errors: ZItemErrors,
});
