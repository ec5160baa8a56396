import { CUSTOMER_EXAMPLE, ZCustomer, ZCustomerRef } from '@tenure/contract';
import { z } from 'zod';
import { restMeta } from '../../meta';

export const recalculateCustomerMeta = restMeta({
  method: 'POST',
  path: '/customers/{id}/recalculate-ltv',
  tag: 'Customers',
  operationId: 'recalculateCustomerLtv',
  summary: 'Recompute a customer’s aggregates',
  description: 'Recomputes the stored aggregates (event count, activity, LTV, acquisition) from the customer’s events.',
  permission: 'customers:write',
  examples: { response: { example: { customer: CUSTOMER_EXAMPLE } } },
});

export const ZRecalculateCustomerInput = z.object({ id: ZCustomerRef });
export const ZRecalculateCustomerOutput = z.object({ customer: ZCustomer });
