import { ZCustomer, ZCustomerInput } from '@tenure/contract';
import { z } from 'zod';
import { restMeta } from '../../meta';

export const upsertCustomerMeta = restMeta({
  method: 'POST',
  path: '/customers',
  tag: 'Customers',
  operationId: 'upsertCustomer',
  summary: 'Create or update a customer',
  description:
    'With `externalId`: creates the customer or updates it with PATCH semantics (omitted fields stay, `attributes` merge, a key set to null is removed). Without: always creates a new customer. Publishable keys cannot set `createdAt` (ignored).',
  permission: 'customers:write',
  publishable: true,
  errors: [409],
});

export const ZUpsertCustomerInput = ZCustomerInput;
export const ZUpsertCustomerOutput = z.object({
  customer: ZCustomer,
  created: z.boolean().meta({ description: 'True when a new customer was created' }),
});
export type TUpsertCustomerInput = z.input<typeof ZUpsertCustomerInput>;
