import { listSegments } from '@tenure/core';
import { scoped } from '../../trpc';
import { listSegmentsMeta, ZListSegmentsInput, ZListSegmentsOutput } from './list-segments.types';

export const listSegmentsRoute = scoped
  .meta(listSegmentsMeta)
  .input(ZListSegmentsInput)
  .output(ZListSegmentsOutput)
  .query(async ({ ctx }) => ({ segments: await listSegments(ctx.db, ctx.envId) }));
