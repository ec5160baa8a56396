/** Event entity schemas: ingestion input and the API's Event object. */
import { z } from 'zod';
import { ZEventProperties } from './attributes';
import { EXAMPLE_CUSTOMER_ID, EXAMPLE_TIME, isoTime, nullableMoney, ZCustomerId, ZExternalId, ZExternalIdOutput } from './customer';
import { zInstant, zText, zTimeBound } from './text';

/** The description sits on the nullish itself so that it reaches the property (inside, it would stay in one anyOf branch). */
const campaignField = (description: string) =>
  zText()
    .max(255)
    .nullish()
    .meta({ description: `${description} (at most 255 characters); null or omitted when unknown` });

export const ZEventContext = z
  .strictObject({
    campaign: z
      .strictObject({
        source: campaignField('Campaign source, as utm_source: google, newsletter, …'),
        medium: campaignField('Campaign medium, as utm_medium: cpc, email, …'),
        name: campaignField('Campaign name, as utm_campaign'),
        term: campaignField('Campaign term, as utm_term: the paid keyword'),
        content: campaignField('Campaign content, as utm_content: the ad or link variant'),
      })
      .nullish()
      .meta({ description: 'Campaign parameters of the visit (the utm_* query parameters); null or omitted when none' }),
    clickId: zText()
      .max(255)
      .nullish()
      .meta({ description: 'Ad or link click id of the visit (gclid, fbclid, …, at most 255 characters); null or omitted when none' }),
    referrer: zText().max(2048).nullish().meta({ description: 'Referring URL (at most 2,048 characters); null or omitted when none' }),
    url: zText()
      .max(2048)
      .nullish()
      .meta({ description: 'URL of the page where the event happened (at most 2,048 characters); null or omitted when unknown' }),
  })
  .meta({
    id: 'EventContext',
    description:
      'Where the event came from. Any campaign field, a clickId or a referrer makes the event a touchpoint for acquisition and attribution',
    example: {
      campaign: { source: 'newsletter', medium: 'email', name: 'winter_sale' },
      url: 'https://shop.example.com/checkout',
    },
  });
export type TEventContext = z.infer<typeof ZEventContext>;

const twoDecimals = (n: number) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6;

export const ZEventInput = z
  .strictObject({
    customerId: zText()
      .regex(/^cus_[0-9a-z]+$/, 'customerId is a cus_… id')
      .optional()
      .meta({
        description: 'Tenure id (`cus_…`) of an existing customer; send it or externalId. An unknown or deleted one is a 404',
        example: EXAMPLE_CUSTOMER_ID,
      }),
    externalId: ZExternalId.optional().meta({
      description:
        'Your own id for the customer (1–255 printable characters, or an integer); send it or customerId. An unknown one creates the customer',
      example: 'user-42',
    }),
    name: zText()
      .min(1, 'name is required')
      .max(50, 'name is at most 50 characters')
      .meta({ description: 'Event name, 1–50 characters; journeys and reports filter on it', example: 'order_completed' }),
    properties: ZEventProperties.optional(),
    timestamp: zInstant().optional().meta({
      description: 'When it happened (ISO 8601 date-time with offset, 1970 or later); default now; at most 1 hour in the future',
      example: EXAMPLE_TIME,
    }),
    revenue: z
      .number()
      .refine(Number.isFinite, 'revenue must be a finite number')
      .refine(twoDecimals, 'revenue has at most 2 decimals')
      .refine((n) => Math.abs(n) < 1e13, 'revenue is out of range')
      .nullish()
      .meta({
        description:
          'Revenue in the workspace currency, a decimal with at most 2 places; negative for a refund; null or omitted when none. Publishable keys may send it only where the environment allows it',
        example: 49.9,
      }),
    messageId: zText().min(1).max(100, 'messageId is at most 100 characters').optional().meta({
      description:
        'Your deduplication id, 1–100 characters: an event whose messageId is already stored in the environment is not stored again (the answer says duplicate: true)',
      example: 'order-1042',
    }),
    context: ZEventContext.nullish().meta({ description: 'Where the event came from; null or omitted when unknown' }),
  })
  .superRefine((e, ctx) => {
    if (!e.customerId && e.externalId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['externalId'], message: 'Send customerId or externalId' });
    }
  })
  .meta({ id: 'EventInput', description: 'One event of a customer, named by customerId or externalId' });
export type TEventInput = z.infer<typeof ZEventInput>;

export const ZEventId = z.string().meta({
  description: 'Tenure event id (`evt_…`), assigned when the event is stored',
  example: 'evt_01m8p570wwdt9xyyv9p598d7vz',
});

const ZEventObject = z.object({
  id: ZEventId,
  customerId: ZCustomerId,
  externalId: ZExternalIdOutput,
  name: z.string().meta({ description: 'Event name as sent', example: 'order_completed' }),
  properties: z
    .record(z.string(), z.unknown())
    .meta({ description: 'Event properties as sent; {} when none. Erasing the customer scrubs the personal ones' }),
  timestamp: isoTime('When the event happened, as sent (default: when it was received)'),
  receivedAt: isoTime('When Tenure received the event; analytics use the earlier of timestamp and receivedAt'),
  revenue: nullableMoney('Revenue of the event, negative for a refund', 'when the event carries none'),
  messageId: z.string().nullable().meta({ description: 'Your deduplication id as sent; null when none was sent', example: 'order-1042' }),
  context: ZEventContext.nullable().meta({ description: 'Where the event came from, as sent; null when unknown' }),
});

/** One event as the API returns it; every example of the document that shows an event uses it. */
export const EVENT_EXAMPLE = {
  id: 'evt_01m8p570wwdt9xyyv9p598d7vz',
  customerId: EXAMPLE_CUSTOMER_ID,
  externalId: 'user-42',
  name: 'order_completed',
  properties: { order_id: 'ord_1042', items: 3, coupon: 'WINTER10' },
  timestamp: EXAMPLE_TIME,
  receivedAt: '2026-11-30T12:00:00.412Z',
  revenue: 49.9,
  messageId: 'order-1042',
  context: { campaign: { source: 'newsletter', medium: 'email', name: 'winter_sale' }, url: 'https://shop.example.com/checkout' },
} satisfies z.output<typeof ZEventObject>;

export const ZEvent = ZEventObject.meta({ id: 'Event', description: 'An event of a customer', example: EVENT_EXAMPLE });
export type TEvent = z.infer<typeof ZEvent>;

/** `YYYY-MM-DD` (that day's UTC midnight) or an ISO date-time. */
export const ZTimeBound = zTimeBound();
