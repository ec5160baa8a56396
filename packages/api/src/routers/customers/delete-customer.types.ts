import { EXAMPLE_CUSTOMER_ID, ZCustomerId, ZCustomerRef } from '@tenure/contract';
import { z } from 'zod';
import { restMeta } from '../../meta';

export const deleteCustomerMeta = restMeta({
  method: 'DELETE',
  path: '/customers/{id}',
  tag: 'Customers',
  operationId: 'deleteCustomer',
  summary: 'Delete (and optionally erase) a customer',
  description:
    'Soft delete with PII scrub (email, name, company, role, locale, attributes, externalId, clickId, acquisition referrer/landingUrl/clickId); events and revenue stay for aggregates and the externalId can be reused. `erase=true` also scrubs the personal properties and context of its events and suppresses its externalId.',
  permission: 'customers:write',
  examples: { response: { example: { deleted: true, id: EXAMPLE_CUSTOMER_ID } } },
});

export const ZEraseFlag = z.enum(['true', 'false']).meta({
  description:
    '`true` also erases: scrubs the personal properties and context of its events and suppresses its externalId (later events for it are counted, not stored)',
});

export const ZDeleteCustomerInput = z.object({ id: ZCustomerRef, erase: ZEraseFlag.default('false') });
export const ZDeleteCustomerOutput = z.object({
  deleted: z.literal(true).meta({ description: 'Always true: the customer is deleted (and erased when asked)' }),
  id: ZCustomerId,
});
