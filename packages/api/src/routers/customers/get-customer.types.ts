import { CUSTOMER_EXAMPLE, ZCustomer, ZCustomerRef } from '@tenure/contract';
import { z } from 'zod';
import { restMeta } from '../../meta';

export const getCustomerMeta = restMeta({
  method: 'GET',
  path: '/customers/{id}',
  tag: 'Customers',
  operationId: 'getCustomer',
  summary: 'Retrieve a customer',
  description: 'Returns one customer by Tenure id (`cus_…`) or by your id (`ext_<externalId>`). Deleted and unknown customers answer 404.',
  permission: 'customers:read',
  examples: { response: { example: { customer: CUSTOMER_EXAMPLE } } },
});

export const ZGetCustomerInput = z.object({ id: ZCustomerRef });
export const ZGetCustomerOutput = z.object({ customer: ZCustomer });
export type TGetCustomerInput = z.infer<typeof ZGetCustomerInput>;
