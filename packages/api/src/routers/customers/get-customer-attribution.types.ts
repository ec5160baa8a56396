import { EXAMPLE_CUSTOMER_ID, ZCustomerAttribution, ZCustomerRef } from '@tenure/contract';
import { z } from 'zod';
import { restMeta } from '../../meta';
import { attributionModelShape, modelDescription } from '../analytics/attribution-params';

const touch = {
  eventId: 'evt_01m8p570wwdt9xyyv9p598d7vz',
  timestamp: '2026-11-02T09:14:00.000Z',
  source: 'google',
  medium: 'cpc',
  campaign: 'brand-search',
  clickId: 'gclid-7f3a',
  referrer: null,
  url: 'https://shop.example.com/pricing',
};
const later = {
  eventId: 'evt_01m8q2b7c9d1e3f5g7h9j1k3m5',
  timestamp: '2026-11-20T18:02:00.000Z',
  source: 'newsletter',
  medium: 'email',
  campaign: 'winter_sale',
  clickId: null,
  referrer: null,
  url: 'https://shop.example.com/sale',
};

export const getCustomerAttributionMeta = restMeta({
  method: 'GET',
  path: '/customers/{id}/attribution',
  tag: 'Customers',
  operationId: 'getCustomerAttribution',
  summary: 'A customer’s attribution',
  description: `The customer’s touchpoints (events whose context has campaign fields, a clickId or a referrer) and, for each of its conversions (events with revenue > 0; refunds are not conversions), the credit the model gives each touchpoint in the lookback window before it. Models: ${modelDescription}. Events count by effective time (the earlier of timestamp and receivedAt). Served from a snapshot up to 60 s old (\`x-cache\`, \`x-as-of\`; \`Cache-Control: no-cache\` recomputes).`,
  permission: 'analytics:read',
  examples: {
    response: {
      example: {
        customerId: EXAMPLE_CUSTOMER_ID,
        model: 'linear',
        lookbackDays: 30,
        firstTouch: touch,
        lastTouch: later,
        touchpoints: [touch, later],
        conversions: [
          {
            eventId: 'evt_01m8q3c4d5e6f7g8h9j0k1m2n3',
            timestamp: '2026-11-21T10:30:00.000Z',
            revenue: 99,
            credits: [
              { touchpointEventId: touch.eventId, source: 'google', medium: 'cpc', campaign: 'brand-search', weight: 0.5, revenue: 49.5 },
              {
                touchpointEventId: later.eventId,
                source: 'newsletter',
                medium: 'email',
                campaign: 'winter_sale',
                weight: 0.5,
                revenue: 49.5,
              },
            ],
          },
        ],
        asOf: '2026-12-05T10:15:00.000Z',
      },
    },
  },
});

export const ZGetCustomerAttributionInput = z.object({ id: ZCustomerRef, ...attributionModelShape });
export type TGetCustomerAttributionInput = z.input<typeof ZGetCustomerAttributionInput>;

export const ZGetCustomerAttributionOutput = ZCustomerAttribution;
export type TGetCustomerAttributionOutput = z.infer<typeof ZGetCustomerAttributionOutput>;
