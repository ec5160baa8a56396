import { CUSTOMER_EXAMPLE, ZCustomer, ZCustomerInput, ZCustomerRef } from '@tenure/contract';
import { z } from 'zod';
import { restMeta } from '../../meta';

export const updateCustomerMeta = restMeta({
  method: 'PATCH',
  path: '/customers/{id}',
  tag: 'Customers',
  operationId: 'updateCustomer',
  summary: 'Update a customer',
  description:
    'Partial update: omitted fields stay, `attributes` merge (a key set to null is removed). An `externalId` used by another live customer → 409 `DUPLICATE_EXTERNAL_ID`.',
  permission: 'customers:write',
  errors: [409],
  examples: {
    request: { example: { plan: 'pro', attributes: { plan_tier: 'gold', trial_ends_at: null } } },
    response: { example: { customer: { ...CUSTOMER_EXAMPLE, plan: 'pro' } } },
  },
});

export const ZUpdateCustomerInput = z.strictObject({ id: ZCustomerRef, ...ZCustomerInput.shape });
export const ZUpdateCustomerOutput = z.object({ customer: ZCustomer });
export type TUpdateCustomerInput = z.input<typeof ZUpdateCustomerInput>;
