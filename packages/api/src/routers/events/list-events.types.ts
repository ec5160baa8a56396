import { EVENT_EXAMPLE, ZEvent, zText, ZTimeBound } from '@tenure/contract';
import { z } from 'zod';
import { restMeta } from '../../meta';

export const listEventsMeta = restMeta({
  method: 'GET',
  path: '/events',
  tag: 'Events',
  operationId: 'listEvents',
  summary: 'List events',
  description:
    'Newest first (timestamp desc, id desc). Events of deleted customers are not listed. With the `customers:read` scope as well, each event carries its customer’s `name` and `email`, and `customer` may be an email or name to search for.',
  permission: 'events:read',
  examples: {
    response: {
      example: {
        events: [{ ...EVENT_EXAMPLE, customer: { name: 'Ada Lovelace', email: 'ada@example.com' } }],
        total: 47213,
        page: 1,
        limit: 20,
      },
    },
  },
});

export const ZListEventsInput = z.object({
  customerId: zText().max(300).meta({ description: 'Only this customer (`cus_…` or `ext_…`)' }).optional(),
  customer: zText()
    .min(1)
    .max(200)
    .meta({
      description:
        'Only this customer (`cus_…` or `ext_…`), or customers whose email or name contains this text (case-insensitive; needs `customers:read`)',
    })
    .optional(),
  name: zText().max(50).meta({ description: 'Only events with this name' }).optional(),
  start: ZTimeBound.meta({ description: 'Only events with a timestamp on or after this (a date means its UTC midnight)' }).optional(),
  end: ZTimeBound.meta({ description: 'Only events with a timestamp before this (a date means its UTC midnight)' }).optional(),
  page: z.number().int().min(1).meta({ description: 'Page number, from 1; a page past the end is empty' }).default(1),
  limit: z.number().int().min(1).max(100).meta({ description: 'Page size, 1–100' }).default(20),
});

/** An event of the list, with its customer's name and email when the caller may read customers. */
export const ZEventListItem = ZEvent.extend({
  customer: z
    .object({
      name: z.string().nullable().meta({ description: 'The customer’s name' }),
      email: z.string().nullable().meta({ description: 'The customer’s email' }),
    })
    .nullable()
    .meta({ description: 'Who did it (null without the customers:read scope)' }),
}).meta({ id: 'EventListItem', description: 'An event in a list, with its customer' });

export const ZListEventsOutput = z.object({
  events: z.array(ZEventListItem).meta({ description: 'This page of events, newest first; [] past the last page' }),
  total: z.number().int().meta({ description: 'Events matching the filters, across all pages', example: 47213 }),
  page: z.number().int().meta({ description: 'The page returned, from 1', example: 1 }),
  limit: z.number().int().meta({ description: 'The page size used', example: 20 }),
});
