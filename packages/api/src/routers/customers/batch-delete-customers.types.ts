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
});

export const ZBatchDeleteCustomersInput = z.strictObject({
  ids: z.array(zText().min(1).max(300)).min(1).max(10_000).meta({ description: '1–10,000 `cus_…` or `ext_…` references' }),
  erase: z.boolean().meta({ description: 'Also erase event payloads and suppress the externalIds' }).default(false),
});
export const ZBatchDeleteCustomersOutput = z.object({ deleted: z.number().int().meta({ description: 'Customers deleted' }) });
