import { EVENT_EXAMPLE, ZEvent, zText } from '@tenure/contract';
import { z } from 'zod';
import { restMeta } from '../../meta';

export const getEventMeta = restMeta({
  method: 'GET',
  path: '/events/{id}',
  tag: 'Events',
  operationId: 'getEvent',
  summary: 'Retrieve an event',
  description: 'One event by id.',
  permission: 'events:read',
  examples: { response: { example: { event: EVENT_EXAMPLE } } },
});

export const deleteEventMeta = restMeta({
  method: 'DELETE',
  path: '/events/{id}',
  tag: 'Events',
  operationId: 'deleteEvent',
  summary: 'Delete an event',
  description:
    'Deletes the event; the customer’s aggregates (LTV, activity, acquisition) are recomputed in the same transaction. Its messageId stays taken.',
  permission: 'events:write',
  examples: { response: { example: { deleted: true } } },
});

export const ZEventIdInput = z.object({
  id: zText().min(1).max(100).meta({ description: 'The Tenure event id (`evt_…`)', example: EVENT_EXAMPLE.id }),
});
export const ZGetEventOutput = z.object({ event: ZEvent });
export const ZDeleteEventOutput = z.object({
  deleted: z.literal(true).meta({ description: 'Always true: the event is deleted and its customer’s aggregates recomputed' }),
});
