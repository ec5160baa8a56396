import { ZEvent, zText, ZTimeBound } from '@tenure/contract';
import { z } from 'zod';
import { restMeta } from '../../meta';

export const listEventsMeta = restMeta({
  method: 'GET',
  path: '/events',
  tag: 'Events',
  operationId: 'listEvents',
  summary: 'List events',
  description: 'Newest first (timestamp desc, id desc). Events of deleted customers are not listed.',
  permission: 'events:read',
});

export const ZListEventsInput = z.object({
  customerId: zText().max(300).meta({ description: 'Only this customer (`cus_…` or `ext_…`)' }).optional(),
  name: zText().max(50).meta({ description: 'Only events with this name' }).optional(),
  start: ZTimeBound.optional(),
  end: ZTimeBound.optional(),
  page: z.number().int().min(1).meta({ description: 'Page number, from 1' }).default(1),
  limit: z.number().int().min(1).max(100).meta({ description: 'Page size, 1–100' }).default(20),
});

export const ZListEventsOutput = z.object({
  events: z.array(ZEvent),
  total: z.number().int().meta({ description: 'Events matching the filters' }),
  page: z.number().int(),
  limit: z.number().int(),
});
