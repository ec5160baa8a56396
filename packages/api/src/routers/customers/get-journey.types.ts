import { EVENT_EXAMPLE, ZCustomerRef, ZEvent, zText, ZTimeBound } from '@tenure/contract';
import { z } from 'zod';
import { restMeta } from '../../meta';

export const getJourneyMeta = restMeta({
  method: 'GET',
  path: '/customers/{id}/journey',
  tag: 'Customers',
  operationId: 'getCustomerJourney',
  summary: 'A customer’s journey',
  description:
    'The customer’s events, keyset-paginated over (timestamp, id) with an opaque cursor; stable while new events arrive. `nextCursor` is null at the end.',
  permission: 'events:read',
  examples: {
    response: {
      example: {
        events: [EVENT_EXAMPLE],
        nextCursor: 'WyIyMDI2LTExLTMwVDEyOjAwOjAwLjAwMFoiLCJldnRfMDFtOHA1NzB3d2R0OXh5eXY5cDU5OGQ3dnoiXQ',
      },
    },
  },
});

export const ZGetJourneyInput = z.object({
  id: ZCustomerRef,
  limit: z.number().int().min(1).max(200).meta({ description: 'Page size, 1–200' }).default(50),
  cursor: zText()
    .max(500)
    .meta({ description: 'The previous page’s nextCursor, to get the next page; omit for the first page' })
    .optional(),
  order: z
    .enum(['desc', 'asc'])
    .meta({ description: '`desc` for newest first, `asc` for oldest first (by timestamp, then id)' })
    .default('desc'),
  start: ZTimeBound.meta({ description: 'Only events with a timestamp on or after this (a date means its UTC midnight)' }).optional(),
  end: ZTimeBound.meta({ description: 'Only events with a timestamp before this (a date means its UTC midnight)' }).optional(),
  names: z
    .string()
    .meta({ description: 'Only events with one of these names: comma-separated, at most 20', example: 'order_completed,signup' })
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(zText().max(50)).max(20, 'At most 20 names'))
    .optional(),
});

export const ZGetJourneyOutput = z.object({
  events: z.array(ZEvent).meta({ description: 'This page of the customer’s events, in the requested order' }),
  nextCursor: z.string().nullable().meta({ description: 'Opaque cursor of the next page (pass it as `cursor`); null on the last page' }),
});
