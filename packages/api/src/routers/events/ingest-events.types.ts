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
  examples: {
    request: {
      example: {
        events: [
          { externalId: 'user-42', name: 'page_viewed', properties: { path: '/pricing' }, messageId: 'pv-88123' },
          { externalId: 'user-42', name: 'order_completed', revenue: 49.9, messageId: 'order-1042' },
          { externalId: 'user-42', name: '' },
        ],
      },
    },
    response: {
      example: {
        accepted: 1,
        duplicates: 1,
        suppressed: 0,
        errors: [
          {
            index: 2,
            code: 'BAD_REQUEST',
            message: 'Invalid event: events.2.name: name is required',
            issues: [{ path: 'events.2.name', message: 'name is required' }],
          },
        ],
      },
    },
  },
});

export const ZIngestEventsInput = z.strictObject({
  events: z
    .array(batchItem('An EventInput; validated per item'))
    .min(1, 'Send at least one event')
    .max(1000, 'At most 1,000 events per request')
    .meta({ description: '1–1,000 events, each validated on its own (invalid ones are reported in errors)' }),
});

export const ZIngestEventsOutput = z.object({
  accepted: z.number().int().meta({ description: 'Events stored by this request', example: 1 }),
  duplicates: z.number().int().meta({ description: 'Events not stored because their messageId was already stored', example: 1 }),
  suppressed: z.number().int().meta({ description: 'Events for erased externalIds: counted, not stored', example: 0 }),
  errors: ZItemErrors,
});
