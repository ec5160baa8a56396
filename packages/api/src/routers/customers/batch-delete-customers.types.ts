import { zText } from '@tenure/contract';
import { z } from 'zod';
import { MB, restMeta } from '../../meta';

export const batchDeleteCustomersMeta = restMeta({
  method: 'POST',
  path: '/customers/batch-delete',
  tag: 'Customers',
  operationId: 'batchDeleteCustomers',
  summary: 'Delete up to 10,000 customers',
  description: 'Soft deletes (and with `erase: true` erases) the customers named by `cus_…` / `ext_…` references; unknown ids are ignored.',
  permission: 'customers:write',
  bodyLimit: 32 * MB,
  examples: {
    request: { example: { ids: ['cus_01jd8x4k7m2r9p3q5s7t9v1w3y', 'ext_user-1043'], erase: false } },
    response: { example: { deleted: 2 } },
  },
});

export const ZBatchDeleteCustomersInput = z.strictObject({
  ids: z
    .array(zText().min(1).max(300))
    .min(1)
    .max(10_000)
    .meta({ description: '1–10,000 customers to delete, each `cus_…` or `ext_<externalId>`; unknown ones are ignored' }),
  erase: z
    .boolean()
    .meta({
      description:
        'Also erase: scrub the personal properties and context of their events and suppress their externalIds (later events for them are counted, not stored)',
    })
    .default(false),
});
export const ZBatchDeleteCustomersOutput = z.object({
  deleted: z
    .number()
    .int()
    .meta({ description: 'Customers deleted by this request (unknown and already deleted ones are not counted)', example: 2 }),
});
