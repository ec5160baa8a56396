import { z } from 'zod';
import { MB, restMeta } from '../../meta';
import { batchItem } from '../batch-item';
import { ZItemErrors } from './batch-errors.types';

export const batchUpsertCustomersMeta = restMeta({
  method: 'POST',
  path: '/customers/batch',
  tag: 'Customers',
  operationId: 'batchUpsertCustomers',
  summary: 'Upsert up to 10,000 customers',
  description:
    'Upserts every item by `externalId` (required per item) with PATCH semantics, applied in order: a repeated externalId is applied twice and the last wins, each occurrence counted. Invalid items are reported in `errors` (paths like `customers.3.attributes.bio`) and valid ones are still written; an invalid envelope → 400 and nothing is written. Body limit 32 MB.',
  permission: 'customers:write',
  bodyLimit: 32 * MB,
});

export const ZBatchUpsertCustomersInput = z.strictObject({
  customers: z
    .array(batchItem('A CustomerInput with externalId; validated per item'))
    .min(1, 'Send at least one customer')
    .max(10_000, 'At most 10,000 customers per request')
    .meta({ description: '1–10,000 customer inputs' }),
});

export const ZBatchUpsertCustomersOutput = z.object({
  created: z.number().int().meta({ description: 'Items that created a customer' }),
  updated: z.number().int().meta({ description: 'Items that updated a customer' }),
  errors: ZItemErrors,
});
