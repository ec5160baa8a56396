import { getSegment } from '@tenure/core';
import { scoped } from '../../trpc';
import { getSegmentMeta, ZGetSegmentInput, ZGetSegmentOutput } from './get-segment.types';

export const getSegmentRoute = scoped
  .meta(getSegmentMeta)
  .input(ZGetSegmentInput)
  .output(ZGetSegmentOutput)
  .query(async ({ ctx, input }) => ({ segment: await getSegment(ctx.db, ctx.envId, input.id) }));
