import { listEvents } from '@tenure/core';
import { scoped } from '../../trpc';
import { listEventsMeta, ZListEventsInput, ZListEventsOutput } from './list-events.types';

export const listEventsRoute = scoped
  .meta(listEventsMeta)
  .input(ZListEventsInput)
  .output(ZListEventsOutput)
  .query(({ ctx, input }) => listEvents(ctx.db, ctx.envId, input, { withCustomers: ctx.actor.permissions.has('customers:read') }));
