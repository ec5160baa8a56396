import { z } from 'zod';
import { MB, restMeta } from '../../meta';
import { batchItem } from '../batch-item';
import { ZItemErrors } from '../customers/batch-errors.types';

export const ingestEventsMeta = restMeta({
  method: 'POST',
  path: '/events/batch',
  tag: 'Events',
  operationId: 'ingestEvents',
  summary: 'Send up to 1,000 events',
  description:
    'Stores every valid event in one transaction; invalid ones (including events over 64 KB serialized) are reported in `errors` with paths like `events.3.name`. Body limit 10 MB.',
  permission: 'events:write',
  publishable: true,
  rateClass: 'ingest',
  bodyLimit: 10 * MB,
});

export const ZIngestEventsInput = z.strictObject({
  events: z
    .array(batchItem('An EventInput; validated per item'))
    .min(1, 'Send at least one event')
    .max(1000, 'At most 1,000 events per request')
    .meta({ description: '1–1,000 events' }),
});

export const ZIngestEventsOutput = z.object({
  accepted: z.number().int().meta({ description: 'Events stored by this request' }),
  duplicates: z.number().int().meta({ description: 'Events whose messageId was already stored' }),
  suppressed: z.number().int().meta({ description: 'Events for erased externalIds (counted, not stored)' }),
  errors: ZItemErrors,
});
