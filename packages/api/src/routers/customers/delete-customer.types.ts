import { ZCustomerRef } from '@tenure/contract';
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
});

export const ZEraseFlag = z.enum(['true', 'false']).meta({ description: 'Also erase event payloads and suppress the externalId' });

export const ZDeleteCustomerInput = z.object({ id: ZCustomerRef, erase: ZEraseFlag.default('false') });
export const ZDeleteCustomerOutput = z.object({
  deleted: z.literal(true),
  id: z.string().meta({ description: 'The deleted customer id' }),
});
