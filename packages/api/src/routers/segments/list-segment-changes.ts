import { listSegmentChanges } from '@tenure/core';
import { scoped } from '../../trpc';
import { listSegmentChangesMeta, ZListSegmentChangesInput, ZListSegmentChangesOutput } from './list-segment-changes.types';

export const listSegmentChangesRoute = scoped
  .meta(listSegmentChangesMeta)
  .input(ZListSegmentChangesInput)
  .output(ZListSegmentChangesOutput)
  .query(({ ctx, input: { id, ...params } }) => listSegmentChanges(ctx.db, ctx.envId, id, params));
