import { z } from 'zod';
import { restMeta } from '../../meta';
import { customerFilterShape } from './list-customers.types';

export const countCustomersMeta = restMeta({
  method: 'GET',
  path: '/customers/count',
  tag: 'Customers',
  operationId: 'countCustomers',
  summary: 'Count customers',
  description: 'Counts live customers matching the same filters as the list.',
  permission: 'customers:read',
  examples: { response: { example: { count: 1284 } } },
});

export const ZCountCustomersInput = z.object(customerFilterShape);
export const ZCountCustomersOutput = z.object({
  count: z.number().int().meta({ description: 'Live (not deleted) customers matching the filters', example: 1284 }),
});
