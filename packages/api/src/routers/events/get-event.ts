import { deleteEvent, getEvent } from '@tenure/core';
import { scoped } from '../../trpc';
import { deleteEventMeta, getEventMeta, ZDeleteEventOutput, ZEventIdInput, ZGetEventOutput } from './get-event.types';

export const getEventRoute = scoped
  .meta(getEventMeta)
  .input(ZEventIdInput)
  .output(ZGetEventOutput)
  .query(async ({ ctx, input }) => ({ event: await getEvent(ctx.db, ctx.envId, input.id) }));

export const deleteEventRoute = scoped
  .meta(deleteEventMeta)
  .input(ZEventIdInput)
  .output(ZDeleteEventOutput)
  .mutation(({ ctx, input }) => deleteEvent(ctx.db, ctx.scope, input.id));
