import { ZEventInput } from '@tenure/contract';
import { z } from 'zod';
import { restMeta } from '../../meta';

export const ingestEventMeta = restMeta({
  method: 'POST',
  path: '/events',
  tag: 'Events',
  operationId: 'ingestEvent',
  summary: 'Send an event',
  description:
    'Stores one event for `customerId` or `externalId` (an unknown externalId creates the customer). A repeated `messageId` returns the original id with `duplicate: true`; events for an erased externalId are counted, not stored (`suppressed: true`). At most 64 KB serialized.',
  permission: 'events:write',
  publishable: true,
  rateClass: 'ingest',
});

export const ZIngestEventInput = ZEventInput;
export const ZIngestEventOutput = z.object({
  id: z.string().meta({ description: 'The stored (or original) event id; null when suppressed' }).nullable(),
  duplicate: z.boolean().meta({ description: 'True when this messageId was already stored' }),
  suppressed: z.boolean().meta({ description: 'True when the externalId was erased' }),
});
