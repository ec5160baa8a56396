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
  examples: {
    request: {
      example: {
        customers: [
          { externalId: 'user-42', email: 'ada@example.com', name: 'Ada Lovelace', attributes: { plan_tier: 'gold' } },
          { externalId: 1043, name: 'Grace Hopper', plan: 'team', createdAt: '2025-02-03T10:15:00.000Z' },
          { externalId: 'user-44', email: 'not-an-email' },
        ],
      },
    },
    response: {
      example: {
        created: 1,
        updated: 1,
        errors: [
          {
            index: 2,
            code: 'BAD_REQUEST',
            message: 'Invalid customer: customers.2.email: Must be an email address',
            issues: [{ path: 'customers.2.email', message: 'Must be an email address' }],
          },
        ],
      },
    },
  },
});

export const ZBatchUpsertCustomersInput = z.strictObject({
  customers: z
    .array(batchItem('A CustomerInput with externalId; validated per item'))
    .min(1, 'Send at least one customer')
    .max(10_000, 'At most 10,000 customers per request')
    .meta({ description: '1–10,000 customer inputs, each with externalId; applied in order, so the last of a repeated externalId wins' }),
});

export const ZBatchUpsertCustomersOutput = z.object({
  created: z.number().int().meta({ description: 'Items that created a customer', example: 1 }),
  updated: z
    .number()
    .int()
    .meta({ description: 'Items that updated an existing customer (each repeat of an externalId counts)', example: 1 }),
  errors: ZItemErrors,
});
