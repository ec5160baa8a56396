import { EVENT_EXAMPLE, ZEventInput } from '@tenure/contract';
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
  examples: {
    request: {
      example: {
        externalId: 'user-42',
        name: 'order_completed',
        properties: { order_id: 'ord_1042', items: 3, coupon: 'WINTER10' },
        timestamp: '2026-11-30T12:00:00.000Z',
        revenue: 49.9,
        messageId: 'order-1042',
        context: { campaign: { source: 'newsletter', medium: 'email', name: 'winter_sale' }, url: 'https://shop.example.com/checkout' },
      },
    },
    response: { example: { id: EVENT_EXAMPLE.id, duplicate: false, suppressed: false } },
  },
});

export const ZIngestEventInput = ZEventInput;
export const ZIngestEventOutput = z.object({
  id: z.string().nullable().meta({
    description: 'Id (`evt_…`) of the stored event, or of the original one for a duplicate messageId; null when suppressed',
    example: EVENT_EXAMPLE.id,
  }),
  duplicate: z.boolean().meta({ description: 'True when an event with this messageId was already stored: nothing new was stored' }),
  suppressed: z.boolean().meta({ description: 'True when the customer’s externalId was erased: the event is counted, not stored' }),
});
