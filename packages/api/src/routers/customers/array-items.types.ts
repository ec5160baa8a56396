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
  examples: {
    request: {
      example: {
        records: [
          {
            externalId: 'user-42',
            field: 'subscriptions',
            items: [
              { id: 'sub_1', plan: 'pro', seats: 12, active: true },
              { id: 'sub_2', plan: 'addon_sso', seats: 12, active: false },
            ],
          },
          { externalId: 'user-43', field: 'plan_tier', items: [{ id: 'x' }] },
        ],
      },
    },
    response: {
      example: {
        updated: 1,
        errors: [{ index: 1, code: 'BAD_REQUEST', reason: 'FIELD_NOT_ARRAY', message: 'Attribute plan_tier holds a non-array value' }],
      },
    },
  },
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
  examples: {
    request: { example: { records: [{ externalId: 'user-42', field: 'subscriptions', ids: ['sub_2'] }] } },
    response: { example: { updated: 1, errors: [] } },
  },
});

const records = (description: string) =>
  z
    .array(batchItem(description))
    .min(1, 'Send at least one record')
    .max(10_000, 'At most 10,000 records per request')
    .meta({ description: '1–10,000 records, applied in order and validated one by one (invalid ones are reported in errors)' });

export const ZUpsertArrayItemsInput = z.strictObject({
  records: records('`{ externalId, field, items: [{ id?, … }] }`, validated per record'),
});
export const ZDeleteArrayItemsInput = z.strictObject({
  records: records('`{ externalId, field, ids: [...] }`, validated per record'),
});
export const ZArrayItemsOutput = z.object({
  updated: z.number().int().meta({ description: 'Records applied to a customer', example: 1 }),
  errors: ZItemErrors,
});
