import { ZCustomerRef, ZEvent, zText, ZTimeBound } from '@tenure/contract';
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
});

export const ZGetJourneyInput = z.object({
  id: ZCustomerRef,
  limit: z.number().int().min(1).max(200).meta({ description: 'Page size, 1–200' }).default(50),
  cursor: zText().max(500).meta({ description: 'The previous page’s nextCursor' }).optional(),
  order: z.enum(['desc', 'asc']).meta({ description: 'Newest first (desc) or oldest first' }).default('desc'),
  start: ZTimeBound.optional(),
  end: ZTimeBound.optional(),
  names: z
    .string()
    .meta({ description: 'Comma-separated event names (≤20)' })
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
  events: z.array(ZEvent),
  nextCursor: z.string().meta({ description: 'Cursor of the next page; null at the end' }).nullable(),
});
