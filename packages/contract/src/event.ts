/** Event entity schemas: ingestion input and the API's Event object. */
import { z } from 'zod';
import { ZEventProperties } from './attributes';
import { ZExternalId } from './customer';
import { zInstant, zText, zTimeBound } from './text';

const campaignField = (description: string) => zText().max(255).meta({ description }).nullish();

export const ZEventContext = z
  .strictObject({
    campaign: z
      .strictObject({
        source: campaignField('utm_source'),
        medium: campaignField('utm_medium'),
        name: campaignField('utm_campaign'),
        term: campaignField('utm_term'),
        content: campaignField('utm_content'),
      })
      .nullish()
      .meta({ description: 'Campaign parameters' }),
    clickId: zText().max(255).meta({ description: 'An ad or link click id (gclid, fbclid, …)' }).nullish(),
    referrer: zText().max(2048).meta({ description: 'Referring URL' }).nullish(),
    url: zText().max(2048).meta({ description: 'URL where the event happened' }).nullish(),
  })
  .meta({ id: 'EventContext', description: 'Where the event came from; any campaign field, clickId or referrer makes it a touchpoint' });
export type TEventContext = z.infer<typeof ZEventContext>;

const twoDecimals = (n: number) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6;

export const ZEventInput = z
  .strictObject({
    customerId: zText()
      .regex(/^cus_[0-9a-z]+$/, 'customerId is a cus_… id')
      .optional()
      .meta({ description: 'Tenure customer id' }),
    externalId: ZExternalId.optional(),
    name: zText()
      .min(1, 'name is required')
      .max(50, 'name is at most 50 characters')
      .meta({ description: 'Event name', example: 'order_completed' }),
    properties: ZEventProperties.optional(),
    timestamp: zInstant().optional().meta({ description: 'When it happened (default now; at most 1 hour in the future)' }),
    revenue: z
      .number()
      .refine(Number.isFinite, 'revenue must be a finite number')
      .refine(twoDecimals, 'revenue has at most 2 decimals')
      .refine((n) => Math.abs(n) < 1e13, 'revenue is out of range')
      .nullish()
      .meta({ description: 'Revenue in the workspace currency (negative = refund)', example: 49.9 }),
    messageId: zText()
      .min(1)
      .max(100, 'messageId is at most 100 characters')
      .optional()
      .meta({ description: 'Deduplication id: stored once per environment, ever' }),
    context: ZEventContext.nullish(),
  })
  .superRefine((e, ctx) => {
    if (!e.customerId && e.externalId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['externalId'], message: 'Send customerId or externalId' });
    }
  })
  .meta({ id: 'EventInput', description: 'One event' });
export type TEventInput = z.infer<typeof ZEventInput>;

const ZIso = z.string().meta({ description: 'ISO 8601 UTC timestamp' });

export const ZEvent = z
  .object({
    id: z.string().meta({ description: 'Event id', example: 'evt_01jd8x4k7m2r9p3q5s7t9v1w3y' }),
    customerId: z.string().meta({ description: 'Customer id' }),
    externalId: z.string().meta({ description: "The customer's externalId" }).nullable(),
    name: z.string().meta({ description: 'Event name' }),
    properties: z.record(z.string(), z.unknown()).meta({ description: 'Event properties' }),
    timestamp: ZIso.meta({ description: 'When it happened' }),
    receivedAt: ZIso.meta({ description: 'When Tenure received it' }),
    revenue: z.number().meta({ description: 'Revenue (negative = refund)' }).nullable(),
    messageId: z.string().meta({ description: 'Deduplication id' }).nullable(),
    context: ZEventContext.nullable(),
  })
  .meta({ id: 'Event', description: 'An event of a customer' });
export type TEvent = z.infer<typeof ZEvent>;

/** `YYYY-MM-DD` (that day's UTC midnight) or an ISO date-time. */
export const ZTimeBound = zTimeBound();
